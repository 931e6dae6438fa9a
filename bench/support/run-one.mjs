// One benchmark in a process of its own, for bench/run-all.mjs: `node bench/support/run-one.mjs <name> [--quick]`
// runs bench/<name>.bench.mjs and writes its { table, ratios } as JSON to the file named by BENCH_RESULT_FILE.
// A fresh process per benchmark, so that none measures in the heap, event loop or sockets another one left.
import { writeFileSync } from "node:fs";

const [name, ...flags] = process.argv.slice(2);
const { run } = await import(`../${name}.bench.mjs`);
const result = await run({ quick: flags.includes("--quick") });
writeFileSync(process.env.BENCH_RESULT_FILE, JSON.stringify(result));
// Benchmarks leave keep-alive sockets behind; this one is over.
process.exit(0);
