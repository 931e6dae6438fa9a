// APP_SECRET_ARNS: which secrets a function may read, by name, and where each one lives. Read once per
// container; any malformed entry is a ConfigError naming APP_SECRET_ARNS (a Lambda init error).
//
//   APP_SECRET_ARNS = <NAME>=<ARN>[,<NAME>=<ARN>...]
//     NAME  ^[A-Z][A-Z0-9_]*$, unique
//     ARN   arn:<partition>:ssm:<region>:<account>:parameter/<name>                  (an SSM SecureString)
//           arn:<partition>:secretsmanager:<region>:<account>:secret:<name>-<6 chars> (a Secrets Manager secret,
//           full ARN with its random suffix: the IAM grant is for exactly that ARN)
//
// Error messages name the entry by position and NAME but never repeat the value: a secret pasted here by
// mistake must not end up in the init error's log line.
import { commaList, ConfigError, optionalString, type Env } from "../env.js";

export const SECRET_ARNS_VARIABLE = "APP_SECRET_ARNS";

export type SecretSource = "ssm" | "secretsmanager";

export interface SecretRef {
  /** The NAME handler code asks for. */
  readonly name: string;
  readonly arn: string;
  readonly source: SecretSource;
  /** The ARN's region: the client reading it is pointed there. */
  readonly region: string;
}

const NAME = /^[A-Z][A-Z0-9_]*$/;
const PARTITION = "aws(?:-[a-z]+)*";
const REGION = "[a-z]{2}(?:-[a-z]+)+-\\d{1,2}";
const ACCOUNT = "\\d{12}";
// SSM parameter names: letters, digits, . - _ and / as the hierarchy separator; in an ARN the name of
// `/acme/dev/x` appears as `parameter/acme/dev/x`. No version or label selector (`:3`, `:prod`).
const SSM_ARN = new RegExp(`^arn:${PARTITION}:ssm:(${REGION}):${ACCOUNT}:parameter/[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)*$`);
// Secrets Manager names: letters, digits and /_+=.@-; the ARN adds `-` and six random characters.
const SECRETS_MANAGER_ARN = new RegExp(`^arn:${PARTITION}:secretsmanager:(${REGION}):${ACCOUNT}:secret:[A-Za-z0-9/_+=.@-]+-[A-Za-z0-9]{6}$`);

const EXPECTED =
  "expected arn:<partition>:ssm:<region>:<account>:parameter/<name> or " +
  "arn:<partition>:secretsmanager:<region>:<account>:secret:<name>-<6 characters>";

/** The secrets named by APP_SECRET_ARNS, by NAME (empty when unset). */
export function secretArnsFromEnv(env: Env): ReadonlyMap<string, SecretRef> {
  const raw = optionalString(env, SECRET_ARNS_VARIABLE);
  const refs = new Map<string, SecretRef>();
  if (raw === undefined) return refs;
  commaList(raw).forEach((entry, index) => {
    const position = `entry ${index + 1}`;
    const equals = entry.indexOf("=");
    if (equals < 0) throw new ConfigError(SECRET_ARNS_VARIABLE, `${position} is not <NAME>=<ARN>`);
    const name = entry.slice(0, equals).trim();
    const arn = entry.slice(equals + 1).trim();
    if (!NAME.test(name)) throw new ConfigError(SECRET_ARNS_VARIABLE, `${position}: the name must match ${NAME.source}`);
    if (refs.has(name)) throw new ConfigError(SECRET_ARNS_VARIABLE, `${name} is named twice`);
    const location = parseSecretArn(arn);
    if (location === undefined) throw new ConfigError(SECRET_ARNS_VARIABLE, `${name}: not a secret ARN (${EXPECTED})`);
    refs.set(name, { name, arn, ...location });
  });
  return refs;
}

/** The service and region of an SSM parameter or Secrets Manager secret ARN; undefined for anything else. */
export function parseSecretArn(arn: string): { source: SecretSource; region: string } | undefined {
  const ssm = SSM_ARN.exec(arn);
  if (ssm !== null) return { source: "ssm", region: ssm[1]! };
  const secret = SECRETS_MANAGER_ARN.exec(arn);
  if (secret !== null) return { source: "secretsmanager", region: secret[1]! };
  return undefined;
}
