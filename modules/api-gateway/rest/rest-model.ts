import type { Tags } from "../config/common.js";
import type { LambdaPermissionModel, ManagedDomainParts } from "../model.js";

/**
 * The validated, defaulted form of `rest_apis`, `rest_api_custom_domains` and `api_gateway_account`, made once by
 * the REST normalizers and taken by the REST constructs, which never check again. Collections are sorted by
 * their config key (resources by path, parents first).
 */

export type RestEndpointType = "EDGE" | "REGIONAL" | "PRIVATE";
export type RestHttpMethod = "ANY" | "DELETE" | "GET" | "HEAD" | "OPTIONS" | "PATCH" | "POST" | "PUT";
export type RestAuthorization = "NONE" | "AWS_IAM" | "CUSTOM" | "COGNITO_USER_POOLS";

/** One `aws_api_gateway_resource`: a path segment under its parent (undefined parent: the API's root resource). */
export interface RestResourceModel {
  /** Address part, derived from the path (`users__id_param` for `/users/{id}`). */
  readonly id: string;
  readonly path: string;
  readonly pathPart: string;
  readonly parentId?: string;
}

/** Settings every integration type may carry. */
interface RestIntegrationCommon {
  readonly requestTemplates: Record<string, string>;
  readonly requestParameters: Record<string, string>;
  readonly passthroughBehavior?: "WHEN_NO_MATCH" | "WHEN_NO_TEMPLATES" | "NEVER";
  readonly contentHandling?: "CONVERT_TO_BINARY" | "CONVERT_TO_TEXT";
  readonly cacheKeyParameters: readonly string[];
  readonly timeoutMilliseconds?: number;
}

/** How a private integration reaches its VPC link: a `vpc_links` key of this module, or an existing link id. */
export type RestConnectionModel = { readonly vpcLinkKey: string } | { readonly connectionId: string };

/** A MOCK integration answers from API Gateway; every other type calls a backend at `uri`. */
export type RestIntegrationModel =
  | (RestIntegrationCommon & { readonly type: "MOCK" })
  | (RestIntegrationCommon & {
      readonly type: "AWS_PROXY" | "AWS" | "HTTP_PROXY" | "HTTP";
      readonly uri: string;
      readonly httpMethod: RestHttpMethod;
      readonly connection?: RestConnectionModel;
      readonly credentials?: string;
    });

export interface RestIntegrationResponseModel {
  readonly selectionPattern?: string;
  readonly parameters: Record<string, string>;
  readonly templates: Record<string, string>;
  readonly contentHandling?: "CONVERT_TO_BINARY" | "CONVERT_TO_TEXT";
}

/** A method response, and for non-proxy integrations the integration response that produces it. */
export interface RestResponseModel {
  readonly statusCode: string;
  readonly parameters: Record<string, boolean>;
  /** Content type to model: a `models` key (resolved by the construct) or a built-in (`Empty`, `Error`). */
  readonly models: Record<string, RestModelRef>;
  readonly integrationResponse?: RestIntegrationResponseModel;
}

/** A model named in a method: one of the API's `models` (by key), or a model every API has. */
export type RestModelRef = { readonly modelKey: string } | { readonly builtIn: "Empty" | "Error" };

export interface RestMethodModel {
  /** Address part: the `methods` key, or `cors__<resource id>` for the OPTIONS methods CORS adds. */
  readonly id: string;
  /** The config's `methods` key; undefined for methods the module adds (CORS preflight). */
  readonly configKey?: string;
  /** The resource's id, or undefined for the root resource (`/`). */
  readonly resourceId?: string;
  readonly path: string;
  readonly httpMethod: RestHttpMethod;
  readonly authorization: RestAuthorization;
  readonly authorizerKey?: string;
  readonly authorizationScopes?: readonly string[];
  readonly apiKeyRequired: boolean;
  readonly validatorKey?: RestValidatorKind;
  readonly requestModels: Record<string, RestModelRef>;
  readonly requestParameters: Record<string, boolean>;
  readonly operationName?: string;
  readonly integration: RestIntegrationModel;
  readonly responses: readonly RestResponseModel[];
}

export type RestValidatorKind = "BODY" | "PARAMETERS" | "BODY_AND_PARAMETERS";

export interface RestValidatorModel {
  readonly kind: RestValidatorKind;
  readonly name: string;
  readonly validateBody: boolean;
  readonly validateParameters: boolean;
}

export interface RestApiModelModel {
  readonly key: string;
  readonly name: string;
  readonly description?: string;
  readonly contentType: string;
  /** The JSON Schema as JSON text. */
  readonly schema: string;
}

export type RestAuthorizerModel =
  | {
      readonly kind: "lambda";
      readonly type: "TOKEN" | "REQUEST";
      readonly key: string;
      readonly name: string;
      readonly uri: string;
      readonly credentials?: string;
      readonly resultTtlInSeconds: number;
      readonly identitySource: string;
      readonly identityValidationExpression?: string;
    }
  | {
      readonly kind: "cognito";
      readonly type: "COGNITO_USER_POOLS";
      readonly key: string;
      readonly name: string;
      readonly providerArns: readonly string[];
      readonly resultTtlInSeconds: number;
      readonly identitySource: string;
    };

/** Gateway response types the product customizes. */
export type RestGatewayResponseType = "DEFAULT_4XX" | "DEFAULT_5XX" | "UNAUTHORIZED" | "ACCESS_DENIED" | "THROTTLED" | "QUOTA_EXCEEDED";

/** A gateway response the product customizes (CORS headers, security headers, the documented bodies). */
export interface RestGatewayResponseModel {
  readonly type: RestGatewayResponseType;
  /** Status code to answer with; undefined: API Gateway's own for the type. */
  readonly statusCode?: string;
  readonly parameters: Record<string, string>;
  readonly templates: Record<string, string>;
}

/** What the API serves: resources and methods the module creates, or an OpenAPI body. */
export type RestDefinitionModel =
  | {
      readonly kind: "methods";
      readonly resources: readonly RestResourceModel[];
      readonly methods: readonly RestMethodModel[];
      readonly models: readonly RestApiModelModel[];
      readonly validators: readonly RestValidatorModel[];
      readonly gatewayResponses: readonly RestGatewayResponseModel[];
    }
  | {
      readonly kind: "openapi";
      /** The definition as canonical JSON, with Lambda ARNs turned into invoke URIs (and CORS added when asked). */
      readonly body: string;
    };

export interface RestMethodSettingsModel {
  readonly metricsEnabled?: boolean;
  readonly loggingLevel?: "OFF" | "ERROR" | "INFO";
  readonly dataTraceEnabled?: boolean;
  readonly throttlingRateLimit?: number;
  readonly throttlingBurstLimit?: number;
  readonly cachingEnabled?: boolean;
  /** Only set when caching is enabled: false is the user's explicit choice. */
  readonly cacheDataEncrypted?: boolean;
  readonly cacheTtlInSeconds?: number;
  readonly requireAuthorizationForCacheControl?: boolean;
}

export interface RestStageModel {
  readonly key: string;
  /** The stage name AWS shows, and the first path segment of the invoke URL (the map key). */
  readonly name: string;
  readonly description?: string;
  readonly variables: Record<string, string>;
  readonly cacheClusterEnabled: boolean;
  /** Only when the cache cluster is enabled. */
  readonly cacheClusterSize?: string;
  /** Stage-wide (`*` / `*`) method settings; undefined when the config sets none. */
  readonly methodSettings?: RestMethodSettingsModel;
  readonly accessLog?: {
    /** A destination of the user's, or undefined when the module creates the log group. */
    readonly destinationArn?: string;
    readonly logGroupName?: string;
    readonly format: string;
  };
  /** Create `API-Gateway-Execution-Logs_<api id>/<stage>` with the module's retention and KMS key. */
  readonly createExecutionLogGroup: boolean;
  /** Whether the stage logs to CloudWatch, and so needs the account's CloudWatch Logs role. */
  readonly needsAccountLogging: boolean;
  readonly canary?: {
    /** undefined: the module's own deployment. */
    readonly deploymentId?: string;
    readonly percentTraffic?: number;
    readonly useStageCache?: boolean;
    readonly stageVariableOverrides: Record<string, string>;
  };
  readonly xrayTracingEnabled: boolean;
  readonly wafAclArn?: string;
  readonly tags: Tags;
}

export interface RestApiKeyModel {
  readonly key: string;
  readonly name: string;
  readonly description?: string;
  readonly enabled: boolean;
  readonly tags: Tags;
}

export interface RestUsagePlanModel {
  readonly key: string;
  readonly name: string;
  readonly description?: string;
  readonly apiStages: readonly {
    readonly stageKey: string;
    readonly throttle: readonly { readonly path: string; readonly rateLimit?: number; readonly burstLimit?: number }[];
  }[];
  readonly quota?: { readonly limit: number; readonly period: "DAY" | "WEEK" | "MONTH"; readonly offset?: number };
  readonly throttle?: { readonly rateLimit?: number; readonly burstLimit?: number };
  /** `api_keys` keys, sorted. */
  readonly apiKeyKeys: readonly string[];
  readonly tags: Tags;
}

/** What the summaries report about an API's methods, known at synth. */
export interface RestMethodFacts {
  /** `METHOD /path` of methods callable without authorization (CORS preflights excepted). */
  readonly unauthenticated: readonly string[];
  readonly total: number;
  readonly apiKeyRequired: number;
}

export interface RestApiModel {
  readonly key: string;
  readonly name: string;
  readonly description?: string;
  readonly endpointType: RestEndpointType;
  readonly vpcEndpointIds?: readonly string[];
  readonly binaryMediaTypes: readonly string[];
  readonly minimumCompressionSize?: number;
  readonly apiKeySource?: "HEADER" | "AUTHORIZER";
  /** Resource policy as canonical JSON (or a token). */
  readonly policy?: string;
  readonly disableExecuteApiEndpoint: boolean;
  readonly definition: RestDefinitionModel;
  readonly authorizers: readonly RestAuthorizerModel[];
  readonly stages: readonly RestStageModel[];
  readonly apiKeys: readonly RestApiKeyModel[];
  readonly usagePlans: readonly RestUsagePlanModel[];
  readonly cors: boolean;
  readonly tags: Tags;
  readonly lambdaPermissions: readonly LambdaPermissionModel[];
  /** Hash of everything that changes what the API serves: the deployment's trigger, a literal known at plan time. */
  readonly deploymentTrigger: string;
  readonly methodFacts: RestMethodFacts;
}

export interface RestBasePathMappingModel {
  /** Address part: the domain key, plus the mapping's key when `base_path_mappings` is a map. */
  readonly id: string;
  readonly stageKey: string;
  readonly basePath?: string;
}

export type RestDomainModel = ManagedDomainParts & {
  readonly key: string;
  readonly apiKey: string;
  readonly domainName: string;
  readonly securityPolicy: "TLS_1_0" | "TLS_1_2";
  readonly ownershipVerificationCertificateArn?: string;
  readonly mappings: readonly RestBasePathMappingModel[];
  readonly tags: Tags;
} & (
  /** The certificate goes to `certificate_arn` (us-east-1). */
  | { readonly endpointType: "EDGE" }
  /** The certificate goes to `regional_certificate_arn`. */
  | {
      readonly endpointType: "REGIONAL";
      readonly mutualTls?: { readonly truststoreUri: string; readonly truststoreVersion?: string };
    }
);

/** Whether, and how, the stack manages API Gateway's account-level CloudWatch Logs role. */
export type ApiGatewayAccountModel =
  | { readonly mode: "create"; readonly roleName: string }
  | { readonly mode: "existing"; readonly roleArn: string }
  | { readonly mode: "none" };
