/**
 * DNS names of custom domains and certificates: what a valid name is, which names a certificate name covers, the
 * name ACM validates, and the resource-address form of a name.
 */

const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
const TOP_LABEL = /[a-z]/;

/** Route53 hosted zone ids: `Z` and up to 31 upper-case letters or digits (`Z1234567890ABC`). */
export const ZONE_ID = /^Z[A-Z0-9]{1,31}$/;

/**
 * Whether `name` is a DNS name API Gateway and ACM take: lower-case labels of 1..63 letters, digits and `-` (not
 * at either end), at least two labels, a top-level label with a letter, at most 253 characters, and an optional
 * leading `*.` (wildcard custom domain names work on EDGE and REGIONAL domains of REST and HTTP APIs).
 */
export function isDnsName(name: string): boolean {
  if (name.length > 253) return false;
  const labels = (name.startsWith("*.") ? name.slice(2) : name).split(".");
  return labels.length >= 2 && labels.every((l) => LABEL.test(l)) && TOP_LABEL.test(labels[labels.length - 1]!);
}

/** Why `name` is not a DNS name, for the error message. */
export function dnsNameProblem(name: string): string {
  if (name.length > 253) return `is ${name.length} characters long; a DNS name has at most 253`;
  const tooLong = name.split(".").find((l) => l.length > 63);
  if (tooLong !== undefined) return `has a label of ${tooLong.length} characters; a label has at most 63`;
  return `${JSON.stringify(name)} is not a valid DNS name`;
}

/** The name ACM validates for `name`: `*.example.com` and `example.com` share one validation record. */
export function validatedName(name: string): string {
  return name.startsWith("*.") ? name.slice(2) : name;
}

/** Whether a certificate for `certificateName` serves `domainName`: the same name, or a wildcard one label up. */
export function covers(certificateName: string, domainName: string): boolean {
  if (certificateName === domainName) return true;
  if (!certificateName.startsWith("*.") || domainName.startsWith("*.")) return false;
  const dot = domainName.indexOf(".");
  return dot > 0 && domainName.slice(dot + 1) === certificateName.slice(2);
}

/**
 * A DNS name as part of a resource address: `api.example.com` is `api_example_com`, `*.example.com` is
 * `wildcard__example_com` (a DNS name never gives `__`, so the two forms cannot meet).
 */
export function nameSlug(name: string): string {
  const slug = validatedName(name).replace(/\./g, "_");
  return name.startsWith("*.") ? `wildcard__${slug}` : slug;
}
