// `local` and `token` as a user runs them: bad config fails like synth, tokens come from the local issuer.
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { startLocalCommand } from "../../local/local-command.js";
import { runToken } from "../../local/token-command.js";
import { REPO_ROOT, runApp, writeTempConfig } from "../support/synth.js";
import { call } from "./support.js";

const badConfig = {
  name_prefix: "shop",
  http_apis: {
    api: {
      stages: { live: { default_route_settings: { throttling_burst_limit: -1, throttling_rate_limit: -2 } } },
      routes: { list: { route_key: "GET /items", target: "integrations/missing", authorizer_id: "cognito" } },
    },
  },
};

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (line: string) => out.push(line), err: (line: string) => err.push(line) }, out, err };
}

describe("the local command", () => {
  test("a bad config prints the same path-prefixed lines as synth and exits non-zero", () => {
    const file = writeTempConfig("shop.tfvars.json", badConfig);
    const synth = runApp(file, join(mkdtempSync(join(tmpdir(), "local-synth-")), "out"));
    expect(synth.status).toBe(1);
    const local = spawnSync(process.execPath, [join(REPO_ROOT, "bin/run-ts.mjs"), "local/local-main.ts", "local", "--config", file, "--port", "0"], { cwd: REPO_ROOT, encoding: "utf8" });
    expect(local.status).toBe(1);
    expect(local.stderr).toBe(synth.stderr);
    expect(local.stderr.split("\n").filter(Boolean).length).toBeGreaterThanOrEqual(2);
    for (const line of local.stderr.split("\n").filter(Boolean)) expect(line).toMatch(/^http_apis\.api\./);
    expect(local.stdout).toBe("");
  });

  test("--stage names a stage of the stack, or the command says which exist", async () => {
    const run = capture();
    expect(await startLocalCommand(["--config", "config/acme/dev.ts", "--stage", "prod", "--port", "0"], run.io, { root: REPO_ROOT, stateDir: mkdtempSync(join(tmpdir(), "local-state-")) })).toBe(1);
    expect(run.err).toEqual(['local: stage "prod" is not in the stack; stages: dev']);
  });

  test("usage errors exit 2 naming the option", async () => {
    const run = capture();
    expect(await startLocalCommand(["--port", "3000"], run.io)).toBe(2);
    expect(run.err[0]).toBe("local: --config is required");
    const token = capture();
    expect(await runToken(["--tenant", "acme", "--role", "boss"], token.io, mkdtempSync(join(tmpdir(), "local-state-")))).toBe(2);
    expect(token.err).toContain('token: --role must be one of guest, user, moderator, admin, got "boss"');
  });

  test("token prints a token the served stack's authorizer accepts; --expires -1h one it refuses", async () => {
    const stateDir = mkdtempSync(join(tmpdir(), "local-state-"));
    const run = capture();
    const gateway = await startLocalCommand(["--config", "config/initech/prod.ts", "--port", "0", "--quiet-functions"], run.io, { root: REPO_ROOT, stateDir });
    if (typeof gateway === "number") throw new Error(run.err.join("\n"));
    try {
      expect(run.out[0]).toBe(`serving initech-prod on ${gateway.url}`);
      expect(run.out).toContain(`  API key ${gateway.apiKeys[0]!.name}: ${gateway.apiKeys[0]!.value}`);
      expect(gateway.apiKeys[0]!.name).toMatch(/^initech-prod-tenant-/);
      const issued = capture();
      expect(await runToken(["--tenant", "initech", "--role", "Moderator", "--expires", "30m"], issued.io, stateDir)).toBe(0);
      const reply = await call(gateway.url, "GET", "/catalog", { token: issued.out[0] });
      expect(reply.status).toBe(200);
      expect(reply.json.tenantId).toBe("initech");
      const expired = capture();
      await runToken(["--tenant", "initech", "--role", "user", "--expires", "-1h"], expired.io, stateDir);
      expect((await call(gateway.url, "GET", "/catalog", { token: expired.out[0] })).status).toBe(401);
      expect(run.out.some((line) => /^GET \/catalog route="GET \/catalog" auth=lambda allow integration=lambda:initech-prod-catalog.* status=200 [\d.]+ms$/.test(line))).toBe(true);
    } finally {
      await gateway.close();
    }
  });
});
