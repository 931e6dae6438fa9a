/**
 * A lint finding kept on purpose: the rule it silences, where, and why. Listed in the `security_summary` output,
 * so that an audit sees every kept finding with its reason.
 */
export interface LintSuppression {
  /**
   * Id of the rule, such as `APIGW-REST-WAF` (see `cdktf-apigateway lint --rules`).
   * @pattern ^APIGW-[A-Z0-9-]+$
   */
  readonly rule: string;
  /**
   * Config path the suppression covers: the finding's path or a path above it (`rest_apis.public`).
   * @default - every finding of the rule in this config
   */
  readonly path?: string;
  /**
   * Why the finding is kept; required, and shown in `security_summary`.
   * @minLength 1
   */
  readonly reason: string;
}

/** The policy linter's settings of a tenant environment. */
export interface LintSettings {
  /** Findings kept on purpose, each with its reason. @default [] */
  readonly suppressions?: readonly LintSuppression[];
  /**
   * The request header that carries the tenant (the bearer token for the bundled handlers): an authorizer whose
   * cached result is not keyed by it could serve one tenant's decision to another.
   * @minLength 1
   * @default "Authorization"
   */
  readonly tenant_header?: string;
}
