// The container's secret store, wired to the two services. The services' SDK clients are loaded on the first
// read of a secret (secrets-sdk.ts, a file of its own beside the bundle) and created then, in the secret's
// region, at SSM_ENDPOINT / SECRETSMANAGER_ENDPOINT when set: a container that reads no secret never loads them.
import type { Logger } from "../logger.js";
import type { ReadSecret, SecretsSdk } from "./secret-reader.js";
import type { SecretsConfig } from "./secrets-config.js";
import { secretsManagerReader } from "./secrets-manager-reader.js";
import { ssmParameterReader } from "./ssm-parameter-reader.js";
import { SecretStore, type Secrets } from "./secret-store.js";

export function createSecrets(config: SecretsConfig, logger: Logger): Secrets {
  let sdk: Promise<SecretsSdk> | undefined;
  /** A reader created on its first read; a failed load is retried by the next read. */
  const onFirstRead = (create: (loaded: SecretsSdk) => ReadSecret): ReadSecret => {
    let reader: ReadSecret | undefined;
    return async (ref) => {
      if (reader === undefined) {
        sdk ??= import("./secrets-sdk.js").catch((error: unknown) => {
          sdk = undefined;
          throw error;
        });
        reader = create(await sdk);
      }
      return reader(ref);
    };
  };
  return new SecretStore(
    config.refs,
    {
      ssm: onFirstRead((loaded) => ssmParameterReader(config.ssmEndpoint, loaded)),
      secretsmanager: onFirstRead((loaded) => secretsManagerReader(config.secretsManagerEndpoint, loaded)),
    },
    logger,
  );
}
