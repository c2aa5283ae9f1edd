/** `--filter` flags as the `filters` query parameter (filters.ToJSON). */
import { encodeFilters } from '../../api/client.ts';
import type { FlagValues } from '../flags.ts';
import type { FilterArg } from './opts/opts.ts';

export function filtersQuery(flags: FlagValues, name = 'filter'): string | undefined {
  const args = flags.get<(FilterArg | undefined)[]>(name).filter((f): f is FilterArg => f !== undefined);
  return encodeFilters(args.map((f) => [f.name, f.value]));
}
