/** Edit distance between two words: insertions, deletions and substitutions each cost one. */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitute = (row[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      next.push(Math.min((row[j] ?? 0) + 1, (next[j - 1] ?? 0) + 1, substitute));
    }
    row = next;
  }
  return row[b.length] ?? Number.POSITIVE_INFINITY;
}

/** The candidate closest to a mistyped word, when it is at most `maxDistance` edits away; ties go to the first. */
export function closest(word: string, candidates: readonly string[], maxDistance = 2): string | undefined {
  let best: { candidate: string; d: number } | undefined;
  for (const candidate of candidates) {
    const d = distance(word.toLowerCase(), candidate.toLowerCase());
    if (d <= maxDistance && (best === undefined || d < best.d)) best = { candidate, d };
  }
  return best?.candidate;
}
