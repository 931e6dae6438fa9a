// Requires a handler bundle, answers one event (INVOKE_EVENT), prints the answer as the last line, and lets the
// process end by itself, so that what the handler sent (X-Ray segments over UDP) leaves before it does.
"use strict";
const { handler } = require(process.argv[2]);
const context = { awsRequestId: "invoke-once", functionName: "invoke-once", getRemainingTimeInMillis: () => 10_000 };
Promise.resolve(handler(JSON.parse(process.env.INVOKE_EVENT), context)).then(
  (result) => process.stdout.write(`\n${JSON.stringify(result)}\n`),
  (error) => {
    process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
    process.exitCode = 1;
  },
);
