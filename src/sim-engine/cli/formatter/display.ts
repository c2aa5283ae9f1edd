/** Small display rules shared by formatters (docker/cli formatter/displayutils.go and friends). */
export { ellipsis, truncateID } from '../../golang/display-utils.ts';
export { humanDuration, humanSize, humanSizeWithPrecision } from '../../golang/units.ts';

/** Go's strconv.Quote for the Command column. */
export { quote } from '../../golang/strconv-quote.ts';

/** time.Unix(s, 0).String() in UTC: `2026-11-28 05:21:18 +0000 UTC`. */
export function goTimeString(seconds: number): string {
  const d = civil(seconds * 1000);
  return `${d} +0000 UTC`;
}

function civil(ms: number): string {
  const secs = Math.floor(ms / 1000);
  const days = Math.floor(secs / 86400);
  const rem = secs - days * 86400;
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const dd = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${y}-${p(m)}-${p(dd)} ${p(Math.floor(rem / 3600))}:${p(Math.floor((rem % 3600) / 60))}:${p(rem % 60)}`;
}
