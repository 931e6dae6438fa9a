// Reading configuration from the environment, once per container (at module load).
// Every problem becomes a ConfigError naming the variable, so a misconfigured function fails its
// init loudly (a Lambda init error, visible in logs and the Errors metric) instead of serving wrong answers.

export type Env = Readonly<Record<string, string | undefined>>;

export class ConfigError extends Error {
  static readonly code = "ERR_CONFIG";
  readonly code = "ERR_CONFIG";
  override name = "ConfigError";

  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
  }
}

/** The trimmed value, or undefined when unset or blank. */
export function optionalString(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === "" ? undefined : value;
}

export function requiredString(env: Env, name: string): string {
  const value = optionalString(env, name);
  if (value === undefined) throw new ConfigError(name, "is required");
  return value;
}

/** An integer in [min, max], or the fallback when unset. */
export function integerInRange(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = optionalString(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

/** An http(s) URL (an endpoint override), or undefined when unset. */
export function optionalHttpUrl(env: Env, name: string): string | undefined {
  const raw = optionalString(env, name);
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, `must be an http(s) URL, got "${raw}"`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new ConfigError(name, `must be an http(s) URL, got "${raw}"`);
  return raw;
}

export function booleanFlag(env: Env, name: string, fallback: boolean): boolean {
  const raw = optionalString(env, name)?.toLowerCase();
  if (raw === undefined) return fallback;
  if (raw === "true" || raw === "1") return true;
  if (raw === "false" || raw === "0") return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

/** A comma-separated list of non-empty, trimmed entries. */
export function commaList(raw: string): string[] {
  return raw
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
}
