// One line per request: method, path, matched route, authorizer decision (and whether it came from the
// authorizer cache), integration, status, latency.

export interface RequestRecord {
  method: string;
  path: string;
  route: string;
  authorizer: string;
  cacheHit: boolean;
  integration: string;
  status: number;
  latencyMs: number;
}

export function newRecord(method: string, path: string): RequestRecord {
  return { method, path, route: "-", authorizer: "none", cacheHit: false, integration: "-", status: 0, latencyMs: 0 };
}

export function formatRecord(record: RequestRecord): string {
  const auth = record.authorizer === "none" ? "none" : `${record.authorizer}${record.cacheHit ? " (cached)" : ""}`;
  return `${record.method} ${record.path} route="${record.route}" auth=${auth} integration=${record.integration} status=${record.status} ${record.latencyMs.toFixed(1)}ms`;
}
