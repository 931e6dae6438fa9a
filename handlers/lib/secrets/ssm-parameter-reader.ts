// Reads an SSM Parameter Store SecureString: GetParameter with Name = the parameter ARN (valid for own and
// shared parameters) and WithDecryption. The execution role needs ssm:GetParameter on that ARN, plus
// kms:Decrypt on the key when the parameter uses a customer-managed KMS key. A String or StringList
// parameter is refused: a secret stored unencrypted is a configuration mistake to fix, not to serve.
import { perRegion, SECRET_CLIENT_SETTINGS, secretCallOptions, SecretReadError, type ReadSecret, type SecretsSdk } from "./secret-reader.js";

/** `sdk`: the loaded secrets-sdk module (see secrets-from-config.ts). */
export function ssmParameterReader(endpoint: string | undefined, { SSMClient, GetParameterCommand }: SecretsSdk): ReadSecret {
  const clientIn = perRegion((region) => new SSMClient({ ...SECRET_CLIENT_SETTINGS, region, endpoint }));
  return async (ref) => {
    const { Parameter } = await clientIn(ref.region).send(new GetParameterCommand({ Name: ref.arn, WithDecryption: true }), secretCallOptions());
    if (Parameter?.Type !== "SecureString") {
      throw new SecretReadError(ref, `is ${Parameter?.Type === undefined ? "not a parameter" : `a ${Parameter.Type} parameter`}, not a SecureString`);
    }
    if (Parameter.Value === undefined || Parameter.Value === "") throw new SecretReadError(ref, "is empty");
    return Parameter.Value;
  };
}
