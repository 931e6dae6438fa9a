// Matching request paths against API Gateway path templates (`/orders/{orderId}`, `/files/{proxy+}`) and
// ranking matches as API Gateway does: a literal segment beats a `{param}`, which beats a greedy `{proxy+}`.

export interface TemplateMatch {
  readonly params: Record<string, string>;
  /** Per segment: 0 literal, 1 parameter, 2 greedy. Lower sorts first (more specific). */
  readonly rank: readonly number[];
}

export function requestSegments(path: string): string[] {
  const trimmed = path.startsWith("/") ? path.slice(1) : path;
  return trimmed === "" ? [] : trimmed.split("/");
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function matchTemplate(template: string, segments: readonly string[]): TemplateMatch | undefined {
  const parts = requestSegments(template);
  const params: Record<string, string> = {};
  const rank: number[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const greedy = /^\{([^}]+)\+\}$/.exec(part);
    if (greedy) {
      if (i !== parts.length - 1 || segments.length <= i) return undefined;
      params[greedy[1]!] = segments.slice(i).map(decode).join("/");
      rank.push(2);
      return { params, rank };
    }
    const segment = segments[i];
    if (segment === undefined) return undefined;
    const param = /^\{([^}]+)\}$/.exec(part);
    if (param) {
      if (segment === "") return undefined;
      params[param[1]!] = decode(segment);
      rank.push(1);
    } else if (part === segment) {
      rank.push(0);
    } else {
      return undefined;
    }
  }
  return segments.length === parts.length ? { params, rank } : undefined;
}

/** Negative when `a` is more specific than `b`. */
export function compareRanks(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return a[i]! - b[i]!;
  }
  // Same prefix: the longer template has more literal context.
  return b.length - a.length;
}
