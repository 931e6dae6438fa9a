import { Construct, type IConstruct } from "constructs";
import { writeStringsLiterally } from "../common/literal-text.js";
import { buildEntry, configPathByScope, duplicateAddressProblems } from "../common/terraform-addresses.js";
import type { ApiGatewayModuleConfig } from "./config/module-inputs.js";
import { LogGroupFactory } from "./common/log-group-factory.js";
import { HttpApiDomains } from "./domains/http-api-domains.js";
import { ManagedCertificates } from "./domains/managed-certificates.js";
import { RestApiDomains } from "./domains/rest-api-domains.js";
import { HttpApi } from "./http/http-api.js";
import { createModuleOutputs } from "./outputs.js";
import { ApiGatewayAccountSettings } from "./rest/api-gateway-account.js";
import { RestApi } from "./rest/rest-api.js";
import { loadModuleConfig, type LoadedModuleConfig } from "./validation/load-module-config.js";
import { ConfigValidationError, keyPath } from "./validation/problems.js";
import { VpcLinks } from "./vpc-links/vpc-links.js";

export interface ApiGatewayModuleOptions {
  /**
   * Prepended to the module's Terraform output names, for a stack with more than one module.
   * @default "" (outputs named exactly as the HCL module's: `http_apis`, `http_api_stages`, ...)
   */
  readonly outputPrefix?: string;
  /** Whether to create the Terraform outputs. @default true */
  readonly outputs?: boolean;
}

/**
 * The API Gateway module: takes the HCL module's inputs, checks them (throwing a ConfigValidationError that
 * lists every problem), and creates the resources and outputs. Resource addresses start with the construct id
 * and follow the config's map keys.
 *
 * @example
 * new ApiGatewayModule(stack, "apigw", { name_prefix: "shop", http_apis: { api: { ... } } });
 */
export class ApiGatewayModule extends Construct {
  readonly httpApis = new Map<string, HttpApi>();
  readonly vpcLinks: VpcLinks;
  /** ACM certificates created for custom domains (`create_certificate`), with their validation. */
  readonly certificates: ManagedCertificates;
  readonly httpDomains: HttpApiDomains;
  readonly restApis = new Map<string, RestApi>();
  readonly restDomains: RestApiDomains;
  /** API Gateway's account-level CloudWatch Logs role setting, when this module manages it. */
  readonly apiGatewayAccount?: ApiGatewayAccountSettings;
  /** Warnings about settings that were accepted but left out (such as execution logging on HTTP APIs). */
  readonly warnings: LoadedModuleConfig["warnings"];

  constructor(scope: Construct, id: string, config: ApiGatewayModuleConfig | LoadedModuleConfig, options: ApiGatewayModuleOptions = {}) {
    super(scope, id);
    writeStringsLiterally(this);
    const loaded = "model" in config ? config : loadModuleConfig(config);
    const { model } = loaded;
    this.warnings = loaded.warnings;
    const logGroups = new LogGroupFactory(model.logs);

    this.vpcLinks = new VpcLinks(this, "vpc-links", { models: model.vpcLinks, addressPrefix: id });
    const vpcLinkIds = new Map([...this.vpcLinks.links].map(([key, link]) => [key, link.id]));
    const vpcLinkId = (key: string) => vpcLinkIds.get(key)!;
    for (const api of model.httpApis) {
      this.httpApis.set(api.key, buildEntry(keyPath("http_apis", api.key), () => new HttpApi(this, `http-${api.key}`, { model: api, addressPrefix: id, vpcLinkId, logGroups })));
    }
    this.certificates = new ManagedCertificates(this, "certificates", { model: model.managedCertificates, addressPrefix: id });
    this.httpDomains = new HttpApiDomains(this, "http-domains", { models: model.httpDomains, apis: this.httpApis, addressPrefix: id, certificates: this.certificates });
    if (model.apiGatewayAccount.mode !== "none") {
      this.apiGatewayAccount = new ApiGatewayAccountSettings(this, "api-gateway-account", { model: model.apiGatewayAccount, tags: model.commonTags, addressPrefix: id });
    }
    for (const api of model.restApis) {
      const account = this.apiGatewayAccount?.address;
      this.restApis.set(api.key, buildEntry(keyPath("rest_apis", api.key), () => new RestApi(this, `rest-${api.key}`, { model: api, addressPrefix: id, vpcLinkId, logGroups, account })));
    }
    this.restDomains = new RestApiDomains(this, "rest-domains", { models: model.restDomains, apis: this.restApis, addressPrefix: id, certificates: this.certificates });
    if (options.outputs ?? true) {
      createModuleOutputs(this, {
        httpApis: this.httpApis,
        vpcLinks: this.vpcLinks,
        httpDomains: this.httpDomains,
        restApis: this.restApis,
        restDomains: this.restDomains,
        model,
        prefix: options.outputPrefix ?? "",
      });
    }
    const collisions = duplicateAddressProblems(this, configPathByScope(this.configPaths(), "config"));
    if (collisions.length > 0) throw new ConfigValidationError(collisions, undefined, loaded.warnings);
  }

  /** The config entry each API's (and each other part's) construct comes from. */
  private configPaths(): Map<IConstruct, string> {
    const paths = new Map<IConstruct, string>([
      [this.vpcLinks, "vpc_links"],
      [this.httpDomains, "http_api_custom_domains"],
      [this.restDomains, "rest_api_custom_domains"],
    ]);
    for (const [key, api] of this.httpApis) paths.set(api, keyPath("http_apis", key));
    for (const [key, api] of this.restApis) paths.set(api, keyPath("rest_apis", key));
    return paths;
  }
}
