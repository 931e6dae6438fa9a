import { App } from "cdktf";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { lintStack } from "../../modules/lint/run-lint.js";
import type { LintFinding } from "../../modules/lint/types.js";
import { ApiGatewayStack } from "../../stacks/api-gateway-stack.js";
import { checkStackConfig } from "../../stacks/load-stack-configs.js";

const LAMBDA = "arn:aws:lambda:eu-west-1:123456789012:function:api-handler";
const AUTHORIZER = "arn:aws:lambda:eu-west-1:123456789012:function:authorizer";
const WAF = "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/edge/1a2b3c4d-0000-4000-8000-000000000000";
export const KMS = "arn:aws:kms:eu-west-1:123456789012:key/1a2b3c4d-0000-4000-8000-000000000000";

/** A REST API config that no rule objects to; tests change one thing in a copy. */
export function secureRest(): any {
  return {
    name_prefix: "lint",
    log_kms_key_id: KMS,
    rest_apis: {
      shop: {
        waf_acl_arn: WAF,
        authorizers: { jwt: { type: "REQUEST", authorizer_uri: AUTHORIZER, identity_source: "method.request.header.Authorization", authorizer_result_ttl_in_seconds: 300 } },
        models: { order: { schema: { type: "object" } } },
        methods: {
          list: { path: "/orders", http_method: "GET", authorization: "CUSTOM", authorizer_id: "jwt", integration: { type: "AWS_PROXY", uri: LAMBDA } },
          create: {
            path: "/orders",
            http_method: "POST",
            authorization: "CUSTOM",
            authorizer_id: "jwt",
            request_validator: "BODY",
            request_models: { "application/json": "order" },
            integration: { type: "AWS_PROXY", uri: LAMBDA },
          },
        },
        stages: {
          prod: {
            xray_tracing_enabled: true,
            throttle_settings: { throttling_rate_limit: 100, throttling_burst_limit: 200 },
          },
        },
      },
    },
  };
}

/** An HTTP API config that no rule objects to. */
export function secureHttp(): any {
  return {
    name_prefix: "lint",
    log_kms_key_id: KMS,
    http_apis: {
      api: {
        jwt_authorizers: { jwt: { issuer: "https://issuer.example/", audience: ["api"] } },
        integrations: { fn: { integration_type: "AWS_PROXY", integration_uri: LAMBDA } },
        routes: { list: { route_key: "GET /orders", target: "integrations/fn", authorization_type: "JWT", authorizer_id: "jwt" } },
        stages: { prod: { default_route_settings: { throttling_rate_limit: 100, throttling_burst_limit: 200 } } },
      },
    },
  };
}

/** Synthesizes a config as synth does (no terraform) and runs the rules over its Terraform JSON. */
export function lintConfig(value: unknown): LintFinding[] {
  const result = checkStackConfig({ file: "lint.tfvars.json", value });
  if (!result.config) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
  const outdir = mkdtempSync(join(tmpdir(), "apigw-lint-test-"));
  try {
    const app = new App({ outdir, skipValidation: true });
    new ApiGatewayStack(app, result.config);
    app.synth();
    const stack = JSON.parse(readFileSync(join(outdir, "stacks", result.config.stackName, "cdk.tf.json"), "utf8"));
    return lintStack(result.config.module.model, stack, result.config.settings?.lint);
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

export function hitsOf(findings: readonly LintFinding[], rule: string): string[] {
  return findings.filter((f) => f.rule === rule).map((f) => `${f.path}: ${f.message}`);
}
