/**
 * A volume as the API shows it (moby volume/service/convert.go volumeToAPIType):
 * CreatedAt in RFC 3339 to the second, the local driver's mountpoint and scope.
 */
import type { Volume } from '../../api/types/volume.ts';
import { isoSeconds } from '../instant.ts';
import { sortedMap } from '../networks/inspect.ts';
import { mountpoint, type VolumeRecord } from './store.ts';

export function volumeView(v: VolumeRecord): Volume {
  return {
    CreatedAt: isoSeconds(v.createdAt.ms) + 'Z',
    Driver: v.driver,
    Labels: v.labels && sortedMap(v.labels),
    Mountpoint: mountpoint(v.name),
    Name: v.name,
    Options: v.options && sortedMap(v.options),
    Scope: 'local',
  };
}
