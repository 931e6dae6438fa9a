import { CognitoResourceServer } from "@cdktf/provider-aws/lib/cognito-resource-server/index.js";
import { CognitoUserPool } from "@cdktf/provider-aws/lib/cognito-user-pool/index.js";
import { CognitoUserPoolClient } from "@cdktf/provider-aws/lib/cognito-user-pool-client/index.js";
import { CognitoUserPoolDomain } from "@cdktf/provider-aws/lib/cognito-user-pool-domain/index.js";
import { LambdaPermission } from "@cdktf/provider-aws/lib/lambda-permission/index.js";
import { Fn, Lazy } from "cdktf";
import { Construct } from "constructs";
import {
  CLIENT_TENANTS_ENV,
  RESOURCE_SERVER_IDENTIFIER,
  ROLE_ATTRIBUTE,
  SCOPE_NAMES,
  TENANT_ATTRIBUTE,
  TRIGGER_EVENT_VERSION,
} from "../../handlers/lib/contract/identity.js";
import { tagsArgument } from "../api-gateway/common/tags.js";
import { writeStringsLiterally } from "../common/literal-text.js";
import { BundledFunction, type HandlerArtifact } from "../lambda-function/bundled-function.js";
import { createIdentityOutputs } from "./identity-outputs.js";
import type { IdentityModel } from "./model.js";

/** First part of every address of the identity resources. */
export const IDENTITY_ID = "identity";
/** The bundled pre-token-generation trigger (a name of bin/build-handlers.mjs HANDLER_NAMES). */
export const TRIGGER_HANDLER = "token-claims";

export interface IdentityPoolProps {
  readonly model: IdentityModel;
  /** The built handler zips, by name; the trigger's is `token-claims`. */
  readonly artifacts: Readonly<Record<string, HandlerArtifact>>;
  readonly region: string;
  readonly logKmsKeyId?: string;
}

/**
 * The Cognito user pool of a tenant environment, with its resource server (scopes `api/read`, `api/write`), domain,
 * one client-credentials client per application tenant, the user-facing clients, and the pre-token-generation
 * trigger with its role, log group and invoke permission.
 *
 * The pool names its trigger by an ARN built from the function's name, region and the account and partition of
 * the trigger's role, not by the function's `arn` attribute: the function's environment holds the client ids
 * (CLIENT_TENANTS), the clients need the pool, so a reference would be a cycle Terraform refuses.
 */
export class IdentityPool extends Construct {
  readonly pool: CognitoUserPool;
  readonly domain: CognitoUserPoolDomain;
  /** Client-credentials clients by tenant id. */
  readonly machineClients = new Map<string, CognitoUserPoolClient>();
  /** User-facing clients by config key. */
  readonly userClients = new Map<string, CognitoUserPoolClient>();
  readonly trigger: BundledFunction;
  /** `https://cognito-idp.<region>.amazonaws.com/<pool id>`: the `iss` of the pool's tokens. */
  readonly issuerUrl: string;
  readonly tokenEndpoint: string;

  constructor(scope: Construct, props: IdentityPoolProps) {
    super(scope, IDENTITY_ID);
    writeStringsLiterally(this);
    const { model } = props;
    const tags = tagsArgument({ ...model.tags });
    const artifact = props.artifacts[TRIGGER_HANDLER];
    if (!artifact) throw new Error(`no built artifact for handler "${TRIGGER_HANDLER}": run npm run build:handlers`);
    const functionName = `${model.name}-${TRIGGER_HANDLER}`;
    // Filled in once the clients exist (below); read when the stack is synthesized.
    const clientTenants: string[] = [];
    this.trigger = new BundledFunction(this, "trigger", {
      logicalId: `${IDENTITY_ID}__${TRIGGER_HANDLER.replace(/-/g, "_")}`,
      functionName,
      description: "Cognito pre-token-generation trigger: tenant and role into access tokens",
      artifact,
      memorySize: 128,
      timeout: 5,
      tracing: model.tracing,
      environment: { LOG_LEVEL: model.logLevel, [CLIENT_TENANTS_ENV]: Lazy.stringValue({ produce: () => clientTenants.join(",") }) },
      logRetentionDays: model.logRetentionDays,
      logKmsKeyId: props.logKmsKeyId,
      statements: [],
      tags: model.tags,
    });
    const roleArnPart = (index: number) => Fn.element(Fn.split(":", this.trigger.role.arn), index);
    const triggerArn = Fn.join(":", ["arn", roleArnPart(1), "lambda", props.region, roleArnPart(4), "function", functionName]);

    this.pool = new CognitoUserPool(this, "pool", {
      name: `${model.name}-users`,
      // Threat protection (advanced security) and access-token customization need the Plus plan.
      userPoolTier: "PLUS",
      deletionProtection: model.deletionProtection ? "ACTIVE" : "INACTIVE",
      usernameAttributes: ["email"],
      autoVerifiedAttributes: ["email"],
      // Users get their tenant from an administrator, never by signing themselves up.
      adminCreateUserConfig: { allowAdminCreateUserOnly: true },
      passwordPolicy: { minimumLength: 12, requireLowercase: true, requireUppercase: true, requireNumbers: true, requireSymbols: true, temporaryPasswordValidityDays: 3 },
      mfaConfiguration: "ON",
      softwareTokenMfaConfiguration: { enabled: true },
      accountRecoverySetting: { recoveryMechanism: [{ name: "verified_email", priority: 1 }] },
      userPoolAddOns: { advancedSecurityMode: "ENFORCED" },
      schema: [
        { name: TENANT_ATTRIBUTE.replace(/^custom:/, ""), attributeDataType: "String", mutable: false, developerOnlyAttribute: false, required: false, stringAttributeConstraints: { minLength: "1", maxLength: "63" } },
        { name: ROLE_ATTRIBUTE.replace(/^custom:/, ""), attributeDataType: "String", mutable: true, developerOnlyAttribute: false, required: false, stringAttributeConstraints: { minLength: "1", maxLength: "32" } },
      ],
      lambdaConfig: { preTokenGenerationConfig: { lambdaArn: triggerArn, lambdaVersion: TRIGGER_EVENT_VERSION } },
      tags,
    });
    this.pool.overrideLogicalId(`${IDENTITY_ID}__pool`);

    const resourceServer = new CognitoResourceServer(this, "api", {
      userPoolId: this.pool.id,
      identifier: RESOURCE_SERVER_IDENTIFIER,
      name: `${model.name}-api`,
      scope: Object.entries(SCOPE_NAMES).map(([scopeName, scopeDescription]) => ({ scopeName, scopeDescription })),
    });
    resourceServer.overrideLogicalId(`${IDENTITY_ID}__api`);

    this.domain = new CognitoUserPoolDomain(this, "domain", { domain: model.domainPrefix, userPoolId: this.pool.id });
    this.domain.overrideLogicalId(`${IDENTITY_ID}__domain`);

    const tokenValidity = (minutes: number) => ({
      accessTokenValidity: minutes,
      idTokenValidity: minutes,
      tokenValidityUnits: [{ accessToken: "minutes", idToken: "minutes", refreshToken: "days" }],
      enableTokenRevocation: true,
      preventUserExistenceErrors: "ENABLED",
    });
    for (const client of model.machineClients) {
      const resource = new CognitoUserPoolClient(this, `m2m-${client.tenant}`, {
        name: `${model.name}-${client.tenant}-machine`,
        userPoolId: this.pool.id,
        generateSecret: true,
        allowedOauthFlowsUserPoolClient: true,
        allowedOauthFlows: ["client_credentials"],
        allowedOauthScopes: [...client.scopes],
        supportedIdentityProviders: ["COGNITO"],
        explicitAuthFlows: ["ALLOW_REFRESH_TOKEN_AUTH"],
        ...tokenValidity(client.accessTokenMinutes),
        dependsOn: [resourceServer],
      });
      resource.overrideLogicalId(`${IDENTITY_ID}__machine__${client.tenant}`);
      this.machineClients.set(client.tenant, resource);
      clientTenants.push(`${resource.id}=${client.tenant}`);
    }
    for (const client of model.userClients) {
      const resource = new CognitoUserPoolClient(this, `user-${client.key}`, {
        name: `${model.name}-${client.key}`,
        userPoolId: this.pool.id,
        generateSecret: !client.public,
        allowedOauthFlowsUserPoolClient: true,
        allowedOauthFlows: ["code"],
        allowedOauthScopes: [...client.scopes],
        callbackUrls: [...client.callbackUrls],
        logoutUrls: client.logoutUrls.length > 0 ? [...client.logoutUrls] : undefined,
        supportedIdentityProviders: ["COGNITO"],
        explicitAuthFlows: ["ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH"],
        // Tenant and role are the administrators' to set, never the user's.
        writeAttributes: ["email", "name"],
        ...tokenValidity(client.accessTokenMinutes),
        dependsOn: [resourceServer],
      });
      resource.overrideLogicalId(`${IDENTITY_ID}__user__${client.key}`);
      this.userClients.set(client.key, resource);
    }

    new LambdaPermission(this, "invoke-trigger", {
      statementId: "AllowCognitoPreTokenGeneration",
      action: "lambda:InvokeFunction",
      functionName: this.trigger.function.functionName,
      principal: "cognito-idp.amazonaws.com",
      sourceArn: this.pool.arn,
    }).overrideLogicalId(`${IDENTITY_ID}__${TRIGGER_HANDLER.replace(/-/g, "_")}__invoke`);

    this.issuerUrl = `https://${this.pool.endpoint}`;
    this.tokenEndpoint = `https://${this.domain.domain}.auth.${props.region}.amazoncognito.com/oauth2/token`;
    createIdentityOutputs(this, this);
  }

  /** Every client id, machine clients first (by tenant), then user clients (by key): the authorizer's audiences. */
  get clientIds(): string[] {
    return [...[...this.machineClients.values()].map((c) => c.id), ...[...this.userClients.values()].map((c) => c.id)];
  }
}
