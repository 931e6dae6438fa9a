import { contentHash } from "../common/content-hash.js";
import type { VpcLinkModel } from "../model.js";
import type { RestApiModel, RestDefinitionModel } from "./rest-model.js";

/** What a REST deployment snapshots: the parts of an API that change what it serves. */
export type ServedParts = Pick<RestApiModel, "authorizers" | "policy" | "binaryMediaTypes" | "minimumCompressionSize" | "apiKeySource" | "disableExecuteApiEndpoint"> & {
  readonly definition: RestDefinitionModel;
  /** The VPC links its integrations use: a replaced link changes their connection id, which needs a redeploy. */
  readonly vpcLinks: readonly VpcLinkModel[];
};

/**
 * The deployment trigger of a REST API: a hash, computed at synth, of everything that changes what the API
 * serves (resources, methods, integrations and their responses, models, request validators, gateway responses,
 * authorizers, the resource policy, the OpenAPI body, binary media types, compression, the API key source, turning
 * off the execute-api endpoint, the VPC links integrations use), and of nothing else. Tags, descriptions, stage settings, usage plans and keys
 * are left out: they take effect without a new deployment. Being a literal, it is known at plan time, so a plan
 * shows a redeploy only when one is needed.
 */
export function restDeploymentTrigger(parts: ServedParts): string {
  const usedLinks = new Set<string>();
  if (parts.definition.kind === "methods") {
    for (const method of parts.definition.methods) {
      const integration = method.integration;
      if (integration.type !== "MOCK" && integration.connection && "vpcLinkKey" in integration.connection) usedLinks.add(integration.connection.vpcLinkKey);
    }
  }
  return contentHash({
    version: 1,
    definition: parts.definition,
    authorizers: parts.authorizers,
    policy: parts.policy ?? null,
    binaryMediaTypes: parts.binaryMediaTypes,
    minimumCompressionSize: parts.minimumCompressionSize ?? null,
    apiKeySource: parts.apiKeySource ?? null,
    disableExecuteApiEndpoint: parts.disableExecuteApiEndpoint,
    vpcLinks: parts.vpcLinks.filter((link) => usedLinks.has(link.key)).map((link) => (link.kind === "rest" ? { key: link.key, name: link.name, targetArns: link.targetArns } : link.key)),
  });
}
