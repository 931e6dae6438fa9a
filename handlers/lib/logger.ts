// The one logger of a container: pino, JSON lines on stdout (CloudWatch Logs), written synchronously so a
// frozen or recycled Lambda sandbox loses nothing. Field names follow the enterprise integration spec's log format (`timestamp`,
// `level` as a word, `message`, `service`) so its CloudWatch Logs Insights queries work unchanged.
import { pino, type Logger } from "pino";
import { ConfigError, optionalString, type Env } from "./env.js";

export type { Logger };

const LEVELS = ["trace", "debug", "info", "warn", "error", "fatal", "silent"] as const;
type LevelName = (typeof LEVELS)[number];

/** Level words as the enterprise integration spec and the catalog/orders API contract print them (`WARNING`, as Python's logging does). */
const LEVEL_WORDS: Readonly<Record<string, string>> = {
  trace: "TRACE",
  debug: "DEBUG",
  info: "INFO",
  warn: "WARNING",
  error: "ERROR",
  fatal: "CRITICAL",
};

/** LOG_LEVEL, case-insensitive; the enterprise integration spec stage variables write DEBUG and WARN. Default info. */
export function logLevelFromEnv(env: Env): LevelName {
  const raw = optionalString(env, "LOG_LEVEL")?.toLowerCase();
  if (raw === undefined) return "info";
  const level = raw === "warning" ? "warn" : raw === "critical" ? "fatal" : raw;
  if (!(LEVELS as readonly string[]).includes(level)) {
    throw new ConfigError("LOG_LEVEL", `must be one of ${LEVELS.join(", ")}, got "${raw}"`);
  }
  return level as LevelName;
}

export function createLogger(service: string, level: LevelName): Logger {
  return pino(
    {
      level,
      base: { service },
      messageKey: "message",
      timestamp: () => `,"timestamp":"${new Date().toISOString()}"`,
      formatters: { level: (label) => ({ level: LEVEL_WORDS[label] ?? label.toUpperCase() }) },
      // Defence in depth: nothing here logs headers or tokens, but if someone ever does, they are masked.
      redact: { paths: ["authorization", "token", "headers.authorization", "headers.Authorization"], censor: "[REDACTED]" },
    },
    pino.destination({ dest: 1, sync: true }),
  );
}
