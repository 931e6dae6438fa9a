import { TerraformDataSource, TerraformOutput, TerraformResource } from "cdktf";
import type { IConstruct } from "constructs";
import { ConfigValidationError, type ConfigProblem } from "../api-gateway/validation/problems.js";

/** `aws_apigatewayv2_route.apigw__api__get_users`, `data.aws_x.y`, `output.z`: what Terraform keys an element by. */
function terraformAddressOf(construct: IConstruct): string | undefined {
  if (construct instanceof TerraformResource) return `${construct.terraformResourceType}.${construct.friendlyUniqueId}`;
  if (construct instanceof TerraformDataSource) return `data.${construct.terraformResourceType}.${construct.friendlyUniqueId}`;
  if (construct instanceof TerraformOutput) return `output.${construct.friendlyUniqueId}`;
  return undefined;
}

/**
 * Two elements under `scope` with one Terraform address: in the synthesized JSON the later would silently merge
 * into the earlier. The constructs themselves are the source here, so this catches what a check of the config
 * could miss; `configPathOf` names the config entry that made an element (its API, for instance).
 */
export function duplicateAddressProblems(scope: IConstruct, configPathOf: (element: IConstruct) => string): ConfigProblem[] {
  const seen = new Map<string, IConstruct>();
  const problems: ConfigProblem[] = [];
  for (const construct of scope.node.findAll()) {
    const address = terraformAddressOf(construct);
    if (address === undefined) continue;
    const earlier = seen.get(address);
    if (earlier === undefined) {
      seen.set(address, construct);
      continue;
    }
    const [a, b] = [configPathOf(earlier), configPathOf(construct)];
    problems.push({
      path: b,
      message: `makes ${address}, as ${a === b ? "another entry of it" : a} does (${earlier.node.path} and ${construct.node.path}), so one would replace the other`,
      fix: "rename one of the keys; keys that differ only in punctuation map to the same address",
    });
  }
  return problems;
}

/** The config path of the innermost scope of `element` that `paths` knows, else `fallback`. */
export function configPathByScope(paths: ReadonlyMap<IConstruct, string>, fallback: string): (element: IConstruct) => string {
  return (element) => {
    for (const scope of [...element.node.scopes].reverse()) {
      const path = paths.get(scope);
      if (path !== undefined) return path;
    }
    return fallback;
  };
}

/**
 * Builds the constructs of one config entry; two of its keys that make one construct id (the constructs library
 * throws "There is already a Construct with name ...") become a problem at `path` instead of an exception.
 */
export function buildEntry<T>(path: string, build: () => T): T {
  try {
    return build();
  } catch (error) {
    const message = error instanceof Error ? error.message : "";
    const clash = /There is already a Construct with name '([^']*)'/.exec(message);
    if (!clash) throw error;
    throw new ConfigValidationError([{ path, message: `two of its entries would make one construct id (${clash[1]})`, fix: "rename one of the keys; keys that differ only in punctuation can make the same id" }]);
  }
}
