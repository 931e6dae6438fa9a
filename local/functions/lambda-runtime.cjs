// One Lambda execution environment: a child process whose environment is exactly the function's, which
// loads the handler from the unpacked package once (the init phase) and then runs one invocation at a time,
// as Lambda's Node.js runtime does. Talks to the gateway over the IPC channel.
"use strict";
const { existsSync } = require("node:fs");
const { join } = require("node:path");
const { pathToFileURL } = require("node:url");

const { codeDir, handler, functionName, functionArn, memoryMb, logGroup } = JSON.parse(process.env.LOCAL_LAMBDA_RUNTIME);
delete process.env.LOCAL_LAMBDA_RUNTIME;

function errorOf(error, fallbackType) {
  return {
    errorType: (error && (error.errorType || error.name)) || fallbackType,
    errorMessage: error && error.message !== undefined ? String(error.message) : String(error),
  };
}

async function init() {
  const dot = handler.lastIndexOf(".");
  const file = handler.slice(0, dot);
  const exportName = handler.slice(dot + 1);
  const base = join(codeDir, file);
  const path = [".js", ".mjs", ".cjs"].map((ext) => base + ext).find((candidate) => existsSync(candidate));
  if (!path) throw Object.assign(new Error(`Cannot find module '${file}'`), { errorType: "Runtime.ImportModuleError" });
  const loaded = path.endsWith(".mjs") ? await import(pathToFileURL(path).href) : require(path);
  const fn = loaded[exportName];
  if (typeof fn !== "function") throw Object.assign(new Error(`${file}.${exportName} is undefined or not exported`), { errorType: "Runtime.HandlerNotFound" });
  return fn;
}

const started = process.hrtime.bigint();
init().then(
  (fn) => {
    process.send({ type: "ready", initMs: Number(process.hrtime.bigint() - started) / 1e6 });
    process.on("message", async (message) => {
      const deadline = message.deadlineMs;
      const context = {
        callbackWaitsForEmptyEventLoop: true,
        functionName,
        functionVersion: "$LATEST",
        invokedFunctionArn: functionArn,
        memoryLimitInMB: String(memoryMb),
        awsRequestId: message.requestId,
        logGroupName: logGroup,
        logStreamName: `local/${process.pid}`,
        getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
      };
      try {
        const result = await fn(message.event, context);
        process.send({ type: "result", id: message.id, result: result === undefined ? null : result });
      } catch (error) {
        process.send({ type: "error", id: message.id, error: errorOf(error, "Error") });
      }
    });
  },
  (error) => {
    const failure = errorOf(error, "Runtime.InitError");
    process.stderr.write(`INIT_REPORT ${failure.errorType}: ${failure.errorMessage}\n`);
    process.send({ type: "init-error", error: failure }, () => process.exit(1));
  },
);
