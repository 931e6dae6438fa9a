// SSM Parameter Store and Secrets Manager for the local run, on 127.0.0.1 (the AWS JSON 1.1 protocol the SDK
// speaks): GetParameter and GetSecretValue answer for the ARNs the stack's functions are given
// (APP_SECRET_ARNS), with values from `<stateDir>/secrets.json`. A value missing there is generated once and
// written back, so it can be replaced by hand. Any other ARN is not found, as it would be in the account.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";

export interface LocalSecrets {
  readonly endpoint: string;
  readonly file: string;
  close(): Promise<void>;
}

/** The ARNs named by `APP_SECRET_ARNS=<NAME>=<ARN>,...` of every function. */
export function secretArnsOf(environments: readonly Readonly<Record<string, string>>[]): Set<string> {
  const arns = new Set<string>();
  for (const env of environments) {
    for (const entry of (env.APP_SECRET_ARNS ?? "").split(",")) {
      const at = entry.indexOf("=");
      if (at > 0) arns.add(entry.slice(at + 1).trim());
    }
  }
  return arns;
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/x-amz-json-1.1" }).end(JSON.stringify(body));
}

export async function startLocalSecrets(stateDir: string, arns: ReadonlySet<string>): Promise<LocalSecrets> {
  const file = join(stateDir, "secrets.json");
  const values: Record<string, string> = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
  let changed = false;
  for (const arn of [...arns].sort()) {
    if (values[arn] !== undefined) continue;
    values[arn] = `local-${randomBytes(24).toString("base64url")}`;
    changed = true;
  }
  if (changed) writeFileSync(file, `${JSON.stringify(values, null, 2)}\n`, { mode: 0o600 });

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const target = String(request.headers["x-amz-target"] ?? "");
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
      } catch {
        return send(response, 400, { __type: "SerializationException", message: "body is not JSON" });
      }
      if (target === "AmazonSSM.GetParameter") {
        const arn = String(body.Name);
        if (!arns.has(arn) || values[arn] === undefined) return send(response, 400, { __type: "ParameterNotFound", message: "" });
        const name = arn.includes(":parameter/") ? `/${arn.slice(arn.indexOf(":parameter/") + ":parameter/".length)}` : arn;
        return send(response, 200, { Parameter: { Name: name, Type: "SecureString", Value: values[arn], Version: 1, ARN: arn, DataType: "text" } });
      }
      if (target === "secretsmanager.GetSecretValue") {
        const arn = String(body.SecretId);
        if (!arns.has(arn) || values[arn] === undefined) return send(response, 400, { __type: "ResourceNotFoundException", message: "Secrets Manager can't find the specified secret." });
        return send(response, 200, { ARN: arn, Name: arn.split(":secret:")[1] ?? arn, VersionId: "local", SecretString: values[arn], VersionStages: ["AWSCURRENT"] });
      }
      send(response, 400, { __type: "UnknownOperationException", message: `${target} is not served locally` });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    file,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
