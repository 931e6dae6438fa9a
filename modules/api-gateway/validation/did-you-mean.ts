/** Levenshtein distance, small inputs only (config keys). */
function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** Longer inputs are no typo of a config name; comparing them would cost time quadratic in their length. */
const MAX_TYPO_LENGTH = 100;

/** The candidate closest to `input`, if it is close enough to be a likely typo. */
export function didYouMean(input: string, candidates: readonly string[]): string | undefined {
  if (input.length > MAX_TYPO_LENGTH) return undefined;
  const wanted = input.toLowerCase();
  let best: { name: string; distance: number } | undefined;
  for (const name of candidates) {
    const distance = editDistance(wanted, name.toLowerCase());
    if (!best || distance < best.distance) best = { name, distance };
  }
  if (!best) return undefined;
  const limit = Math.max(2, Math.floor(input.length / 3));
  return best.distance <= limit ? best.name : undefined;
}

/** The fix text for an unknown name: a did-you-mean when one is close, else the list of known names. */
export function suggestion(input: string, candidates: readonly string[], noun = "defined"): string {
  const close = didYouMean(input, candidates);
  if (close) return `did you mean "${close}"?`;
  return `${noun}: ${candidates.length === 0 ? "none" : [...candidates].sort().join(", ")}`;
}
