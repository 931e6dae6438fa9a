// Explicit marshalling for the few item shapes this service stores: every attribute is named, nothing is
// copied wholesale from input into an item or from an item into a response.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";

export type Item = Record<string, AttributeValue>;

export const S = (value: string): AttributeValue => ({ S: value });
export const N = (value: number): AttributeValue => ({ N: String(value) });
export const BOOL = (value: boolean): AttributeValue => ({ BOOL: value });

export function readString(item: Item, name: string): string | undefined {
  const value = item[name];
  return value !== undefined && "S" in value && typeof value.S === "string" ? value.S : undefined;
}

export function readNumber(item: Item, name: string): number | undefined {
  const value = item[name];
  if (value === undefined || !("N" in value) || typeof value.N !== "string") return undefined;
  const parsed = Number(value.N);
  return Number.isFinite(parsed) ? parsed : undefined;
}

export function readBoolean(item: Item, name: string): boolean | undefined {
  const value = item[name];
  return value !== undefined && "BOOL" in value && typeof value.BOOL === "boolean" ? value.BOOL : undefined;
}
