// Preloaded with `node --require` into a measured process: on exit, writes its peak RSS (KiB) where
// BENCH_USAGE_FILE says, so the parent can report memory without platform tools.
const { writeFileSync } = require("node:fs");
process.on("exit", () => {
  if (process.env.BENCH_USAGE_FILE) writeFileSync(process.env.BENCH_USAGE_FILE, String(process.resourceUsage().maxRSS));
});
