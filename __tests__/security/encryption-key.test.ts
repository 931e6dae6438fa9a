import { describe, expect, test } from "vitest";
import { serverlessGateway } from "../../stacks/presets/serverless-gateway.js";
import { builtHandlers, problemLines, synthConfig } from "../support/synth.js";

const KEY = "arn:aws:kms:us-east-1:444444444444:key/0a1b2c3d-0000-4000-8000-000000000000";

describe("kms_key_arn", () => {
  test("in the serverless gateway preset, reaches every table and log group", async () => {
    const { stack } = synthConfig(serverlessGateway({ tenant: "acme", jwt_issuer: "https://issuer.example/", jwt_audiences: ["api"], kms_key_arn: KEY }), "acme", await builtHandlers());
    const groups = Object.values(stack.resource.aws_cloudwatch_log_group as Record<string, any>);
    expect(groups.length).toBeGreaterThanOrEqual(5);
    expect(groups.filter((g) => g.kms_key_id !== KEY).map((g) => g.name)).toEqual([]);
    const tables = Object.values(stack.resource.aws_dynamodb_table as Record<string, any>);
    expect(tables.length).toBeGreaterThan(0);
    expect(tables.filter((t) => t.server_side_encryption.kms_key_arn !== KEY).map((t) => t.name)).toEqual([]);
  });

  test("a more specific key wins, and a malformed one is an error at its path", async () => {
    const other = "arn:aws:kms:us-east-1:444444444444:key/ffffffff-0000-4000-8000-000000000000";
    const config = { ...serverlessGateway({ tenant: "acme", jwt_issuer: "https://issuer.example/", jwt_audiences: ["api"], kms_key_arn: KEY }), log_kms_key_id: other };
    const { stack } = synthConfig(config, "acme", await builtHandlers());
    expect(new Set(Object.values(stack.resource.aws_cloudwatch_log_group as Record<string, any>).map((g) => g.kms_key_id))).toEqual(new Set([other]));
    expect(problemLines({ ...config, kms_key_arn: "alias/mine" })).toEqual(['kms_key_arn: "alias/mine" is not a KMS key ARN; use arn:aws:kms:<region>:<account>:key/<key id>']);
  });
});
