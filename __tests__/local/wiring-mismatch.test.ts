// The gateway runs what Terraform would apply: a variable renamed on the infrastructure side only (the
// function's environment in the synthesized JSON) breaks the function here, as it would in AWS.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import acmeDev from "../../config/acme/dev.js";
import { builtHandlers, synthConfig } from "../support/synth.js";
import { call, startTestGateway } from "./support.js";

describe("local gateway and the stack's wiring", () => {
  test("renaming TABLE_NAME in the catalog function's environment turns the catalog into a 500", async () => {
    const { dir } = synthConfig(acmeDev, "acme-dev", await builtHandlers());
    const catalogOnce = async () => {
      const t = await startTestGateway({ stackDir: dir });
      try {
        const reply = await call(t.gateway.url, "GET", "/catalog", { token: await t.gateway.token({ tenant: "acme", role: "user" }) });
        return { reply, logs: t.functionLogs.filter((l) => l.fn === "acme-dev-catalog").map((l) => l.line) };
      } finally {
        await t.gateway.close();
      }
    };
    expect((await catalogOnce()).reply.status).toBe(200);

    const file = join(dir, "cdk.tf.json");
    const stack = JSON.parse(readFileSync(file, "utf8"));
    const variables = stack.resource.aws_lambda_function.app__catalog.environment.variables;
    variables.CATALOG_TABLE_NAME = variables.TABLE_NAME;
    delete variables.TABLE_NAME;
    writeFileSync(file, JSON.stringify(stack, null, 2));

    const broken = await catalogOnce();
    expect(broken.reply.status).toBe(500);
    expect(broken.reply.json).toEqual({ message: "Internal Server Error" });
    expect(broken.logs.join("\n")).toContain("TABLE_NAME: is required");
  });
});
