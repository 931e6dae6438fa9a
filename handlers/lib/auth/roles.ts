// The role rule table: the enterprise integration spec's permission matrix (Guest, User, Moderator, Admin) applied to this
// product's APIs, in one place. Orders follow the matrix's "Orders API" row; the catalog is readable by
// every authenticated role. `own` means the caller's own orders (those it created, by `sub`); `all` means
// every order of the caller's tenant (never another tenant's: the tenant is part of every key).
//
// Enforced in the application layer, not in the authorizer: API Gateway caches an authorizer's answer per
// token for every route, so a per-route decision there would leak across routes.

export const ROLES = ["guest", "user", "moderator", "admin"] as const;
export type Role = (typeof ROLES)[number];

export type Resource = "catalog" | "orders";
export type Action = "read" | "write";
export type Reach = "none" | "own" | "all";

export const RULES: Readonly<Record<Role, Readonly<Record<Resource, Readonly<Record<Action, Reach>>>>>> = {
  guest: { catalog: { read: "all", write: "none" }, orders: { read: "none", write: "none" } },
  user: { catalog: { read: "all", write: "none" }, orders: { read: "own", write: "own" } },
  moderator: { catalog: { read: "all", write: "none" }, orders: { read: "all", write: "all" } },
  admin: { catalog: { read: "all", write: "all" }, orders: { read: "all", write: "all" } },
};

/** Case-insensitive (`Admin` is `admin`); anything unknown, missing or not a string is `guest`. */
export function normalizeRole(value: unknown): Role {
  if (typeof value !== "string") return "guest";
  const lower = value.trim().toLowerCase();
  return (ROLES as readonly string[]).includes(lower) ? (lower as Role) : "guest";
}

export function reachOf(role: Role, resource: Resource, action: Action): Reach {
  return RULES[role][resource][action];
}
