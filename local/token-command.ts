// `token --tenant <id> --role <role> [--scope <s>]... [--expires 1h] [--profile <n>]`: prints a token from the
// local issuer (keys under .local/issuer/) for the stack `local` serves (its issuer, audience and claim names
// are in .local/token-profiles.json, written when the gateway starts).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { TOKEN_OPTIONS } from "../cli/local-options.js";
import { ROLES } from "../handlers/lib/auth/roles.js";
import { issuerKeys, parseDuration, signToken, type TokenProfile } from "./issuer/local-issuer.js";
import type { CommandIo } from "./local-command.js";

export const TOKEN_USAGE = `usage: token --tenant <id> --role <${ROLES.join("|")}> [--scope <scope>]... [--expires 1h] [--profile <n>] [--state-dir <dir>]`;

const processIo: CommandIo = { out: (line) => process.stdout.write(`${line}\n`), err: (line) => process.stderr.write(`${line}\n`) };

export async function runToken(argv: readonly string[], io: CommandIo = processIo, stateDir = join(process.cwd(), ".local")): Promise<number> {
  let values: { tenant?: string; role?: string; scope?: string[]; expires?: string; profile?: string; sub?: string; "state-dir"?: string };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: TOKEN_OPTIONS,
      strict: true,
    }));
  } catch (error) {
    io.err(`token: ${(error as Error).message}`);
    io.err(TOKEN_USAGE);
    return 2;
  }
  const problems: string[] = [];
  if (!values.tenant) problems.push("token: --tenant is required");
  if (!values.role) problems.push("token: --role is required");
  else if (!(ROLES as readonly string[]).includes(values.role.toLowerCase())) problems.push(`token: --role must be one of ${ROLES.join(", ")}, got "${values.role}"`);
  const expires = parseDuration(values.expires ?? "1h");
  if (expires === undefined) problems.push(`token: --expires must be a duration such as 1h, 30m, 90s (or -1h for an expired token), got "${values.expires}"`);
  if (values["state-dir"]) stateDir = values["state-dir"];
  const profilesFile = join(stateDir, "token-profiles.json");
  if (!existsSync(profilesFile)) problems.push("token: no stack has been served yet; start npm run local -- --config <path> first, so the token matches its authorizer");
  if (problems.length > 0) {
    for (const line of problems) io.err(line);
    return 2;
  }
  const { profiles } = JSON.parse(readFileSync(profilesFile, "utf8")) as { profiles: TokenProfile[] };
  const index = Number(values.profile ?? 0);
  const profile = profiles[index];
  if (!profile) {
    io.err(profiles.length === 0 ? "token: the served stack has no JWT authorizer" : `token: --profile must be 0..${profiles.length - 1}`);
    return 2;
  }
  const scopes = (values.scope ?? []).flatMap((s) => s.split(/[\s,]+/)).filter(Boolean);
  io.out(await signToken(await issuerKeys(stateDir), profile, { tenant: values.tenant!, role: values.role!, scopes, expiresInSeconds: expires, subject: values.sub }));
  return 0;
}
