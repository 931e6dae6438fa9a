import { ApiGatewayVpcLink } from "@cdktf/provider-aws/lib/api-gateway-vpc-link/index.js";
import { Apigatewayv2VpcLink } from "@cdktf/provider-aws/lib/apigatewayv2-vpc-link/index.js";
import { Construct } from "constructs";
import { address } from "../common/addresses.js";
import { tagsArgument } from "../common/tags.js";
import type { VpcLinkModel } from "../model.js";

/** VPC links: v2 (`aws_apigatewayv2_vpc_link`) for HTTP-style entries, v1 (`aws_api_gateway_vpc_link`) for REST-style. */
export class VpcLinks extends Construct {
  readonly links = new Map<string, Apigatewayv2VpcLink | ApiGatewayVpcLink>();

  constructor(scope: Construct, id: string, props: { readonly models: readonly VpcLinkModel[]; readonly addressPrefix: string }) {
    super(scope, id);
    for (const link of props.models) {
      const resource =
        link.kind === "http"
          ? new Apigatewayv2VpcLink(this, link.key, {
              name: link.name,
              subnetIds: [...link.subnetIds],
              securityGroupIds: [...link.securityGroupIds],
              tags: tagsArgument(link.tags),
            })
          : new ApiGatewayVpcLink(this, link.key, {
              name: link.name,
              description: link.description,
              targetArns: [...link.targetArns],
              tags: tagsArgument(link.tags),
            });
      resource.overrideLogicalId(address(props.addressPrefix, link.key));
      this.links.set(link.key, resource);
    }
  }
}
