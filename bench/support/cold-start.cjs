// One cold start, in a fresh process: require a handler bundle and answer its first event. Prints
// `{"ms": <require + first invocation>, "cpuMs": <CPU time (user + system) of the same>, "result": <what the
// handler returned>}`. CPU time is steadier than wall time on a loaded machine.
"use strict";
const started = process.hrtime.bigint();
const cpuStarted = process.cpuUsage();
const { handler } = require(process.argv[2]);
const context = { awsRequestId: "bench", functionName: "bench", getRemainingTimeInMillis: () => 10_000 };
Promise.resolve(handler(JSON.parse(process.env.BENCH_EVENT), context)).then(
  (result) => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const cpu = process.cpuUsage(cpuStarted);
    process.stdout.write(`\n${JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, result })}\n`, () => process.exit(0));
  },
  (error) => {
    process.stderr.write(`${error && error.stack ? error.stack : error}\n`, () => process.exit(1));
  },
);
