import { joinPath, quote, type ProblemCollector } from "../api-gateway/validation/problems.js";
import type { FieldReader } from "./field-checks.js";
import type { ApplicationModel } from "./model.js";
import { reservedVariableProblem } from "./reserved-variables.js";

const SECRET_NAME = /^[A-Z][A-Z0-9_]{0,63}$/;
const SSM_PARAMETER_ARN = /^arn:aws(-cn|-us-gov)?:ssm:[a-z]{2}(-[a-z]+)+-\d:\d{12}:parameter\/[A-Za-z0-9_.\-/]+$/;
const SECRET_ARN = /^arn:aws(-cn|-us-gov)?:secretsmanager:[a-z]{2}(-[a-z]+)+-\d:\d{12}:secret:[A-Za-z0-9/_+=.@-]+-[A-Za-z0-9]{6}$/;

/** `application.secrets`: each name once, each pointing at exactly one SSM parameter or Secrets Manager secret ARN. */
export function checkSecrets(value: unknown, read: FieldReader, problems: ProblemCollector): ApplicationModel["secrets"] {
  const path = joinPath("application", "secrets");
  const map = read.map(value, path) ?? {};
  const secrets: { name: string; kind: "ssm" | "secretsmanager"; arn: string }[] = [];
  for (const name of Object.keys(map).sort()) {
    const at = joinPath(path, name);
    if (!SECRET_NAME.test(name)) problems.error(at, `${quote(name)} is not a secret name`, "use upper-case letters, digits and _, starting with a letter, e.g. TOKEN_SIGNING_SECRET");
    else if (reservedVariableProblem(name)) problems.error(at, "is a name the handlers or Lambda use themselves", "choose another name");
    const entry = read.object(map[name], at, ["ssm_parameter_arn", "secrets_manager_secret_arn"]);
    if (!entry) {
      if (map[name] === undefined || map[name] === null) problems.error(at, "names no secret", "give ssm_parameter_arn or secrets_manager_secret_arn");
      continue;
    }
    const ssm = read.string(entry.ssm_parameter_arn, joinPath(at, "ssm_parameter_arn"), { pattern: SSM_PARAMETER_ARN, fix: "use arn:aws:ssm:<region>:<account>:parameter/<path>" });
    const sm = read.string(entry.secrets_manager_secret_arn, joinPath(at, "secrets_manager_secret_arn"), {
      pattern: SECRET_ARN,
      fix: "use the full secret ARN, arn:aws:secretsmanager:<region>:<account>:secret:<name>-<6 characters>",
    });
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
