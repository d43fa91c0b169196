// Business logic of the pre-traffic hook: turn what it observed into a fitness score.
// No AWS call here, so it can be tested without AWS.

export function functionScore(statusCode, payload) {
  if (statusCode < 200 || statusCode >= 300) return { score: 0, healthy: false };
  let score = 1;
  try {
    const body = JSON.parse(JSON.parse(payload).body);
    if (typeof body.message === "string" && body.message.startsWith("Hello")) score += 1;
  } catch {
    // A function that answers without the expected body is alive, not correct.
  }
  return { score, healthy: true };
}

export function bucketScore(rules) {
  let score = 0;
  for (const rule of rules ?? []) {
    const algorithm = rule.ApplyServerSideEncryptionByDefault?.SSEAlgorithm;
    if (algorithm === "AES256") score += 3;
    if (algorithm === "aws:kms" || algorithm === "aws:kms:dsse") score += 6;
  }
  return score;
}

export function tableScore(table) {
  const status = table?.SSEDescription?.Status;
  return status === "ENABLED" || status === "ENABLING" ? 5 : 0;
}

export function complianceScore(evaluations) {
  return 10 * (evaluations?.length ?? 0);
}
