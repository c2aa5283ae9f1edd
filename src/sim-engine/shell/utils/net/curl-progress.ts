/**
 * curl's progress meter, as it is written to stderr when the body does not go to a
 * terminal: two header lines, a line of zeros, and a final line, each starting with
 * a carriage return (progress.c).
 */
const KB = 1024;
const MB = 1024 * 1024;

/** curl's max5data: a number in at most five characters. */
export function max5(n: number): string {
  if (n < 100000) return String(Math.floor(n)).padStart(5);
  if (n < 10000 * KB) return `${String(Math.floor(n / KB)).padStart(4)}k`;
  if (n < 100 * MB) return `${String(Math.floor(n / MB)).padStart(2)}.${Math.floor((n % MB) / (MB / 10))}M`;
  if (n < 10000 * MB) return `${String(Math.floor(n / MB)).padStart(4)}M`;
  return `${String(Math.floor(n / (1024 * MB))).padStart(4)}G`;
}

export const PROGRESS_HEADER =
  '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
  '                                 Dload  Upload   Total   Spent    Left  Speed\n';

export function progressLine(total: number, received: number, uploaded: number, ms: number): string {
  const pct = (part: number) => String(total > 0 ? Math.floor((part * 100) / total) : 0).padStart(3);
  const speed = ms > 0 ? (received * 1000) / ms : 0;
  const up = ms > 0 ? (uploaded * 1000) / ms : 0;
  const t = '--:--:--';
  return `\r${pct(received)} ${max5(total)}  ${pct(received)} ${max5(received)}  ${String(uploaded > 0 ? 100 : 0).padStart(3)} ${max5(uploaded)}  ${max5(speed)}  ${max5(up)} ${t} ${t} ${t} ${max5(speed)}`;
}
