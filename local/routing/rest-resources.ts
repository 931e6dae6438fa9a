// REST API method selection: the most specific resource of the tree matching the path, then its method (or
// its ANY method). A path no resource matches, or a resource without the method, is API Gateway's
// "Missing Authentication Token".
import type { RestMethodModel, RestResourceModel } from "../model/rest-api-model.js";
import { compareRanks, matchTemplate, requestSegments } from "./path-templates.js";

export interface RestMethodMatch {
  readonly resource: RestResourceModel;
  readonly method: RestMethodModel | undefined;
  readonly pathParameters: Record<string, string>;
}

export function selectRestMethod(root: RestResourceModel, httpMethod: string, path: string): RestMethodMatch | undefined {
  const segments = requestSegments(path);
  let best: { resource: RestResourceModel; params: Record<string, string>; rank: readonly number[] } | undefined;
  const visit = (resource: RestResourceModel) => {
    const match = matchTemplate(resource.path, segments);
    if (match && (!best || compareRanks(match.rank, best.rank) < 0)) best = { resource, params: match.params, rank: match.rank };
    for (const child of resource.children) visit(child);
  };
  visit(root);
  if (!best) return undefined;
  const { resource, params } = best;
  return { resource, method: resource.methods.get(httpMethod) ?? resource.methods.get("ANY"), pathParameters: params };
}
