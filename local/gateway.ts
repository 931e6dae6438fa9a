// The local gateway: a synthesized stack served on 127.0.0.1 with its routes, authorizers, limits, CORS,
// integrations and functions, DynamoDB (dynalite) and a local token issuer.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { JwtAuthorizers } from "./auth/jwt-authorizer.js";
import { LambdaAuthorizers } from "./auth/lambda-authorizers.js";
import { startStackDynamo, type LocalDynamo } from "./dynamo/local-dynamo.js";
import { LambdaRunner } from "./functions/lambda-runner.js";
import { localFunctions, type LocalFunction } from "./functions/local-functions.js";
import { isLoopbackUrl, issuerKeys, serveJwks, signToken, type IssuerKeys, type JwksServer, type TokenProfile, type TokenRequest } from "./issuer/local-issuer.js";
import { httpApiModels } from "./model/http-api-model.js";
import { restApiModels, type ApiKeyModel } from "./model/rest-api-model.js";
import { secretArnsOf, startLocalSecrets } from "./secrets/local-secrets.js";
import { HttpApiStageHandler } from "./server/http-api-handler.js";
import type { RequestRecord } from "./server/request-log.js";
import { RestApiStageHandler } from "./server/rest-api-handler.js";
import { serve, type RunningServer, type StageMount } from "./server/server.js";
import { StackResources, type StackJson } from "./stack/stack-resources.js";
import { removeStaleRunFolders } from "./state-folders.js";
import { synthesizeConfig } from "./stack/synthesize.js";
import { systemClock, type Clock } from "./throttle/clock.js";
import { Buckets } from "./throttle/token-bucket.js";
import { UsagePlans } from "./throttle/usage-plans.js";

export interface LocalGatewayOptions {
  /** A config file (`.ts` or `.json`), synthesized through the same loader as `npm run synth`. */
  readonly config?: string;
  /** Or an already synthesized stack folder (`cdk.tf.json` and its `assets/`). */
  readonly stackDir?: string;
  /** Serve only this stage. */
  readonly stage?: string;
  /** 0 picks a free port. @default 3000 */
  readonly port?: number;
  /** The project root: configs resolve and handlers build here. @default process.cwd() */
  readonly root?: string;
  /** Where the issuer's key, token profiles, the synthesized stack and unpacked functions go. @default <root>/.local */
  readonly stateDir?: string;
  readonly clock?: Clock;
  /** Products to write into the data table. @default local/fixtures/catalog.json */
  readonly fixture?: string;
  readonly onRequest?: (record: RequestRecord, line: string) => void;
  readonly onFunctionLog?: (functionName: string, line: string) => void;
}

export interface ServedStage {
  readonly kind: "http" | "rest";
  readonly api: string;
  readonly stage: string;
  readonly url: string;
}

export interface LocalGateway {
  readonly url: string;
  readonly port: number;
  readonly stackName: string;
  readonly stages: readonly ServedStage[];
  readonly apiKeys: readonly ApiKeyModel[];
  readonly tokenProfiles: readonly TokenProfile[];
  readonly jwksUri: string;
  readonly dynamo: LocalDynamo;
  readonly functions: ReadonlyMap<string, LocalFunction>;
  readonly runner: LambdaRunner;
  /** Why an authorizer function's JWKS_URI was replaced, per function name. */
  readonly overrides: Readonly<Record<string, string>>;
  /** A token from the local issuer for the stack's first (or given) token profile. */
  token(request: TokenRequest, profile?: number): Promise<string>;
  close(): Promise<void>;
}

export class GatewaySetupError extends Error {
  override name = "GatewaySetupError";
}

/** What tokens for each authorizer must carry: from the authorizer functions' environment, or the JWT authorizers. */
function tokenProfiles(stack: StackResources, authorizerFunctions: readonly LocalFunction[]): TokenProfile[] {
  const profiles: TokenProfile[] = [];
  for (const fn of authorizerFunctions) {
    const issuer = fn.environment.JWT_ISSUER;
    const audience = fn.environment.JWT_AUDIENCE?.split(",")[0]?.trim();
    if (!issuer || !audience) continue;
    profiles.push({ issuer, audience, tenantClaim: fn.environment.TENANT_CLAIM || "custom:tenant_id", roleClaim: fn.environment.ROLE_CLAIM || "custom:role" });
  }
  for (const [, body] of stack.all("aws_apigatewayv2_authorizer")) {
    if (body.authorizer_type !== "JWT") continue;
    const jwt = Array.isArray(body.jwt_configuration) ? body.jwt_configuration[0] : body.jwt_configuration;
    const issuer = stack.render(String(jwt?.issuer ?? ""));
    const audience = Array.isArray(jwt?.audience) && jwt.audience.length > 0 ? stack.render(String(jwt.audience[0])) : "";
    if (issuer) profiles.push({ issuer, audience, tenantClaim: "custom:tenant_id", roleClaim: "custom:role" });
  }
  return profiles.filter((p, i) => profiles.findIndex((q) => JSON.stringify(q) === JSON.stringify(p)) === i);
}

export async function startLocalGateway(options: LocalGatewayOptions): Promise<LocalGateway> {
  const root = resolve(options.root ?? process.cwd());
  const clock = options.clock ?? systemClock;
  const stateDir = resolve(options.stateDir ?? join(root, ".local"));
  removeStaleRunFolders(stateDir);
  const synthOutdir = join(stateDir, "synth", `${process.pid}-${Date.now()}`);
  let stackName: string;
  let dir: string;
  let json: StackJson;
  if (options.stackDir) {
    dir = resolve(options.stackDir);
    json = JSON.parse(readFileSync(join(dir, "cdk.tf.json"), "utf8")) as StackJson;
    stackName = dir.split("/").pop() ?? "stack";
  } else if (options.config) {
    ({ stackName, dir, json } = await synthesizeConfig(options.config, { root, outdir: synthOutdir }));
  } else {
    throw new GatewaySetupError("give a config file (--config) or a synthesized stack folder");
  }
  const stack = new StackResources(json, dir);
  const workDir = join(stateDir, "functions", `${stackName}-${process.pid}-${Date.now()}`);
  mkdirSync(workDir, { recursive: true });
  const cleanups: (() => Promise<void> | void)[] = [() => rmSync(workDir, { recursive: true, force: true }), () => rmSync(synthOutdir, { recursive: true, force: true })];
  const closeAll = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  };
  try {
    const functions = localFunctions(stack, workDir);
    const keys = await issuerKeys(stateDir);
    const jwks: JwksServer = await serveJwks(keys);
    cleanups.push(() => jwks.close());
    const dynamo = await startStackDynamo(stack, options.fixture);
    cleanups.push(() => dynamo.close());
    const secrets = await startLocalSecrets(stateDir, secretArnsOf([...functions.values()].map((fn) => fn.environment)));
    cleanups.push(() => secrets.close());

    const apiKeys = new Map<string, ApiKeyModel>();
    const httpApis = httpApiModels(stack, functions);
    const restApis = restApiModels(stack, functions, apiKeys);
    const authorizerFunctions = new Set<LocalFunction>();
    for (const api of httpApis) for (const route of api.routes) if (route.authorizer?.kind === "lambda" && route.authorizer.fn) authorizerFunctions.add(route.authorizer.fn);
    for (const api of restApis) {
      const visit = (resource: (typeof api)["root"]) => {
        for (const method of resource.methods.values()) if (method.authorizer?.kind === "lambda" && method.authorizer.fn) authorizerFunctions.add(method.authorizer.fn);
        resource.children.forEach(visit);
      };
      visit(api.root);
    }
    // The one change to a function's environment besides endpoints: an authorizer whose issuer is not
    // reachable offline fetches the local issuer's JWKS instead.
    const overrides: Record<string, string> = {};
    for (const fn of authorizerFunctions) {
      const issuer = fn.environment.JWT_ISSUER;
      if (issuer === undefined) continue;
      const configured = fn.environment.JWKS_URI ?? `${issuer.replace(/\/$/, "")}/.well-known/jwks.json`;
      if (!isLoopbackUrl(configured)) overrides[fn.address] = `JWKS_URI ${configured} -> ${jwks.jwksUri}`;
    }
    const runner = new LambdaRunner({
      region: stack.region,
      overrides: (fn) => ({
        DYNAMODB_ENDPOINT: dynamo.endpoint,
        AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
        SSM_ENDPOINT: secrets.endpoint,
        AWS_ENDPOINT_URL_SSM: secrets.endpoint,
        SECRETSMANAGER_ENDPOINT: secrets.endpoint,
        AWS_ENDPOINT_URL_SECRETS_MANAGER: secrets.endpoint,
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
        AWS_EC2_METADATA_DISABLED: "true",
        ...(overrides[fn.address] ? { JWKS_URI: jwks.jwksUri } : {}),
      }),
      onLog: options.onFunctionLog ? (fn, line) => options.onFunctionLog!(fn.functionName, line) : undefined,
    });
    cleanups.push(() => runner.close());

    const deps = {
      runner,
      lambdaAuthorizers: new LambdaAuthorizers(runner, clock),
      jwt: new JwtAuthorizers(keys.publicJwk),
      buckets: new Buckets(clock),
      region: stack.region,
      usagePlans: new UsagePlans(apiKeys, clock),
    };
    const pairs: Omit<StageMount, "prefix" | "stageInPath">[] = [];
    for (const api of httpApis) {
      for (const stage of api.stages) {
        const handler = new HttpApiStageHandler(api, stage, deps);
        pairs.push({ kind: "http", api: api.key, stage: stage.name, handle: (request, record) => handler.handle(request, record) });
      }
    }
    for (const api of restApis) {
      for (const stage of api.stages) {
        const handler = new RestApiStageHandler(api, stage, deps);
        pairs.push({ kind: "rest", api: api.key, stage: stage.name, handle: (request, record) => handler.handle(request, record) });
      }
    }
    const selected = options.stage === undefined ? pairs : pairs.filter((p) => p.stage === options.stage);
    if (selected.length === 0) {
      const known = [...new Set(pairs.map((p) => p.stage))].sort();
      throw new GatewaySetupError(options.stage === undefined ? "the stack has no API stage to serve" : `stage "${options.stage}" is not in the stack; stages: ${known.join(", ") || "none"}`);
    }
    const mounts: StageMount[] = selected.map((p) => ({
      ...p,
      prefix: selected.length === 1 ? "" : p.kind === "http" && p.stage === "$default" ? `/${p.api}` : `/${p.api}/${p.stage}`,
      stageInPath: !(p.kind === "http" && p.stage === "$default"),
    }));
    const clash = mounts.find((m, i) => mounts.findIndex((other) => other.prefix === m.prefix) !== i);
    if (clash) throw new GatewaySetupError(`an HTTP API and a REST API would both be served at ${clash.prefix}; serve one stage with --stage`);
    const server: RunningServer = await serve(mounts, { port: options.port ?? 3000, clock, onRequest: options.onRequest });
    cleanups.push(() => server.close());

    const profiles = tokenProfiles(stack, [...authorizerFunctions]);
    writeFileSync(join(stateDir, "token-profiles.json"), `${JSON.stringify({ stack: stackName, profiles }, null, 2)}\n`);
    return {
      url: server.url,
      port: server.port,
      stackName,
      stages: mounts.map((m) => ({ kind: m.kind, api: m.api, stage: m.stage, url: `${server.url}${m.prefix}` })),
      apiKeys: [...apiKeys.values()],
      tokenProfiles: profiles,
      jwksUri: jwks.jwksUri,
      dynamo,
      functions,
      runner,
      overrides: Object.fromEntries(Object.entries(overrides).map(([address, text]) => [functions.get(address)!.functionName, text])),
      token: (request, profile = 0) => {
        const chosen = profiles[profile];
        if (!chosen) throw new GatewaySetupError("the stack has no JWT authorizer to issue tokens for");
        return signToken(keys as IssuerKeys, chosen, request);
      },
      close: closeAll,
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
