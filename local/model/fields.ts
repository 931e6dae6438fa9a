// Reading synthesized resource bodies: blocks come as an object or a one-element list, references as
// `${type.name.attribute}`.
import type { StackResources } from "../stack/stack-resources.js";
import { wholeReference } from "../stack/terraform-text.js";

export function block(value: unknown): Record<string, any> | undefined {
  const item = Array.isArray(value) ? value[0] : value;
  return item !== null && typeof item === "object" ? (item as Record<string, any>) : undefined;
}

export function blocks(value: unknown): Record<string, any>[] {
  if (Array.isArray(value)) return value.filter((item) => item !== null && typeof item === "object");
  return value !== null && typeof value === "object" ? [value as Record<string, any>] : [];
}

/** The address (`type.name`) a `${type.name.attribute}` points at, or undefined for a literal. */
export function referencedAddress(value: unknown): string | undefined {
  const reference = wholeReference(value);
  return reference ? `${reference.type}.${reference.name}` : undefined;
}

/** A string as Terraform would give it: literal text unescaped, references rendered with local stand-ins. */
export function text(stack: StackResources, value: unknown): string | undefined {
  if (typeof value !== "string") return value === undefined || value === null ? undefined : String(value);
  return stack.render(value);
}

export function texts(stack: StackResources, value: unknown): string[] {
  return Array.isArray(value) ? value.map((v) => text(stack, v) ?? "") : [];
}

export function numberOr(value: unknown, fallback: number): number {
  const n = typeof value === "number" ? value : typeof value === "string" && value !== "" ? Number(value) : NaN;
  return Number.isFinite(n) ? n : fallback;
}

/** The part of an address after the module's prefix: `apigw__storefront` -> `storefront`. */
export function keyOfAddress(name: string): string {
  const at = name.indexOf("__");
  return at === -1 ? name : name.slice(at + 2);
}
