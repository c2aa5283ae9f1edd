/**
 * `POST /volumes/create` (moby volume/service Create, VolumeStore.create, the local
 * driver's Root.Create): a volume with no name is anonymous and gets a random one;
 * a name already taken by a local volume gives that volume back unchanged; names
 * and driver options are checked as the local driver checks them.
 */
import type { Volume, VolumeCreateRequest } from '../../api/types/volume.ts';
import { conflict, DaemonError, invalidParameter, notFound } from '../../errdefs.ts';
import { MemFs } from '../../fs/mem-fs.ts';
import { quote } from '../../golang/strconv-quote.ts';
import { ramInBytes } from '../../golang/units.ts';
import type { Daemon } from '../daemon.ts';
import { logVolumeEvent } from './events.ts';
import { ANONYMOUS_LABEL, type VolumeRecord } from './store.ts';
import { volumeView } from './view.ts';

/** names.RestrictedNamePattern */
const VOLUME_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

const VALID_OPTS = new Set(['type', 'o', 'device', 'size']);

export function volumeCreate(d: Daemon, req: VolumeCreateRequest): Volume {
  return volumeView(
    createVolume(d, req.Name ?? '', req.Driver ?? '', req.DriverOpts ?? null, req.Labels ?? null),
  );
}

/** VolumesService.Create: the volume, created or found; errors read `create NAME: …`. */
export function createVolume(
  d: Daemon,
  name: string,
  driverName: string,
  opts: Record<string, string> | null,
  labels: Record<string, string> | null,
): VolumeRecord {
  let driver = driverName;
  let volumeLabels = labels;
  let anonymous = false;
  if (name === '') {
    name = d.random.hex(64);
    if (driver === '') driver = 'local';
    volumeLabels = { ...(labels ?? {}), [ANONYMOUS_LABEL]: '' };
    anonymous = true;
  }
  const fail = (err: DaemonError) => new DaemonError(err.kind, `create ${name}: ${err.message}`);
  const existing = d.volumes.find(name);
  if (existing) {
    if (driver !== '' && driver !== existing.driver) {
      if (driver !== 'local')
        throw fail(notFound(`error looking up volume plugin ${driver}: plugin "${driver}" not found`));
      throw fail(
        conflict(`driver '${existing.driver}' already has volume '${name}': volume name must be unique`),
      );
    }
    return existing;
  }
  if (driver === '') driver = 'local';
  if (driver !== 'local')
    throw fail(notFound(`error looking up volume plugin ${driver}: plugin "${driver}" not found`));
  const problem = validateName(name) ?? validateOpts(opts);
  if (problem) throw fail(invalidParameter(problem));
  // Differs from Docker: driver options (type=tmpfs, nfs…) are kept and shown, but the
  // volume is a plain local file system, because the lab has no devices to mount
  const volume: VolumeRecord = {
    name,
    driver,
    createdAt: d.instant(),
    labels: volumeLabels,
    options: opts,
    anonymous,
    fs: new MemFs({ now: () => d.clock.now() }),
  };
  d.volumes.add(volume);
  logVolumeEvent(d, name, 'create', { driver });
  return volume;
}

/** Root.validateName */
function validateName(name: string): string | undefined {
  if (name.length === 1)
    return 'volume name is too short, names should be at least two alphanumeric characters';
  if (!VOLUME_NAME.test(name))
    return `${quote(name)} includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path`;
  return undefined;
}

/** Root.validateOpts (local_unix.go) */
function validateOpts(opts: Record<string, string> | null): string | undefined {
  if (!opts || Object.keys(opts).length === 0) return undefined;
  for (const key of Object.keys(opts)) {
    if (!VALID_OPTS.has(key)) return `invalid option: ${quote(key)}`;
  }
  if (opts['size'] !== undefined) {
    try {
      const size = ramInBytes(opts['size']);
      // like most hosts' /var/lib/docker, the simulated one has no project quotas
      if (size > 0) return 'quota size requested but no quota support';
    } catch (err) {
      return err instanceof Error ? err.message : String(err);
    }
  }
  const mandatory: [string, string[]][] = [
    ['device', ['type']],
    ['type', ['device']],
    ['o', ['device', 'type']],
  ];
  for (const [opt, required] of mandatory) {
    if (opts[opt] === undefined) continue;
    for (const r of required) if (opts[r] === undefined) return `missing required option: ${quote(r)}`;
  }
  return undefined;
}
