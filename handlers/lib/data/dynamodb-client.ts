// The DynamoDB client, created once per container. `DYNAMODB_ENDPOINT` points it at a local DynamoDB
// (dynalite in tests); unset, the SDK's regional endpoint is used. Region and credentials come from the
// Lambda environment (AWS_REGION and the execution role).
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { optionalString, type Env } from "../env.js";

export function createDynamoDbClient(env: Env): DynamoDBClient {
  const endpoint = optionalString(env, "DYNAMODB_ENDPOINT");
  return new DynamoDBClient({
    endpoint,
    maxAttempts: 3,
    // Fail fast inside an API Gateway request (29 s hard limit) instead of hanging on a dead connection.
    requestHandler: { connectionTimeout: 1_000, requestTimeout: 3_000 },
  });
}
