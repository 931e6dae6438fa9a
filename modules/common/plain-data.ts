import { keyPath, quote, type ConfigProblem } from "../api-gateway/validation/problems.js";
import { keyProblem, MAX_CONFIG_DEPTH } from "./config-keys.js";

/** More values than any real config holds (a 1,000-API config has about 100,000); bounds time and memory. */
export const MAX_CONFIG_VALUES = 2_000_000;

/**
 * A `.ts` config's default export as JSON data, checked value by value: what JSON cannot carry (cycles, BigInt,
 * functions, symbols, `Infinity`/`NaN`, `undefined` in a list, class instances such as `Date` or `Map`, getters
 * that throw) is a problem at its path and is left out, never turned into `null` or `{}`. Strings stay strings,
 * CDKTF tokens (`${TfToken[TOKEN.12]}`) included.
 */
export function toPlainData(value: unknown): { value: unknown; problems: ConfigProblem[] } {
  const state = { problems: [] as ConfigProblem[], ancestors: new Map<object, string>(), count: 0 };
  return { value: convert(value, "", 0, state), problems: state.problems };
}

interface WalkState {
  readonly problems: ConfigProblem[];
  /** Objects on the way from the top to the current value, with their paths: a cycle comes back to one. */
  readonly ancestors: Map<object, string>;
  count: number;
}

const LEFT_OUT = Symbol("left out");

function describe(value: unknown): string {
  if (typeof value === "function") return "a function";
  if (typeof value === "bigint") return `the BigInt ${value}n`;
  if (typeof value === "symbol") return `a symbol (${String(value.description)})`;
  if (typeof value === "number") return String(value);
  if (value === undefined) return "undefined";
  const name = (Object.getPrototypeOf(value) as { constructor?: { name?: unknown } } | null)?.constructor?.name;
  return typeof name === "string" && name !== "" && name !== "Object" ? `a ${name} object` : "an object with a prototype of its own";
}

function convert(value: unknown, path: string, depth: number, state: WalkState): unknown {
  const at = path || "config";
  if (++state.count > MAX_CONFIG_VALUES) {
    if (state.count === MAX_CONFIG_VALUES + 1) state.problems.push({ path: at, message: `the config holds more than ${MAX_CONFIG_VALUES} values`, fix: "split it into several configs" });
    return LEFT_OUT;
  }
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      if (Number.isFinite(value)) return value;
      state.problems.push({ path: at, message: `${describe(value)} cannot be written as JSON`, fix: "use a finite number" });
      return LEFT_OUT;
    case "object":
      break;
    default:
      state.problems.push({ path: at, message: `is ${describe(value)}, which JSON cannot carry`, fix: "use a string, number, boolean, list or object" });
      return LEFT_OUT;
  }
  if (value === null) return null;
  if (depth >= MAX_CONFIG_DEPTH) {
    state.problems.push({ path: at, message: `is nested more than ${MAX_CONFIG_DEPTH} levels deep`, fix: "flatten it; no setting needs that depth" });
    return LEFT_OUT;
  }
  const cycleStart = state.ancestors.get(value);
  if (cycleStart !== undefined) {
    state.problems.push({ path: at, message: `refers back to ${cycleStart || "the config itself"} (a cycle), which JSON cannot carry`, fix: "give a copy of the value, not a reference to an enclosing one" });
    return LEFT_OUT;
  }
  let isArray: boolean;
  let prototype: unknown;
  try {
    isArray = Array.isArray(value);
    prototype = Object.getPrototypeOf(value);
  } catch (error) {
    state.problems.push({ path: at, message: `cannot be read: ${firstLine(error)}`, fix: "export plain data" });
    return LEFT_OUT;
  }
  if (!isArray && prototype !== Object.prototype && prototype !== null) {
    state.problems.push({ path: at, message: `is ${describe(value)}, not plain data`, fix: "use a plain object, list, string, number or boolean (a date as an ISO string)" });
    return LEFT_OUT;
  }
  state.ancestors.set(value, path);
  try {
    return isArray ? convertList(value as unknown[], path, depth, state) : convertObject(value as Record<string, unknown>, path, depth, state);
  } catch (error) {
    // A Proxy whose traps throw, or a list whose length getter does.
    state.problems.push({ path: at, message: `cannot be read: ${firstLine(error)}`, fix: "export plain data" });
    return LEFT_OUT;
  } finally {
    state.ancestors.delete(value);
  }
}

function convertList(list: unknown[], path: string, depth: number, state: WalkState): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; i < list.length; i++) {
    const at = path === "" ? String(i) : `${path}.${i}`;
    const item = read(list, String(i), at, state);
    if (item === LEFT_OUT) continue;
    if (item === undefined) {
      state.problems.push({ path: at, message: "is undefined (or a hole), which a JSON list cannot carry", fix: "remove the entry or give a value" });
      continue;
    }
    const converted = convert(item, at, depth + 1, state);
    if (converted !== LEFT_OUT) out.push(converted);
  }
  return out;
}

function convertObject(object: Record<string, unknown>, path: string, depth: number, state: WalkState): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(object)) {
    const at = keyPath(path, key);
    const wrong = keyProblem(key);
    if (wrong !== undefined) {
      state.problems.push({ path: at, message: wrong, fix: "rename it to letters, digits, _ and -" });
      continue;
    }
    const child = read(object, key, at, state);
    // `undefined` properties are absent in JSON, as an optional setting left out is.
    if (child === LEFT_OUT || child === undefined) continue;
    const converted = convert(child, at, depth + 1, state);
    if (converted !== LEFT_OUT) Object.defineProperty(out, key, { value: converted, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** `holder[key]`, with a throwing getter reported at its path. */
function read(holder: object, key: string, at: string, state: WalkState): unknown {
  try {
    return (holder as Record<string, unknown>)[key];
  } catch (error) {
    state.problems.push({ path: at, message: `its getter threw: ${quote(firstLine(error))}`, fix: "export plain data, not a getter" });
    return LEFT_OUT;
  }
}

function firstLine(error: unknown): string {
  try {
    return (error instanceof Error ? error.message : String(error)).split("\n")[0]!;
  } catch {
    return "an exception";
  }
}
