import type { Tags } from "./config/common.js";
import type { LambdaFunctionRef } from "./common/lambda-arn.js";
import type { ApiGatewayAccountModel, RestApiModel, RestDomainModel } from "./rest/rest-model.js";

/**
 * The validated, defaulted form of a config, produced once by `loadModuleConfig` and taken by the
 * constructs, which never check again. Collections are arrays sorted by their config key, so that the
 * order of keys in a config never changes the output.
 */
export interface ModuleModel {
  readonly namePrefix: string;
  readonly commonTags: Tags;
  readonly logs: LogDefaults;
  readonly vpcLinks: readonly VpcLinkModel[];
  readonly httpApis: readonly HttpApiModel[];
  readonly httpDomains: readonly HttpDomainModel[];
  readonly restApis: readonly RestApiModel[];
  readonly restDomains: readonly RestDomainModel[];
  /** ACM certificates the module creates for custom domains, and their DNS validation records. */
  readonly managedCertificates: ManagedCertificatesModel;
  /** Whether the stack manages API Gateway's account-level CloudWatch Logs role (only when a REST stage logs). */
  readonly apiGatewayAccount: ApiGatewayAccountModel;
}

export interface LogDefaults {
  /** Create a log group for stages that have no access-log destination. */
  readonly createLogGroups: boolean;
  readonly retentionDays: number;
  readonly kmsKeyId?: string;
}

export type VpcLinkModel =
  | {
      readonly kind: "http";
      readonly key: string;
      readonly name: string;
      readonly subnetIds: readonly string[];
      readonly securityGroupIds: readonly string[];
      readonly tags: Tags;
    }
  | {
      readonly kind: "rest";
      readonly key: string;
      readonly name: string;
      readonly description?: string;
      readonly targetArns: readonly string[];
      readonly tags: Tags;
    };

export interface CorsModel {
  readonly allowCredentials?: boolean;
  readonly allowHeaders?: readonly string[];
  readonly allowMethods?: readonly string[];
  readonly allowOrigins?: readonly string[];
  readonly exposeHeaders?: readonly string[];
  readonly maxAge?: number;
}

export interface RouteSettingsModel {
  readonly detailedMetricsEnabled?: boolean;
  readonly throttlingRateLimit?: number;
  readonly throttlingBurstLimit?: number;
}

export interface HttpStageModel {
  readonly key: string;
  readonly name: string;
  readonly description?: string;
  readonly autoDeploy: boolean;
  readonly defaultRouteSettings?: RouteSettingsModel;
  /** Keyed by the route key (`GET /users`) AWS expects; sorted. */
  readonly routeSettings: readonly (RouteSettingsModel & { readonly routeKey: string })[];
  readonly accessLog?: {
    /** A destination of the user's, or undefined when the module creates the log group. */
    readonly destinationArn?: string;
    readonly logGroupName?: string;
    readonly format: string;
  };
  readonly stageVariables: Record<string, string>;
  readonly tags: Tags;
}

export type HttpAuthorizerModel =
  | {
      readonly kind: "jwt";
      readonly key: string;
      readonly name: string;
      readonly audience: readonly string[];
      readonly issuer: string;
      readonly identitySources: readonly string[];
    }
  | {
      readonly kind: "lambda";
      readonly key: string;
      readonly name: string;
      readonly uri: string;
      readonly credentialsArn?: string;
      readonly identitySources: readonly string[];
      readonly payloadFormatVersion: "1.0" | "2.0";
      readonly resultTtlInSeconds: number;
      readonly enableSimpleResponses: boolean;
    };

export interface HttpIntegrationModel {
  readonly key: string;
  readonly type: "AWS_PROXY" | "HTTP_PROXY";
  readonly subtype?: string;
  readonly method?: string;
  readonly uri?: string;
  readonly payloadFormatVersion: "1.0" | "2.0";
  readonly timeoutMilliseconds?: number;
  readonly connectionType: "INTERNET" | "VPC_LINK";
  /** A `vpc_links` key of this module, resolved by the construct to the link's id. */
  readonly vpcLinkKey?: string;
  /** An existing VPC link id given literally. */
  readonly connectionId?: string;
  readonly credentialsArn?: string;
  readonly description?: string;
  readonly requestParameters: Record<string, string>;
  readonly tlsServerNameToVerify?: string;
}

export interface HttpRouteModel {
  readonly key: string;
  readonly routeKey: string;
  readonly integrationKey?: string;
  readonly authorizationType: "NONE" | "AWS_IAM" | "JWT" | "CUSTOM";
  readonly authorizerKey?: string;
  readonly authorizationScopes?: readonly string[];
  readonly operationName?: string;
}

/** One `aws_lambda_permission` per function and API. */
export interface LambdaPermissionModel {
  /** Unique within the API; part of the resource address. */
  readonly key: string;
  readonly fn: LambdaFunctionRef;
  /** Statement id, unique across stacks that share the function. */
  readonly statementId: string;
}

export interface HttpApiModel {
  readonly key: string;
  readonly name: string;
  readonly description?: string;
  readonly version?: string;
  readonly cors?: CorsModel;
  readonly disableExecuteApiEndpoint: boolean;
  readonly apiKeySelectionExpression?: string;
  readonly routeSelectionExpression?: string;
  readonly tags: Tags;
  readonly stages: readonly HttpStageModel[];
  readonly authorizers: readonly HttpAuthorizerModel[];
  readonly integrations: readonly HttpIntegrationModel[];
  readonly routes: readonly HttpRouteModel[];
  readonly lambdaPermissions: readonly LambdaPermissionModel[];
}

export interface HttpDomainModel extends ManagedDomainParts {
  readonly key: string;
  readonly apiKey: string;
  readonly domainName: string;
  readonly securityPolicy: "TLS_1_2";
  readonly ownershipVerificationCertificateArn?: string;
  readonly mutualTls?: { readonly truststoreUri: string; readonly truststoreVersion?: string };
  readonly stageKey: string;
  readonly apiMappingKey?: string;
  readonly tags: Tags;
}

/** Where a custom domain's certificate comes from: an ARN of the user's, or a certificate the module creates. */
export type CertificateSource =
  | { readonly kind: "arn"; readonly arn: string }
  /** `ManagedCertificateModel.id` of the created certificate; the domain waits for its validation. */
  | { readonly kind: "managed"; readonly certificateId: string };

/** What HTTP and REST custom domains share: certificate source, IP address type, and Route53 alias records. */
export interface ManagedDomainParts {
  readonly certificate: CertificateSource;
  readonly ipAddressType?: "ipv4" | "dualstack";
  /** Route53 alias records from the domain name to the domain's target, when `create_dns_record` is set. */
  readonly dnsRecords?: { readonly zoneId: string; readonly ipv6: boolean };
}

/**
 * Certificates are identified by where they live and their primary name (`edge__wildcard__example_com`), so that
 * domains asking for the same certificate share it, and adding a domain never renames a certificate.
 */
export interface ManagedCertificateModel {
  /** Part of the resource addresses, from the placement and the primary name. */
  readonly id: string;
  /** `edge`: us-east-1 (through the aliased provider), whatever the stack's region; `regional`: the stack's region. */
  readonly placement: "edge" | "regional";
  readonly domainName: string;
  readonly subjectAlternativeNames: readonly string[];
  /** `ValidationRecordModel.name`s this certificate's validation waits for, in order. */
  readonly validationNames: readonly string[];
  readonly tags: Tags;
}

/**
 * One DNS validation record (a CNAME). ACM gives the same record for `*.example.com` and `example.com`, and for
 * the same name in every certificate and region of an account, so a record is created once per name.
 */
export interface ValidationRecordModel {
  /** The validated name without a leading `*.`; part of the resource address. */
  readonly name: string;
  readonly zoneId: string;
  /** The certificate whose `domain_validation_options` give the record's name and value. */
  readonly certificateId: string;
  /** The `domain_name` of that option (`*.example.com` or `example.com`). */
  readonly optionName: string;
}

export interface ManagedCertificatesModel {
  /** Sorted by id. */
  readonly certificates: readonly ManagedCertificateModel[];
  /** Sorted by name. */
  readonly validationRecords: readonly ValidationRecordModel[];
}
