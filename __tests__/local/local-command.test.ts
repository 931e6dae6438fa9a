// `local` and `token` as a user runs them: bad config fails like synth, tokens come from the local issuer.
import { execFile, spawn, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
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
    const local = spawnSync(process.execPath, [join(REPO_ROOT, "bin/cli.mjs"), "local", "--config", file, "--port", "0"], { cwd: REPO_ROOT, encoding: "utf8" });
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

  test("cdktf-apigateway local and token: serve on a free 127.0.0.1 port, /health answers, the printed token passes the authorizer, SIGTERM stops it", async () => {
    const cli = join(REPO_ROOT, "bin", "cli.mjs");
    const help = spawnSync(process.execPath, [cli, "local", "--help"], { cwd: REPO_ROOT, encoding: "utf8" });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: cdktf-apigateway local --config <file>/);
    const stateDir = mkdtempSync(join(tmpdir(), "local-state-"));
    const local = spawn(process.execPath, [cli, "local", "--config", "config/initech/prod.ts", "--port", "0", "--quiet-functions", "--state-dir", stateDir], { cwd: REPO_ROOT });
    const exited = new Promise<number | null>((resolve) => local.once("exit", (code) => resolve(code)));
    try {
      let stdout = "";
      let stderr = "";
      local.stderr.on("data", (chunk) => (stderr += chunk));
      const url = await new Promise<string>((resolve, reject) => {
        local.stdout.on("data", (chunk) => {
          stdout += chunk;
          const serving = /^serving initech-prod on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(stdout);
          if (serving) resolve(serving[1]!);
        });
        void exited.then((code) => reject(new Error(`local exited ${code} before serving:\n${stderr}`)));
      });
      const health = await call(url, "GET", "/health");
      expect(health.status).toBe(200);
      expect(health.json.status).toBe("healthy");
      const token = await promisify(execFile)(process.execPath, [cli, "token", "--tenant", "initech", "--role", "user", "--state-dir", stateDir], { cwd: REPO_ROOT, encoding: "utf8" });
      expect(token.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
      const catalog = await call(url, "GET", "/catalog", { token: token.stdout.trim() });
      expect(catalog.status).toBe(200);
      expect(catalog.json.tenantId).toBe("initech");
      expect((await call(url, "GET", "/catalog", { token: `${token.stdout.trim()}x` })).status).toBe(401);
    } finally {
      local.kill("SIGTERM");
    }
    expect(await exited).toBe(0);
  });
});
