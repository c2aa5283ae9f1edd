/** "did you mean …?" for a mistyped key: the closest known key within two edits. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

export function didYouMean(key: string, known: readonly string[]): string {
  if (key.length > 40) return '';
  const best = known
    .map((k) => [k, distance(key.toLowerCase(), k)] as const)
    .filter(([, d]) => d <= 2)
    .sort((a, b) => a[1] - b[1])[0];
  return best ? ` (did you mean "${best[0]}"?)` : '';
}
