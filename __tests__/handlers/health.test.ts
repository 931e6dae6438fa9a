// GET /health (the serverless gateway deployment) through the built health bundle, in both payload formats.
import { beforeAll, describe, expect, test } from "vitest";
import { readFileSync } from "node:fs";
import "./support/environment.js";
import { APPENDIX_B_HEADERS } from "./support/app-harness.js";
import { ROOT } from "./support/environment.js";
import { ensureHandlersBuilt, loadHandler } from "./support/build.js";
import { httpApiEvent, json, restApiEvent, type ApiHandler } from "./support/events.js";

const VERSION = (JSON.parse(readFileSync(`${ROOT}package.json`, "utf8")) as { version: string }).version;

describe("health (built bundle)", () => {
  beforeAll(ensureHandlersBuilt);

  const load = (env: Record<string, string | undefined>) => loadHandler<ApiHandler>("health", { ENVIRONMENT: undefined, APP_VERSION: undefined, LOG_LEVEL: "silent", ...env });

  test("answers the serverless gateway deployment's body exactly, with the package version, in both payload formats", async () => {
    const health = load({ ENVIRONMENT: "staging" });
    for (const event of [httpApiEvent({ method: "GET", path: "/health", template: "/health" }), restApiEvent({ method: "GET", path: "/health", template: "/health" })]) {
      const response = await health(event);
      expect(response.statusCode).toBe(200);
      expect(response.body).toBe(JSON.stringify({ status: "healthy", environment: "staging", version: VERSION }));
      for (const [name, value] of Object.entries(APPENDIX_B_HEADERS)) expect(response.headers[name]).toBe(value);
    }
  });

  test("the serverless gateway deployment's invocation payload works as is; defaults environment to dev", async () => {
    // Exactly the payload of the serverless gateway deployment's `aws lambda invoke` example: no `version` field.
    const response = await load({})({ rawPath: "/health", requestContext: { http: { method: "GET" } } });
    expect(json(response)).toEqual({ status: "healthy", environment: "dev", version: VERSION });
  });

  test("APP_VERSION overrides the built-in version", async () => {
    expect(json(await load({ APP_VERSION: "2.3.4" })(httpApiEvent({ method: "GET", path: "/health" })))).toMatchObject({ version: "2.3.4" });
  });

  test("other methods: 405 with the error body and security headers", async () => {
    const response = await load({})(httpApiEvent({ method: "DELETE", path: "/health" }));
    expect(response.statusCode).toBe(405);
    expect(response.headers.Allow).toBe("GET");
    expect(json(response)).toMatchObject({ statusCode: 405, error: "MethodNotAllowed", tenantId: null });
    expect(response.headers["X-Frame-Options"]).toBe("DENY");
  });
});
