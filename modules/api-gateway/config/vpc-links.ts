import type { Description, ResourceName, Tags } from "./common.js";

/**
 * A VPC link for HTTP APIs (API Gateway v2): ENIs in your subnets that reach ALBs, NLBs and Cloud Map services.
 * Becomes `aws_apigatewayv2_vpc_link`.
 */
export interface HttpVpcLinkConfig {
  /** Link name, 1 to 128 characters. @default - `<name_prefix>-<key>` */
  readonly name?: ResourceName;
  /** Free text for readers of the config, at most 1024 characters; AWS v2 VPC links have no description field, so it is not sent. @default - none */
  readonly description?: Description;
  /** Subnets the link's network interfaces live in. */
  readonly subnet_ids: string[];
  /** Security groups of the link's network interfaces. */
  readonly security_group_ids: string[];
  /** Tags, merged over `common_tags`. @default {} */
  readonly tags?: Tags;
}

/**
 * A VPC link for REST APIs (API Gateway v1): a PrivateLink endpoint service on a Network Load Balancer.
 * Becomes `aws_api_gateway_vpc_link`.
 */
export interface RestVpcLinkConfig {
  /** Link name, 1 to 128 characters. @default - `<name_prefix>-<key>` */
  readonly name?: ResourceName;
  /** Link description, at most 1024 characters. @default - none */
  readonly description?: Description;
  /** ARNs of the Network Load Balancers the link targets (AWS takes exactly one). */
  readonly target_arns: string[];
  /** Tags, merged over `common_tags`. @default {} */
  readonly tags?: Tags;
}

/**
 * A VPC link: HTTP-style (`subnet_ids` and `security_group_ids`, for HTTP APIs) or REST-style
 * (`target_arns`, an NLB, for REST APIs).
 */
export type VpcLinkConfig = HttpVpcLinkConfig | RestVpcLinkConfig;
