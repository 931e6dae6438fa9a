// The scope rule table: what a token WITHOUT a role claim may do, by its OAuth scopes (a machine client's
// client-credentials token carries scopes, never a role). A token with a role claim follows the role matrix
// (roles.ts) and its scopes are not consulted. Which table applies is decided per request, by the authorizer,
// from the token (its `grant` context field), never from the route.
//
//   scope      | catalog read | orders read | orders write
//   api/read   | all          | own         | none
//   api/write  | none         | none        | own
//
// `own` orders are those the caller created: for a machine client, its `sub` is the client id. Scopes add up
// (`api/read api/write` reads the catalog and places and reads its own orders); unknown scopes grant nothing.
import { API_SCOPE } from "../contract/identity.js";
import type { Action, Reach, Resource } from "./roles.js";

type ScopeRules = Readonly<Partial<Record<Resource, Readonly<Partial<Record<Action, Reach>>>>>>;

export const SCOPE_RULES: Readonly<Record<string, ScopeRules>> = {
  [API_SCOPE.read]: { catalog: { read: "all" }, orders: { read: "own" } },
  [API_SCOPE.write]: { orders: { write: "own" } },
};

const ORDER: readonly Reach[] = ["none", "own", "all"];

/** The widest reach any of the space-separated scopes grants. */
export function scopeReach(scope: string, resource: Resource, action: Action): Reach {
  let best: Reach = "none";
  for (const name of scope.split(" ")) {
    if (!Object.hasOwn(SCOPE_RULES, name)) continue;
    const reach = SCOPE_RULES[name]![resource]?.[action] ?? "none";
    if (ORDER.indexOf(reach) > ORDER.indexOf(best)) best = reach;
  }
  return best;
}
