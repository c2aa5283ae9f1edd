/** docker/cli opts/duration.go: durations in milliseconds, as the flag parser keeps them. */
import { parseGoDuration } from '../../flag-values.ts';

/** opts.DurationOpt.Set (time.ParseDuration) */
export function durationOpt(s: string): number {
  return parseGoDuration(s);
}

/** opts.PositiveDurationOpt.Set */
export function positiveDurationOpt(s: string): number {
  const v = parseGoDuration(s);
  if (v < 0) throw new Error('duration cannot be negative');
  return v;
}
