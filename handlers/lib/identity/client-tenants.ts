// CLIENT_TENANTS: which tenant each machine (client-credentials) app client belongs to, `<client id>=<tenant>,...`,
// written by Terraform from the pool's per-tenant clients. Read once per container; a malformed entry is an
// init error naming its position (never its text).
import { CLIENT_TENANTS_ENV } from "../contract/identity.js";
import { ConfigError, optionalString, type Env } from "../env.js";
import { isTenantId } from "../tenant/tenant-id.js";

const CLIENT_ID = /^[\w+]{1,128}$/;

export function clientTenantsFromEnv(env: Env): ReadonlyMap<string, string> {
  const raw = optionalString(env, CLIENT_TENANTS_ENV);
  const map = new Map<string, string>();
  if (raw === undefined) return map;
  raw.split(",").forEach((entry, index) => {
    const trimmed = entry.trim();
    if (trimmed === "") return;
    const at = trimmed.indexOf("=");
    const clientId = trimmed.slice(0, at);
    const tenant = trimmed.slice(at + 1);
    if (at < 1 || !CLIENT_ID.test(clientId) || !isTenantId(tenant)) {
      throw new ConfigError(CLIENT_TENANTS_ENV, `entry ${index + 1} is not <app client id>=<tenant id>`);
    }
    if (map.has(clientId)) throw new ConfigError(CLIENT_TENANTS_ENV, `entry ${index + 1} names a client already listed`);
    map.set(clientId, tenant);
  });
  return map;
}
