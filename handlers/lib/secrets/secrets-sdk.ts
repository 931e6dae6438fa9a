// The SDK clients of the two secrets services, loaded only when a container first reads a secret: bundled as a
// file of its own beside the handler (LAZY_MODULES in bin/build-handlers.mjs), so a cold start never pays for
// them. Only the SDK's classes live here: the readers, their errors and the request deadline they obey stay in
// the handler's bundle, so that there is one of each per container.
export { GetParameterCommand, SSMClient } from "@aws-sdk/client-ssm";
export { GetSecretValueCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
