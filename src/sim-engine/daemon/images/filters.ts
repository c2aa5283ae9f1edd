/**
 * The filter rules the image endpoints share: moby v28's Args.GetBoolOrDefault
 * (`dangling`), reference.FamiliarMatch (`reference`, with path.Match globbing), and
 * the `label`/`label!` pair of image prune.
 */
import type { FilterArgs } from '../../api/filters.ts';
import { invalidParameter, systemError } from '../../errdefs.ts';
import { BadPatternError, pathMatch } from './path-match.ts';
import type { ImageRef } from './store.ts';

/**
 * Args.GetBoolOrDefault: `true`/`1` or `false`/`0` (case matters), several values
 * allowed when they agree; otherwise `invalid filter 'dangling=[maybe]'`.
 */
export function boolOrDefault(filters: FilterArgs, key: string, d: boolean): boolean {
  if (!filters.contains(key)) return d;
  const values = filters.get(key);
  if (values.length === 0) throw invalidParameter(`invalid filter '${key}'`);
  const isFalse = values.includes('0') || values.includes('false');
  const isTrue = values.includes('1') || values.includes('true');
  // Differs from Docker: Go prints the values in map order; here in the order given.
  if (isFalse === isTrue) throw invalidParameter(`invalid filter '${key}=[${values.join(' ')}]'`);
  return isTrue;
}

/**
 * reference.FamiliarMatch: the pattern against `nginx:1.25` (the familiar string),
 * then against `nginx` (the familiar name). A malformed pattern is an error, which
 * the daemon answers with a 500, as moby does.
 */
export function familiarMatch(pattern: string, ref: ImageRef): boolean {
  try {
    return pathMatch(pattern, ref.familiar) || pathMatch(pattern, ref.name);
  } catch (err) {
    if (err instanceof BadPatternError) throw systemError(err.message);
    throw err;
  }
}

/** image_prune.go matchLabels: every `label` holds, and not every `label!` does. */
export function matchLabels(filters: FilterArgs, labels: Record<string, string> | null | undefined): boolean {
  if (!filters.matchKVList('label', labels)) return false;
  // MatchKVList passes when the field is absent, hence the Contains check (as moby does)
  return !(filters.contains('label!') && filters.matchKVList('label!', labels));
}
