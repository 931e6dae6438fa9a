// The policy a REST Lambda authorizer returns, evaluated against a method ARN as API Gateway does: an
// explicit Deny wins, else an Allow must match, else the call is denied.

export type PolicyDecision = "allow" | "explicit-deny" | "implicit-deny";

function arnPattern(resource: string): RegExp {
  const escaped = resource.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${escaped}$`);
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

export function evaluatePolicy(policy: unknown, methodArn: string): PolicyDecision {
  const statements = asList((policy as { Statement?: unknown } | undefined)?.Statement);
  let allowed = false;
  for (const statement of statements as Record<string, unknown>[]) {
    const actions = asList(statement.Action).map(String);
    if (!actions.some((action) => action === "*" || action === "execute-api:*" || action === "execute-api:Invoke")) continue;
    const matches = asList(statement.Resource).some((resource) => arnPattern(String(resource)).test(methodArn));
    if (!matches) continue;
    if (statement.Effect === "Deny") return "explicit-deny";
    if (statement.Effect === "Allow") allowed = true;
  }
  return allowed ? "allow" : "implicit-deny";
}
