/**
 * `POST /volumes/prune` (moby volume/service Prune): local volumes no container
 * references and that have no driver options — since API 1.42 only anonymous ones,
 * unless the `all` filter says otherwise. Answers with their names and the space
 * their files took.
 */
import type { FilterArgs } from '../../api/filters.ts';
import type { VolumePruneReport } from '../../api/types/volume.ts';
import { invalidParameter } from '../../errdefs.ts';
import type { FileSystem } from '../../fs/types.ts';
import type { Daemon } from '../daemon.ts';
import { logVolumeEvent } from './events.ts';
import { volumeFilter } from './list.ts';
import { volumeRefs } from './refs.ts';
import { ANONYMOUS_LABEL } from './store.ts';

export function volumesPrune(d: Daemon, filters: FilterArgs): VolumePruneReport {
  const all = filters.get('all');
  let everything = false;
  if (all.length > 1)
    throw invalidParameter(`invalid filter 'all=[${all.join(' ')}]': only one value is expected`);
  if (all.length === 1) {
    const v = parseGoBool(all[0]!);
    if (v === undefined)
      throw invalidParameter(
        `invalid filter 'all': strconv.ParseBool: parsing ${JSON.stringify(all[0])}: invalid syntax`,
      );
    everything = v;
  }
  if (!everything)
    (filters.fields.get('label') ?? filters.fields.set('label', new Set()).get('label')!).add(
      ANONYMOUS_LABEL,
    );
  const keep = volumeFilter(d, filters, ['label', 'label!', 'all']);
  const deleted: string[] = [];
  let reclaimed = 0;
  for (const v of d.volumes.all()) {
    if (v.driver !== 'local' || volumeRefs(d, v.name).length > 0) continue;
    if (v.options && Object.keys(v.options).length > 0) continue;
    if (!keep(v)) continue;
    const size = treeSize(v.fs, '/');
    d.volumes.remove(v.name, []);
    logVolumeEvent(d, v.name, 'destroy', { driver: v.driver });
    reclaimed += size;
    deleted.push(v.name);
  }
  d.events.log(d.instant(), 'volume', 'prune', '', { reclaimed: String(reclaimed) });
  return { VolumesDeleted: deleted, SpaceReclaimed: reclaimed };
}

function parseGoBool(s: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  return undefined;
}

/** directory.Size: the bytes of the regular files under `path`. */
function treeSize(fs: FileSystem, path: string): number {
  const st = fs.lstat(path);
  if (!st) return 0;
  if (st.kind !== 'dir') return st.kind === 'file' ? st.size : 0;
  let total = 0;
  for (const name of fs.readdir(path)) total += treeSize(fs, `${path === '/' ? '' : path}/${name}`);
  return total;
}
