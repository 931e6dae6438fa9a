// Secret settings of the catalog and orders handlers, read once per container.
//
//   APP_SECRET_ARNS          optional  <NAME>=<ARN>,...: see secret-arns.ts; default: no secrets
//   SSM_ENDPOINT             optional  e.g. http://127.0.0.1:4583 for a local SSM; default: AWS, in the ARN's region
//   SECRETSMANAGER_ENDPOINT  optional  same, for Secrets Manager
import { optionalHttpUrl, type Env } from "../env.js";
import { secretArnsFromEnv, type SecretRef } from "./secret-arns.js";

export interface SecretsConfig {
  readonly refs: ReadonlyMap<string, SecretRef>;
  readonly ssmEndpoint: string | undefined;
  readonly secretsManagerEndpoint: string | undefined;
}

export function secretsConfigFromEnv(env: Env): SecretsConfig {
  return {
    refs: secretArnsFromEnv(env),
    ssmEndpoint: optionalHttpUrl(env, "SSM_ENDPOINT"),
    secretsManagerEndpoint: optionalHttpUrl(env, "SECRETSMANAGER_ENDPOINT"),
  };
}
