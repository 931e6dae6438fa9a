// Identifier formats accepted from clients (path parameters and body fields). Ids are embedded in sort
// keys (`ORDER#<orderId>`), so the format excludes `#` and anything else a key could be bent with.
import { ValidationError } from "./errors.js";

export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

export function requireId(field: string, value: unknown): string {
  if (value === undefined || value === null || value === "") throw new ValidationError(field, `Missing required field: ${field}`);
  if (typeof value !== "string" || !ID_PATTERN.test(value)) {
    throw new ValidationError(field, `Validation failed: ${field} must be 1-128 letters, digits, '-' or '_'`);
  }
  return value;
}
