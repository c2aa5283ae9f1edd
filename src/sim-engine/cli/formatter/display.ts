/** Small display rules shared by formatters (docker/cli formatter/displayutils.go and friends). */
export { ellipsis, truncateID } from '../../golang/display-utils.ts';
export { humanDuration, humanSize, humanSizeWithPrecision } from '../../golang/units.ts';

import { civilDateTime } from '../../golang/time.ts';

/** Go's strconv.Quote for the Command column. */
export { quote } from '../../golang/strconv-quote.ts';

/** time.Unix(s, 0).String() in UTC: `2026-11-28 05:21:18 +0000 UTC`. */
export function goTimeString(seconds: number): string {
  return `${civilDateTime(seconds * 1000, ' ')} +0000 UTC`;
}

/**
 * The Labels column: `k=v` pairs joined by commas. Differs from Docker: sorted, where
 * Go's map order makes Docker's order random.
 */
export function labelsColumn(labels: Record<string, string> | null | undefined): string {
  if (!labels) return '';
  return Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .sort()
    .join(',');
}
