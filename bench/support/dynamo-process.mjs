// dynalite in a process of its own, as DynamoDB is a server of its own: the calls a benchmark measures then never
// wait on the harness's event loop or garbage collector (in a full `npm run bench` the harness has run the other
// benchmarks first and carries their heap). The child runs local/dynamo/local-dynamo.ts's startDynamo.
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { isMain } from "./ratios.mjs";
import { runTypeScript } from "../../bin/run-ts.mjs";

const LOCAL_DYNAMO = fileURLToPath(new URL("../../local/dynamo/local-dynamo.ts", import.meta.url));

/** @returns {Promise<{ endpoint: string, client: import("@aws-sdk/client-dynamodb").DynamoDBClient, close(): Promise<void> }>} */
export async function startDynamoProcess() {
  const { localDynamoClient } = await runTypeScript(LOCAL_DYNAMO);
  const child = fork(fileURLToPath(import.meta.url), [], { stdio: ["ignore", "ignore", "inherit", "ipc"] });
  const endpoint = await new Promise((resolve, reject) => {
    child.once("message", (message) => resolve(message.endpoint));
    child.once("exit", (code) => reject(new Error(`the DynamoDB process exited (${code}) before it listened`)));
  });
  const client = localDynamoClient(endpoint);
  return {
    endpoint,
    client,
    close: async () => {
      client.destroy();
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.disconnect();
      await exited;
    },
  };
}

if (isMain(import.meta.url)) {
  const { startDynamo } = await runTypeScript(LOCAL_DYNAMO);
  const dynamo = await startDynamo();
  process.send({ endpoint: dynamo.endpoint });
  process.once("disconnect", () => dynamo.close().then(() => process.exit(0)));
}
