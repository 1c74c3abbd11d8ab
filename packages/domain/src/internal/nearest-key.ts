/**
 * The known key closest to a mistyped one, or null when none is close enough to be a
 * plausible typo: at most two edits (insert, delete, substitute, swap two neighbours),
 * and fewer than half the key's length. Ties go to the earlier known key.
 *
 * @example
 * nearestKey("eliminatry", ["kind", "id", "eliminatory"]) // "eliminatory"
 * nearestKey("quota", ["quotas", "tiers"]) // "quotas"
 * nearestKey("colour", ["kind"]) // null
 */
export function nearestKey(key: string, known: readonly string[]): string | null {
  const limit = Math.min(2, Math.ceil(key.length / 2) - 1);
  let best: string | null = null;
  let bestDistance = limit + 1;
  for (const candidate of known) {
    const d = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

// Optimal string alignment distance (Levenshtein plus adjacent transpositions).
function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(
        (d[(i - 1) * cols + j] as number) + 1,
        (d[i * cols + j - 1] as number) + 1,
        (d[(i - 1) * cols + j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, (d[(i - 2) * cols + j - 2] as number) + 1);
      }
      d[i * cols + j] = v;
    }
  }
  return d[rows * cols - 1] as number;
}
