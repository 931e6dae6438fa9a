// The baseline for cold starts (bench/bundles.bench.mjs): the smallest Lambda handler that makes one DynamoDB
// call with the same SDK, bundled exactly as the product's handlers are.
import { DynamoDBClient, GetItemCommand } from "@aws-sdk/client-dynamodb";

const client = new DynamoDBClient({ endpoint: process.env.DYNAMODB_ENDPOINT });

export const handler = async () => {
  const output = await client.send(new GetItemCommand({ TableName: process.env.TABLE_NAME, Key: { PK: { S: "bench" }, SK: { S: "bench" } } }));
  return { statusCode: 200, body: JSON.stringify(output.Item ?? null) };
};
