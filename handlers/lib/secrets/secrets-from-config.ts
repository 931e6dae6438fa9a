// The container's secret store, wired to the two services. The SDK clients are created only when a secret
// of that service is first read, in the secret's region, at SSM_ENDPOINT / SECRETSMANAGER_ENDPOINT when set.
//
// Both clients are imported statically, i.e. evaluated at every cold start even when APP_SECRET_ARNS is
// empty. A dynamic import() does not help inside the CommonJS bundle: esbuild then wraps every module the
// client reaches (the @smithy/* and @aws-sdk/core code DynamoDB shares) in lazy initialisers and stops
// tree-shaking them, so the bundle grew by ~110 KiB more and cold require got slower, not faster
// (measured). The SSM client is most of the cost: ~77 KiB, mostly its ~200 registered error classes.
import type { Logger } from "../logger.js";
import type { SecretsConfig } from "./secrets-config.js";
import { secretsManagerReader } from "./secrets-manager-reader.js";
import { ssmParameterReader } from "./ssm-parameter-reader.js";
import { SecretStore, type Secrets } from "./secret-store.js";

export function createSecrets(config: SecretsConfig, logger: Logger): Secrets {
  return new SecretStore(
    config.refs,
    { ssm: ssmParameterReader(config.ssmEndpoint), secretsmanager: secretsManagerReader(config.secretsManagerEndpoint) },
    logger,
  );
}
