/**
 * `GET /volumes` (moby volume/service List, filtersToBy): every local volume, or
 * those matching `dangling`, `driver`, `label`/`label!` and `name`.
 */
import type { FilterArgs } from '../../api/filters.ts';
import type { VolumeListResponse } from '../../api/types/volume.ts';
import { invalidParameter } from '../../errdefs.ts';
import type { Daemon } from '../daemon.ts';
import { volumeRefs } from './refs.ts';
import type { VolumeRecord } from './store.ts';
import { volumeView } from './view.ts';

export const VOLUME_LIST_FILTERS = ['dangling', 'name', 'driver', 'label'];

export function volumeList(d: Daemon, filters: FilterArgs): VolumeListResponse {
  const keep = volumeFilter(d, filters, VOLUME_LIST_FILTERS);
  return { Volumes: d.volumes.all().filter(keep).map(volumeView), Warnings: null };
}

/** filtersToBy: the accepted filters, combined with AND. */
export function volumeFilter(
  d: Daemon,
  filters: FilterArgs,
  accepted: readonly string[],
): (v: VolumeRecord) => boolean {
  filters.validate(accepted);
  const dangling = filters.contains('dangling') ? getBoolOrDefault(filters, 'dangling', false) : undefined;
  return (v) => {
    if (filters.contains('driver') && !filters.get('driver').includes(v.driver)) return false;
    if (filters.contains('name') && !filters.match('name', v.name)) return false;
    if (!filters.matchKVList('label', v.labels ?? {})) return false;
    if (filters.contains('label!') && filters.matchKVList('label!', v.labels ?? {})) return false;
    if (dangling !== undefined && volumeRefs(d, v.name).length > 0 === dangling) return false;
    return true;
  };
}

/** filters.Args.GetBoolOrDefault, with its invalidFilter text (`invalid filter 'dangling=[yes]'`). */
export function getBoolOrDefault(filters: FilterArgs, key: string, fallback: boolean): boolean {
  const values = filters.get(key);
  if (values.length === 0) {
    if (filters.contains(key)) throw invalidParameter(`invalid filter '${key}'`);
    return fallback;
  }
  const isFalse = values.includes('0') || values.includes('false');
  const isTrue = values.includes('1') || values.includes('true');
  if (isFalse === isTrue) throw invalidParameter(`invalid filter '${key}=[${values.join(' ')}]'`);
  return isTrue;
}
