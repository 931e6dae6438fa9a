import { isToken } from "../common/lambda-arn.js";
import { mergeTags } from "../common/tags.js";
import type { VpcLinkConfig } from "../config/vpc-links.js";
import type { VpcLinkModel } from "../model.js";
import { sortedEntries, type NormalizeContext } from "../validation/context.js";
import { joinPath } from "../validation/problems.js";

const NLB_ARN = /^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:loadbalancer\/net\/[^/]+\/[0-9a-f]+$/;

/** The kind of each link, known before the APIs that reference them are checked. */
export function vpcLinkKinds(links: Record<string, VpcLinkConfig> | undefined): Map<string, "http" | "rest"> {
  return new Map(sortedEntries(links).map(([key, link]) => [key, "target_arns" in link ? "rest" : "http"]));
}

export function normalizeVpcLinks(links: Record<string, VpcLinkConfig> | undefined, ctx: NormalizeContext): VpcLinkModel[] {
  return sortedEntries(links).map(([key, link]): VpcLinkModel => {
    const at = joinPath("vpc_links", key);
    const name = link.name ?? `${ctx.namePrefix}-${key}`;
    const tags = mergeTags(ctx.commonTags, link.tags);
    if (link.name === undefined && name.length > 128) {
      ctx.problems.error(at, `VPC link name ${JSON.stringify(name.slice(0, 40))}… has ${name.length} characters`, "shorten name_prefix or the key to at most 128 in all, or set name");
    }
    if ("target_arns" in link) {
      if (link.target_arns.length !== 1) {
        ctx.problems.error(joinPath(at, "target_arns"), `lists ${link.target_arns.length} ARNs; a REST VPC link targets exactly one Network Load Balancer`, "give one NLB ARN");
      }
      for (const [i, arn] of link.target_arns.entries()) {
        if (!NLB_ARN.test(arn) && !isToken(arn)) {
          ctx.problems.error(joinPath(at, "target_arns", String(i)), `${JSON.stringify(arn)} is not a Network Load Balancer ARN`, "use arn:aws:elasticloadbalancing:<region>:<account>:loadbalancer/net/<name>/<id>");
        }
      }
      return { kind: "rest", key, name, description: link.description, targetArns: link.target_arns, tags };
    }
    if (link.subnet_ids.length === 0) ctx.problems.error(joinPath(at, "subnet_ids"), "is empty", "list the subnets the link's network interfaces go in");
    return { kind: "http", key, name, subnetIds: link.subnet_ids, securityGroupIds: link.security_group_ids, tags };
  });
}
