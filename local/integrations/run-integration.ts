// Running an integration: a function of the stack with the proxy event, a forward to a loopback URL, or a
// MOCK answer from its templates.
import type { LambdaRunner } from "../functions/lambda-runner.js";
import { isLoopbackUrl } from "../issuer/local-issuer.js";
import type { IntegrationModel, MockResponse } from "../model/integration-model.js";
import { header, type GatewayRequest } from "../server/gateway-request.js";
import { mappedHeaders, type MappingContext } from "../server/parameter-mapping.js";
import { lambdaProxyResponse, type IntegrationOutcome } from "./responses.js";

export async function runLambda(runner: LambdaRunner, integration: Extract<IntegrationModel, { kind: "lambda" }>, event: unknown): Promise<IntegrationOutcome & { coldStart?: boolean }> {
  if (!integration.fn) return { ok: false, failure: "not-built", detail: `${integration.uri} is not a function this stack builds` };
  const result = await runner.invoke(integration.fn, event);
  if (!result.ok) {
    const failure = result.payload?.errorType === "Sandbox.Timedout" ? "timeout" : "function-error";
    return { ok: false, failure, detail: `${result.payload?.errorType}: ${result.payload?.errorMessage}`, coldStart: result.coldStart };
  }
  return { ...lambdaProxyResponse(result.payload, integration.payloadVersion), coldStart: result.coldStart };
}

const HOP_BY_HOP = new Set(["connection", "keep-alive", "transfer-encoding", "upgrade", "host", "content-length"]);

export async function runHttpProxy(integration: Extract<IntegrationModel, { kind: "http-proxy" }>, request: GatewayRequest, pathParameters: Readonly<Record<string, string>>): Promise<IntegrationOutcome> {
  let target = integration.uri.replace(/\{([^}+]+)\+?\}/g, (_, name: string) => pathParameters[name] ?? "");
  if (!isLoopbackUrl(target)) return { ok: false, failure: "unsupported", detail: `HTTP_PROXY to ${integration.uri}: the local gateway forwards only to 127.0.0.1` };
  if (request.rawQueryString) target += `${target.includes("?") ? "&" : "?"}${request.rawQueryString}`;
  const headers = new Headers();
  for (const [name, values] of Object.entries(request.headers)) if (!HOP_BY_HOP.has(name)) for (const value of values) headers.append(name, value);
  const method = integration.method === "ANY" ? request.method : integration.method;
  try {
    const response = await fetch(target, {
      method,
      headers,
      body: method === "GET" || method === "HEAD" || request.body.length === 0 ? undefined : new Uint8Array(request.body),
      signal: AbortSignal.timeout(integration.timeoutMs),
      redirect: "manual",
    });
    const out: Record<string, string[]> = {};
    response.headers.forEach((value, name) => {
      if (!HOP_BY_HOP.has(name)) (out[name] ??= []).push(value);
    });
    return { ok: true, response: { status: response.status, headers: out, body: Buffer.from(await response.arrayBuffer()) } };
  } catch (error) {
    const timedOut = (error as Error).name === "TimeoutError";
    return { ok: false, failure: timedOut ? "timeout" : "unreachable", detail: `HTTP_PROXY ${target}: ${(error as Error).message}` };
  }
}

/**
 * MOCK: the status code from the request template, the integration response whose selection pattern matches it
 * (else the default one), its static header mappings and its body template. VTL is not evaluated, except the
 * origin override the product writes for CORS with several origins.
 */
export function runMock(integration: Extract<IntegrationModel, { kind: "mock" }>, request: GatewayRequest, mapping: MappingContext): IntegrationOutcome {
  const contentType = (header(request, "content-type") ?? "application/json").split(";")[0]!.trim();
  const template = integration.requestTemplates[contentType] ?? integration.requestTemplates["application/json"] ?? Object.values(integration.requestTemplates)[0] ?? "";
  const statusCode = /"statusCode"\s*:\s*(\d{3})/.exec(template)?.[1] ?? "200";
  const chosen: MockResponse | undefined =
    integration.responses.find((r) => r.selectionPattern !== undefined && r.selectionPattern !== "" && new RegExp(`^(?:${r.selectionPattern})$`).test(statusCode)) ??
    integration.responses.find((r) => r.selectionPattern === undefined || r.selectionPattern === "");
  if (!chosen) return { ok: false, failure: "bad-response", detail: `MOCK: no integration response for status ${statusCode}` };
  const headers = mappedHeaders(chosen.parameters, "method.response", mapping);
  const bodyTemplate = chosen.templates["application/json"] ?? Object.values(chosen.templates)[0] ?? "";
  const origin = header(request, "origin");
  const overrideOrigins = [...bodyTemplate.matchAll(/\$origin == "([^"]*)"/g)].map((m) => m[1]);
  if (origin && /\$context\.responseOverride\.header\.Access-Control-Allow-Origin/.test(bodyTemplate) && overrideOrigins.includes(origin)) {
    headers["access-control-allow-origin"] = [origin];
  }
  const body = bodyTemplate
    .split("\n")
    .filter((line) => !line.trimStart().startsWith("#"))
    .join("\n")
    // A MOCK integration has no response body of its own.
    .replaceAll("$input.body", "")
    .replaceAll("$input.json('$')", "{}")
    .trim();
  if (body !== "" && !headers["content-type"]) headers["content-type"] = ["application/json"];
  return { ok: true, response: { status: Number(chosen.statusCode), headers, body: Buffer.from(body) } };
}
