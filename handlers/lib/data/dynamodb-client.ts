// The DynamoDB client, created once per container, and the only way the repositories reach it: every call
// carries an AbortSignal that ends it at the request's deadline or after CALL_TIMEOUT_MS, whichever comes
// first. `DYNAMODB_ENDPOINT` points it at a local DynamoDB (dynalite in tests); unset, the SDK's regional
// endpoint is used. Region and credentials come from the Lambda environment.
//
// Measured with the pinned SDK (NodeHttpHandler of @aws-sdk/client-dynamodb 3.1164.0) against a server
// that accepts and never answers: `requestTimeout` alone only logs a warning and the call hangs;
// `throwOnRequestTimeout` ends a silent attempt (retryable, so the SDK tries again) but not a response
// whose body stalls after its headers; the AbortSignal ends all of them, retries and backoff included.
import {
  DeleteItemCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  UpdateItemCommand,
  type DeleteItemCommandInput,
  type DeleteItemCommandOutput,
  type GetItemCommandInput,
  type GetItemCommandOutput,
  type PutItemCommandInput,
  type PutItemCommandOutput,
  type QueryCommandInput,
  type QueryCommandOutput,
  type UpdateItemCommandInput,
  type UpdateItemCommandOutput,
} from "@aws-sdk/client-dynamodb";
import { optionalString, type Env } from "../env.js";
import { callSignal } from "../request-deadline.js";
import { tracedSend } from "../tracing.js";

/** One call, its retries included; the request's deadline may end it sooner. */
export const CALL_TIMEOUT_MS = 5_000;
/** One attempt; the SDK retries a timed-out attempt (3 attempts in all) while the call's time lasts. */
export const ATTEMPT_TIMEOUT_MS = 2_000;

/** The DynamoDB operations this service uses, each bounded. */
export interface DynamoDb {
  getItem(input: GetItemCommandInput): Promise<GetItemCommandOutput>;
  putItem(input: PutItemCommandInput): Promise<PutItemCommandOutput>;
  updateItem(input: UpdateItemCommandInput): Promise<UpdateItemCommandOutput>;
  deleteItem(input: DeleteItemCommandInput): Promise<DeleteItemCommandOutput>;
  query(input: QueryCommandInput): Promise<QueryCommandOutput>;
}

export function createDynamoDb(env: Env): DynamoDb {
  const client = new DynamoDBClient({
    endpoint: optionalString(env, "DYNAMODB_ENDPOINT"),
    maxAttempts: 3,
    requestHandler: { connectionTimeout: 1_000, requestTimeout: ATTEMPT_TIMEOUT_MS, throwOnRequestTimeout: true },
  });
  // X-Ray subsegments per call when the function traces (tracing.ts).
  const send = tracedSend(client) as typeof client.send;
  const options = () => ({ abortSignal: callSignal(CALL_TIMEOUT_MS) });
  return {
    getItem: (input) => send(new GetItemCommand(input), options()),
    putItem: (input) => send(new PutItemCommand(input), options()),
    updateItem: (input) => send(new UpdateItemCommand(input), options()),
    deleteItem: (input) => send(new DeleteItemCommand(input), options()),
    query: (input) => send(new QueryCommand(input), options()),
  };
}
