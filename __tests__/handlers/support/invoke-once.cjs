// Requires a handler bundle, answers one event (INVOKE_EVENT), prints `{"answer": ..., "clsNamespaces": [...]}` as
// the last line, and lets the process end by itself, so that what the handler sent (X-Ray segments over UDP) leaves
// before it does. clsNamespaces: the cls-hooked namespaces the process created (each one an async hook that slows
// every promise after it).
"use strict";
const { handler } = require(process.argv[2]);
const context = { awsRequestId: "invoke-once", functionName: "invoke-once", getRemainingTimeInMillis: () => 10_000 };
Promise.resolve(handler(JSON.parse(process.env.INVOKE_EVENT), context)).then(
  (answer) => {
    const clsNamespaces = Object.keys(process.namespaces ?? {}).filter((name) => process.namespaces[name]);
    process.stdout.write(`\n${JSON.stringify({ answer, clsNamespaces })}\n`);
  },
  (error) => {
    process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
    process.exitCode = 1;
  },
);
