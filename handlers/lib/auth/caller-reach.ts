// What a caller may do: by the role matrix when its token carried a role claim, else by its scopes.
import type { Caller } from "../tenant/caller.js";
import { reachOf, type Action, type Reach, type Resource } from "./roles.js";
import { scopeReach } from "./scopes.js";

export function callerReach(caller: Caller, resource: Resource, action: Action): Reach {
  return caller.grant === "scope" ? scopeReach(caller.scope, resource, action) : reachOf(caller.role, resource, action);
}
