// A fake SSM and Secrets Manager on 127.0.0.1: the AWS JSON 1.1 protocol the SDK speaks (POST /,
// `X-Amz-Target: AmazonSSM.GetParameter` / `secretsmanager.GetSecretValue`, JSON body), answering
// GetParameter and GetSecretValue from in-memory maps, with a request log and scripted failures.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { closeServer, readBody } from "./test-server.js";

export interface RecordedCall {
  readonly target: string;
  readonly body: Record<string, unknown>;
  /** The SigV4 credential scope: `<date>/<region>/<service>/aws4_request`. */
  readonly scope: string;
}

export interface StoredParameter {
  readonly type: "SecureString" | "String" | "StringList";
  readonly value: string;
}

export type StoredSecret = { readonly string: string } | { readonly binary: Buffer };

/** A scripted answer for the next matching call(s): an error response, or raw bytes with status 200. */
export type Scripted = { readonly status: number; readonly type: string; readonly message?: string } | { readonly status: 200; readonly raw: string };

const SSM_GET = "AmazonSSM.GetParameter";
const SECRET_GET = "secretsmanager.GetSecretValue";

export class FakeSecretsApi {
  readonly calls: RecordedCall[] = [];
  readonly parameters = new Map<string, StoredParameter>();
  readonly secrets = new Map<string, StoredSecret>();
  /** Milliseconds each answer is held back, so that concurrent callers really overlap. */
  delayMs = 0;
  private readonly scripted = new Map<string, Scripted[]>();

  private constructor(private readonly server: Server) {}

  static async start(): Promise<FakeSecretsApi> {
    const holder: { api?: FakeSecretsApi } = {};
    const server = createServer((request, response) => void holder.api!.handle(request, response));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    holder.api = new FakeSecretsApi(server);
    return holder.api;
  }

  get endpoint(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  callsOf(kind: "ssm" | "secretsmanager"): RecordedCall[] {
    return this.calls.filter((call) => call.target === (kind === "ssm" ? SSM_GET : SECRET_GET));
  }

  /** The next `times` calls of that kind get `answer` instead of the stored value. */
  script(kind: "ssm" | "secretsmanager", answer: Scripted, times = 1): void {
    const target = kind === "ssm" ? SSM_GET : SECRET_GET;
    const queue = this.scripted.get(target) ?? [];
    for (let i = 0; i < times; i++) queue.push(answer);
    this.scripted.set(target, queue);
  }

  reset(): void {
    this.calls.length = 0;
    this.scripted.clear();
    this.delayMs = 0;
  }

  close(): Promise<void> {
    return closeServer(this.server);
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const raw = await readBody(request);
    const target = String(request.headers["x-amz-target"] ?? "");
    const body = JSON.parse(raw.toString("utf8") || "{}") as Record<string, unknown>;
    const scope = /Credential=[^/]+\/([^,]+)/.exec(String(request.headers.authorization ?? ""))?.[1] ?? "";
    this.calls.push({ target, body, scope });
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    const scripted = this.scripted.get(target)?.shift();
    if (scripted !== undefined) {
      if ("raw" in scripted) return send(response, 200, scripted.raw);
      return sendError(response, scripted.status, scripted.type, scripted.message ?? scripted.type);
    }
    if (request.method !== "POST") return sendError(response, 400, "UnknownOperationException", "POST only");
    if (target === SSM_GET) return this.getParameter(body, response);
    if (target === SECRET_GET) return this.getSecretValue(body, response);
    return sendError(response, 400, "UnknownOperationException", `unknown target ${target}`);
  }

  private getParameter(body: Record<string, unknown>, response: ServerResponse): void {
    const arn = String(body.Name);
    const parameter = this.parameters.get(arn);
    if (parameter === undefined) return sendError(response, 400, "ParameterNotFound", "");
    const encrypted = parameter.type === "SecureString" && body.WithDecryption !== true;
    const name = `/${arn.slice(arn.indexOf(":parameter/") + ":parameter/".length)}`;
    send(response, 200, JSON.stringify({ Parameter: { Name: name, Type: parameter.type, Value: encrypted ? "AQICAHh-ciphertext" : parameter.value, Version: 1, ARN: arn, DataType: "text", LastModifiedDate: 1_700_000_000 } }));
  }

  private getSecretValue(body: Record<string, unknown>, response: ServerResponse): void {
    const arn = String(body.SecretId);
    const secret = this.secrets.get(arn);
    if (secret === undefined) return sendError(response, 400, "ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
    const value = "string" in secret ? { SecretString: secret.string } : { SecretBinary: secret.binary.toString("base64") };
    send(response, 200, JSON.stringify({ ARN: arn, Name: arn.split(":secret:")[1]!.slice(0, -7), VersionId: "v-1", ...value, VersionStages: ["AWSCURRENT"], CreatedDate: 1_700_000_000 }));
  }
}

function send(response: ServerResponse, status: number, body: string): void {
  response.writeHead(status, { "content-type": "application/x-amz-json-1.1", "x-amzn-requestid": "fake-request-id" }).end(body);
}

function sendError(response: ServerResponse, status: number, type: string, message: string): void {
  send(response, status, JSON.stringify({ __type: type, message }));
}
