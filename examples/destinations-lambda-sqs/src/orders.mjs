// Business logic of the main function, apart from the handler: accept or reject a request.

export class RejectedRequest extends Error {}

export function handle(request) {
  if (request?.type === "failure") {
    throw new RejectedRequest("the request asked to fail (demonstrates the failure destination)");
  }
  return { accepted: true, id: request?.id ?? null };
}

// What the success function keeps of a destination record.
export function summarise(record) {
  return {
    function: record?.requestContext?.functionArn,
    condition: record?.requestContext?.condition,
    result: record?.responsePayload,
  };
}
