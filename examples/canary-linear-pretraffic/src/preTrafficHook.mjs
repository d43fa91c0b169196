// CodeDeploy pre-traffic hook: score the stack's fitness, report the lifecycle status, and
// publish the score as a CloudWatch metric. Clients are built once per execution environment.
import { CloudWatchClient, PutMetricDataCommand } from "@aws-sdk/client-cloudwatch";
import { CodeDeployClient, PutLifecycleEventHookExecutionStatusCommand } from "@aws-sdk/client-codedeploy";
import { ConfigServiceClient, GetComplianceDetailsByResourceCommand } from "@aws-sdk/client-config-service";
import { DescribeTableCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { InvokeCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { GetBucketEncryptionCommand, S3Client } from "@aws-sdk/client-s3";

import { bucketScore, complianceScore, functionScore, tableScore } from "./fitness.mjs";

const cloudwatch = new CloudWatchClient({});
const codedeploy = new CodeDeployClient({});
const config = new ConfigServiceClient({});
const dynamodb = new DynamoDBClient({});
const lambda = new LambdaClient({});
const s3 = new S3Client({});

const env = process.env;
// CurrentVersion: the first function's new version, about to receive traffic.
const functions = [env.CurrentVersion, env.SecondFunction];
const buckets = [env.EncryptedBucket, env.UnencryptedBucket];
const tables = [env.EncryptedTable, env.UnencryptedTable];

async function testFunction(name) {
  const answer = await lambda.send(new InvokeCommand({ FunctionName: name, Payload: '"test"' }));
  return functionScore(answer.StatusCode ?? 500, new TextDecoder().decode(answer.Payload));
}

async function testBucket(name) {
  try {
    const found = await s3.send(new GetBucketEncryptionCommand({ Bucket: name }));
    return bucketScore(found.ServerSideEncryptionConfiguration?.Rules);
  } catch (error) {
    if (error.name === "ServerSideEncryptionConfigurationNotFoundError") return 0;
    throw error;
  }
}

async function testTable(name) {
  const found = await dynamodb.send(new DescribeTableCommand({ TableName: name }));
  return tableScore(found.Table);
}

async function testCompliance(resourceType, resourceId) {
  const found = await config.send(new GetComplianceDetailsByResourceCommand({
    ResourceType: resourceType, ResourceId: resourceId, ComplianceTypes: ["COMPLIANT"],
  }));
  return complianceScore(found.EvaluationResults);
}

export const handler = async (event) => {
  if (event === "test") return "ok";
  const functionResults = await Promise.all(functions.map(testFunction));
  const scores = await Promise.all([
    ...buckets.map(testBucket),
    ...tables.map(testTable),
    ...buckets.map((b) => testCompliance("AWS::S3::Bucket", b)),
    ...tables.map((t) => testCompliance("AWS::DynamoDB::Table", t)),
  ]);
  const fitness = functionResults.reduce((sum, r) => sum + r.score, 0)
    + scores.reduce((sum, s) => sum + s, 0);
  const status = functionResults.every((r) => r.healthy) ? "Succeeded" : "Failed";
  console.log(JSON.stringify({ fitness, status }));

  if (event?.DeploymentId) {
    await codedeploy.send(new PutLifecycleEventHookExecutionStatusCommand({
      deploymentId: event.DeploymentId,
      lifecycleEventHookExecutionId: event.LifecycleEventHookExecutionId,
      status,
    }));
  }
  await cloudwatch.send(new PutMetricDataCommand({
    Namespace: env.Namespace,
    MetricData: [{ MetricName: env.MetricName, Timestamp: new Date(), Value: fitness }],
  }));
  return { fitness, status };
};
