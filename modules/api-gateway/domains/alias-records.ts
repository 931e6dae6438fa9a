import { Route53Record } from "@cdktf/provider-aws/lib/route53-record/index.js";
import type { Construct } from "constructs";
import { address } from "../common/addresses.js";

export interface AliasRecordsProps {
  /** `http` or `rest`: HTTP and REST domains may share a key. */
  readonly kind: "http" | "rest";
  readonly key: string;
  readonly addressPrefix: string;
  readonly domainName: string;
  readonly zoneId: string;
  /** Whether the endpoint answers IPv6: then an AAAA record beside the A record. */
  readonly ipv6: boolean;
  /** The API Gateway domain's target: its regional or CloudFront domain name and hosted zone. */
  readonly targetDomainName: string;
  readonly targetZoneId: string;
}

/** Route53 alias records from a custom domain name to its API Gateway target (`create_dns_record`). */
export function createAliasRecords(scope: Construct, props: AliasRecordsProps): Route53Record[] {
  return (props.ipv6 ? ["A", "AAAA"] : ["A"]).map((type) => {
    const record = new Route53Record(scope, `dns-${props.kind}-${props.key}-${type}`, {
      zoneId: props.zoneId,
      name: props.domainName,
      type,
      alias: { name: props.targetDomainName, zoneId: props.targetZoneId, evaluateTargetHealth: false },
    });
    record.overrideLogicalId(address(props.addressPrefix, props.kind, props.key, type));
    return record;
  });
}
