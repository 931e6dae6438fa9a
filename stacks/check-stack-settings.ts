import { suggestion } from "../modules/api-gateway/validation/did-you-mean.js";
import { quote, type ConfigProblem } from "../modules/api-gateway/validation/problems.js";
import { checkLintSettings } from "../modules/lint/check-lint-settings.js";
import { checkEncryptionKey } from "./encryption-key.js";
import type { StackSettings } from "./environment-config.js";

const NAME = /^[a-z][a-z0-9-]{0,30}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;
const BACKEND_KEYS = ["bucket", "key", "region", "dynamodb_table", "use_lockfile", "encrypt"];

/** Checks the stack settings of a tenant environment config; returns them typed, or problems. */
export function checkStackSettings(raw: Record<string, unknown>): { settings?: StackSettings; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  for (const field of ["tenant", "environment"] as const) {
    const value = raw[field];
    if (typeof value !== "string" || !NAME.test(value)) {
      problems.push({ path: field, message: value === undefined ? "is required" : `${quote(value)} is not a valid name`, fix: "use lower-case letters, digits and -, starting with a letter (at most 31)" });
    }
  }
  if (typeof raw.region !== "string" || !REGION.test(raw.region)) {
    problems.push({ path: "region", message: raw.region === undefined ? "is required" : `${quote(raw.region)} is not an AWS region`, fix: 'use a region code such as "eu-west-1"' });
  }
  const backend = raw.backend;
  if (backend !== undefined) {
    const s3 = (backend as { s3?: Record<string, unknown> } | null)?.s3;
    if (s3 === null || typeof s3 !== "object" || Object.keys(backend as object).length !== 1) {
      problems.push({ path: "backend", message: "must be { s3: { bucket, ... } }", fix: "leave it out for local state" });
    } else {
      if (typeof s3.bucket !== "string" || s3.bucket === "") problems.push({ path: "backend.s3.bucket", message: "is required", fix: "name the state bucket" });
      for (const key of Object.keys(s3)) {
        if (!BACKEND_KEYS.includes(key)) problems.push({ path: `backend.s3.${key}`, message: "unknown key", fix: suggestion(key, BACKEND_KEYS, "allowed keys") });
      }
    }
  }
  problems.push(...checkLintSettings(raw.lint), ...checkEncryptionKey(raw.kms_key_arn));
  return problems.length > 0 ? { problems } : { settings: raw as unknown as StackSettings, problems };
}
