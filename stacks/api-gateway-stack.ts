import { AwsProvider } from "@cdktf/provider-aws/lib/provider/index.js";
import { LocalBackend, S3Backend, TerraformProvider, TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import { ApiGatewayModule } from "../modules/api-gateway/api-gateway-module.js";
import { writeStringsLiterally } from "../modules/common/literal-text.js";
import { ApplicationRuntime } from "../modules/application/application-runtime.js";
import { mountedApi } from "../modules/application/mounted-api.js";
import { listSuppressionsInSecuritySummary } from "../modules/lint/suppression-summary.js";
import { IdentityPool } from "../modules/identity/identity-pool.js";
import { withIdentityAuthorizer } from "../modules/identity/identity-authorizer.js";
import type { HandlerArtifact } from "../modules/lambda-function/bundled-function.js";
import type { StackConfig } from "./load-stack-configs.js";
import { AWS_PROVIDER_VERSION, defaultTags, requiredTerraformVersion } from "./provider-guard.js";
import { withSecurityHeadersOnGatewayResponses } from "./gateway-response-headers.js";
import { withStackWebAcl } from "./stack-web-acl.js";
import { localStatePath } from "./stack-folders.js";

/** Id of the module construct in the app's stacks, and so the first part of every resource address. */
export const MODULE_ID = "apigw";

export interface ApiGatewayStackOptions {
  /** Built handler zips by name; required when the config has an `application` section. */
  readonly handlerArtifacts?: Readonly<Record<string, HandlerArtifact>>;
}

/**
 * One tenant environment (or one bare module config): the AWS provider, the state backend, and the module.
 * A bare config's provider names no region: the pipeline that runs Terraform sets AWS_REGION, as it does for
 * the HCL module.
 */
export class ApiGatewayStack extends TerraformStack {
  readonly module: ApiGatewayModule;
  readonly application?: ApplicationRuntime;
  readonly identity?: IdentityPool;

  constructor(scope: Construct, config: StackConfig, options: ApiGatewayStackOptions = {}) {
    super(scope, config.stackName);
    writeStringsLiterally(this);
    const settings = config.settings;
    new AwsProvider(this, "aws", { region: settings?.region });
    const s3 = settings?.backend?.s3;
    if (!s3 || !settings) {
      // Outside the stack folder, which synth rewrites; relative, where cdktf's default is this machine's path.
      new LocalBackend(this, { path: localStatePath(config.stackName) });
    } else {
      const backend = new S3Backend(this, {
        bucket: s3.bucket,
        key: s3.key ?? `${settings.tenant}/${settings.environment}/terraform.tfstate`,
        region: s3.region ?? settings.region,
        dynamodbTable: s3.dynamodb_table,
        encrypt: s3.encrypt ?? true,
      });
      // cdktf 0.21 predates S3-native locking (Terraform 1.10); the attribute is added as an override.
      if (s3.use_lockfile ?? true) backend.addOverride("use_lockfile", true);
    }
    this.module = new ApiGatewayModule(this, MODULE_ID, withStackWebAcl(this, config, withSecurityHeadersOnGatewayResponses(config.module)));
    listSuppressionsInSecuritySummary(this.module, settings?.lint);
    if (config.identity && options.handlerArtifacts && settings) {
      this.identity = new IdentityPool(this, { model: config.identity, artifacts: options.handlerArtifacts, region: settings.region, logKmsKeyId: config.module.model.logs.kmsKeyId });
    }
    if (config.application) {
      if (!options.handlerArtifacts) throw new Error(`${config.stackName}: the application section needs the built handlers (handlerArtifacts)`);
      this.application = new ApplicationRuntime(this, {
        model: this.identity ? withIdentityAuthorizer(config.application, this.identity) : config.application,
        artifacts: options.handlerArtifacts,
        api: mountedApi(this.module, config.module.model, config.application.api),
        logKmsKeyId: config.module.model.logs.kmsKeyId,
        region: config.settings?.region,
      });
    }
    this.guard(config);
  }

  /**
   * Every aws provider of the stack (the module's us-east-1 copy too) tags what it creates with the tenant, the
   * environment and the product, and refuses other accounts when the config names one; the stack pins the
   * Terraform and provider versions it was generated for.
   */
  private guard(config: StackConfig): void {
    this.addOverride("terraform.required_version", requiredTerraformVersion(config.settings));
    const settings = config.settings;
    for (const provider of this.node.findAll()) {
      if (!TerraformProvider.isTerraformProvider(provider) || provider.terraformResourceType !== "aws") continue;
      const aws = provider as AwsProvider;
      if (settings) aws.defaultTags = [{ tags: defaultTags(settings, config.module.model.commonTags) }];
      if (settings?.account_id) aws.allowedAccountIds = [settings.account_id];
    }
    this.addOverride("terraform.required_providers.aws.version", AWS_PROVIDER_VERSION);
  }
}
