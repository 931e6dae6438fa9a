// Reads a Secrets Manager secret: GetSecretValue with SecretId = the secret ARN (its current AWSCURRENT
// version). Only SecretString is supported; a binary secret is refused. The execution role needs
// secretsmanager:GetSecretValue on that ARN, plus kms:Decrypt on the key when the secret uses a
// customer-managed KMS key.
import { perRegion, SECRET_CLIENT_SETTINGS, secretCallOptions, SecretReadError, type ReadSecret, type SecretsSdk } from "./secret-reader.js";

/** `sdk`: the loaded secrets-sdk module (see secrets-from-config.ts). */
export function secretsManagerReader(endpoint: string | undefined, { SecretsManagerClient, GetSecretValueCommand }: SecretsSdk): ReadSecret {
  const clientIn = perRegion((region) => new SecretsManagerClient({ ...SECRET_CLIENT_SETTINGS, region, endpoint }));
  return async (ref) => {
    const { SecretString, SecretBinary } = await clientIn(ref.region).send(new GetSecretValueCommand({ SecretId: ref.arn }), secretCallOptions());
    if (SecretString === undefined) {
      throw new SecretReadError(ref, SecretBinary === undefined ? "has no value" : "is binary (SecretBinary); only SecretString is supported");
    }
    if (SecretString === "") throw new SecretReadError(ref, "is empty");
    return SecretString;
  };
}
