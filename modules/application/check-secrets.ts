import { joinPath, type ProblemCollector } from "../api-gateway/validation/problems.js";
import type { FieldReader } from "./field-checks.js";
import type { ApplicationModel } from "./model.js";
import { reservedVariableProblem } from "./reserved-variables.js";

/**
 * `application.secrets`: each pointing at exactly one SSM parameter or Secrets Manager secret ARN, under a name the
 * handlers and Lambda do not use. Name and ARN shapes are the schema's (ApplicationSecretConfig and `secrets`).
 */
export function checkSecrets(value: unknown, read: FieldReader, problems: ProblemCollector): ApplicationModel["secrets"] {
  const path = joinPath("application", "secrets");
  const map = read.object(value) ?? {};
  const secrets: { name: string; kind: "ssm" | "secretsmanager"; arn: string }[] = [];
  for (const name of Object.keys(map).sort()) {
    const at = joinPath(path, name);
    if (!problems.hasErrorsUnder(at) && reservedVariableProblem(name)) problems.error(at, "is a name the handlers or Lambda use themselves", "choose another name");
    const entry = read.object(map[name]);
    if (!entry) continue;
    const ssm = read.string(entry.ssm_parameter_arn);
    const sm = read.string(entry.secrets_manager_secret_arn);
    if (entry.ssm_parameter_arn !== undefined && entry.secrets_manager_secret_arn !== undefined) {
      problems.error(at, "gives both ssm_parameter_arn and secrets_manager_secret_arn", "keep the one that holds the secret");
    } else if (entry.ssm_parameter_arn === undefined && entry.secrets_manager_secret_arn === undefined) {
      problems.error(at, "names no secret", "give ssm_parameter_arn or secrets_manager_secret_arn");
    } else if (ssm) secrets.push({ name, kind: "ssm", arn: ssm });
    else if (sm) secrets.push({ name, kind: "secretsmanager", arn: sm });
  }
  return secrets;
}

/**
 * How sure we are that an environment variable's name announces a secret value, which would then sit in
 * config, Terraform JSON and state: `error` for names no one gives a non-secret, `warning` for likely ones.
 */
export function secretLikeName(name: string): "error" | "warning" | undefined {
  if (/(SECRET|PASSWORD|PASSWD|PRIVATE_KEY)/i.test(name)) return "error";
  if (/(TOKEN|API_KEY|CREDENTIAL)/i.test(name)) return "warning";
  return undefined;
}
