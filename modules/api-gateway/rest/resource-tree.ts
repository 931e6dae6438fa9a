import { terraformSafe } from "../common/addresses.js";
import { isParameterSegment, pathSegments } from "./method-path.js";
import type { RestResourceModel } from "./rest-model.js";

/** A segment as an address part: `users`, `{id}` → `id_param`, `{proxy+}` → `proxy_greedy`, `v1.2` → `v1_2`. */
function segmentId(segment: string): string {
  const parameter = /^\{(.+?)(\+?)\}$/.exec(segment);
  const readable = parameter ? `${parameter[1]}_${parameter[2] ? "greedy" : "param"}` : segment;
  return terraformSafe(readable.replace(/[^A-Za-z0-9_-]/g, "_"));
}

/** The address part of a resource path: one part per segment, `/users/{id}` → `users__id_param`. Root: undefined. */
export function resourceIdOf(path: string): string | undefined {
  const segments = pathSegments(path);
  return segments.length === 0 ? undefined : segments.map(segmentId).join("__");
}

/** What is wrong with a set of paths as one API's resource tree (besides each path on its own). */
export interface ResourceTreeProblem {
  /** The path whose resource is at fault. */
  readonly path: string;
  readonly message: string;
  readonly fix: string;
}

/**
 * The `aws_api_gateway_resource`s that a set of method paths needs: one per distinct path prefix, shared between
 * methods, sorted by path so that parents come before children. Also reports what AWS refuses in a tree: two
 * different parameters under one parent (`/users/{id}` and `/users/{userId}`), and two paths that would get one
 * Terraform address.
 */
export function resourceTreeOf(paths: Iterable<string>): { resources: RestResourceModel[]; problems: ResourceTreeProblem[] } {
  const byPath = new Map<string, RestResourceModel>();
  for (const path of paths) {
    const segments = pathSegments(path);
    for (let i = 1; i <= segments.length; i++) {
      const prefix = `/${segments.slice(0, i).join("/")}`;
      if (byPath.has(prefix)) continue;
      const parent = i === 1 ? undefined : `/${segments.slice(0, i - 1).join("/")}`;
      byPath.set(prefix, { id: resourceIdOf(prefix)!, path: prefix, pathPart: segments[i - 1]!, parentId: parent && resourceIdOf(parent) });
    }
  }
  const resources = [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const problems: ResourceTreeProblem[] = [];
  const parameterOf = new Map<string, string>();
  const pathOfId = new Map<string, string>();
  for (const resource of resources) {
    const parentKey = resource.parentId ?? "";
    if (isParameterSegment(resource.pathPart)) {
      const sibling = parameterOf.get(parentKey);
      if (sibling !== undefined && sibling !== resource.pathPart) {
        problems.push({
          path: resource.path,
          message: `${resource.pathPart} and ${sibling} are both parameters under one parent; AWS allows one parameter per level`,
          fix: `use one name for both, e.g. ${sibling}`,
        });
      }
      parameterOf.set(parentKey, resource.pathPart);
    }
    const earlier = pathOfId.get(resource.id);
    if (earlier !== undefined) {
      problems.push({ path: resource.path, message: `gets the same Terraform address as ${JSON.stringify(earlier)} (${resource.id})`, fix: "rename one of the path segments" });
    }
    pathOfId.set(resource.id, resource.path);
  }
  return { resources, problems };
}
