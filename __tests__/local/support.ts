// Starting the local gateway in-process on a free port, and plain HTTP against it.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { decodeProtectedHeader, generateKeyPair, SignJWT } from "jose";
import { startLocalGateway, type LocalGateway, type LocalGatewayOptions } from "../../local/gateway.js";
import type { RequestRecord } from "../../local/server/request-log.js";
import { ManualClock } from "../../local/throttle/clock.js";
import { REPO_ROOT } from "../support/synth.js";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

export interface TestGateway {
  readonly gateway: LocalGateway;
  /** Stands still: buckets refill and authorizer caches expire only when a test moves it. */
  readonly clock: ManualClock;
  readonly records: RequestRecord[];
  readonly functionLogs: { fn: string; line: string }[];
}

export async function startTestGateway(options: Omit<LocalGatewayOptions, "port" | "root" | "clock" | "stateDir">): Promise<TestGateway> {
  const clock = new ManualClock();
  const records: RequestRecord[] = [];
  const functionLogs: { fn: string; line: string }[] = [];
  const gateway = await startLocalGateway({
    ...options,
    port: 0,
    root: REPO_ROOT,
    stateDir: mkdtempSync(join(tmpdir(), "local-gateway-")),
    clock,
    onRequest: (record) => records.push(record),
    onFunctionLog: (fn, line) => functionLogs.push({ fn, line }),
  });
  return { gateway, clock, records, functionLogs };
}

export interface Reply {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly json: any;
}

export async function call(
  base: string,
  method: string,
  path: string,
  options: { token?: string; headers?: Record<string, string>; body?: unknown } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers["content-type"] ??= "application/json";
  const response = await fetch(`${base}${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  const text = await response.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** The same claims, signed with a key the issuer never published, under the issuer's key id. */
export async function forgedLike(token: string): Promise<string> {
  const header = decodeProtectedHeader(token);
  const claims = JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString("utf8"));
  const { privateKey } = await generateKeyPair("RS256");
  return new SignJWT(claims).setProtectedHeader({ alg: "RS256", kid: header.kid, typ: "JWT" }).sign(privateKey);
}

/** A valid token whose payload was edited afterwards (another tenant), keeping the original signature. */
export function tampered(token: string, claims: Record<string, unknown>): string {
  const [head, payload, signature] = token.split(".");
  const edited = { ...JSON.parse(Buffer.from(payload!, "base64url").toString("utf8")), ...claims };
  return `${head}.${Buffer.from(JSON.stringify(edited)).toString("base64url")}.${signature}`;
}
