import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["__tests__/**/*.test.ts"],
    // Terraform init/plan and the app's own process take seconds each.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: "forks",
    // One test file per core. Vitest's default (cores - 1) keeps a core for its own process, which mostly waits;
    // most of the suite's time is spent in child processes (terraform, esbuild, the CLI), so on a 2-core machine
    // that default would run the files one at a time.
    maxWorkers: Math.max(2, availableParallelism()),
    reporters: ["default"],
  },
});
