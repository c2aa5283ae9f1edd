/**
 * A container's mounts, from `-v`/`--volume` (HostConfig.Binds), `--mount`
 * (HostConfig.Mounts) and anonymous volumes (Config.Volumes, the image's VOLUME), as
 * moby's volume/mounts linux parser and daemon/volumes.go resolve them: which volume
 * or host directory each destination sees, and the MountPoint that inspect shows.
 */
import type { ContainerConfig, HostConfig, Mount, MountPoint } from '../api/types/container.ts';
import { invalidParameter } from '../errdefs.ts';
import { normalize } from '../fs/path.ts';
import type { FileSystem } from '../fs/types.ts';

/** What the daemon mounts: a MountPoint plus where its files come from. */
/** A secret's or config's file in a task container (container.SecretMounts, ConfigMounts) */
export interface DependencyFile {
  /** the absolute path in the container */
  target: string;
  data: string;
  uid: number;
  gid: number;
  mode: number;
}

export interface MountPlan {
  point: MountPoint;
  /** a named or anonymous volume (created if missing), or a host path */
  source:
    | { kind: 'volume'; name: string; anonymous: boolean; copyData: boolean }
    | { kind: 'bind'; path: string; createHostPath: boolean }
    | { kind: 'tmpfs' };
  readOnly: boolean;
}

const VALID_VOLUME_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;
const MODES = new Set([
  'rw',
  'ro',
  'z',
  'Z',
  'nocopy',
  'copy',
  'private',
  'rprivate',
  'shared',
  'rshared',
  'slave',
  'rslave',
]);

function validMode(mode: string): boolean {
  if (mode === '') return true;
  const parts = mode.split(',');
  let rwCount = 0;
  let propCount = 0;
  let copyCount = 0;
  for (const p of parts) {
    if (!MODES.has(p)) return false;
    if (p === 'rw' || p === 'ro') rwCount++;
    if (/private|shared|slave/.test(p)) propCount++;
    if (p === 'nocopy' || p === 'copy') copyCount++;
  }
  return rwCount <= 1 && propCount <= 1 && copyCount <= 1;
}

const invalidSpec = (raw: string) => `invalid volume specification: '${raw}'`;

/** One `-v` string (ParseMountRaw). `hostFs` answers whether a bind source exists. */
export function parseBind(raw: string): MountPlan {
  const arr = raw.split(':');
  if (arr[0] === '' || arr.length > 3) throw invalidParameter(invalidSpec(raw));
  let source = '';
  let target: string;
  let mode = '';
  if (arr.length === 1) {
    target = arr[0]!;
  } else if (arr.length === 2) {
    if (validMode(arr[1]!)) throw invalidParameter(invalidSpec(raw));
    source = arr[0]!;
    target = arr[1]!;
  } else {
    source = arr[0]!;
    target = arr[1]!;
    mode = arr[2]!;
  }
  if (!validMode(mode)) throw invalidParameter(`invalid mode: ${mode}`);
  const readOnly = mode.split(',').includes('ro');
  const isBind = source.startsWith('/');
  const type = isBind ? 'bind' : 'volume';
  const fail = (why: string) =>
    invalidParameter(`${invalidSpec(raw)}: invalid mount config for type "${type}": ${why}`);
  if (!target.startsWith('/')) throw fail(`invalid mount path: '${target}' mount path must be absolute`);
  if (normalize(target) === '/') throw fail("invalid specification: destination can't be '/'");
  if (!isBind && source !== '' && !VALID_VOLUME_NAME.test(source)) {
    throw invalidParameter(
      `create ${source}: "${source}" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path`,
    );
  }
  const destination = normalize(target);
  if (isBind) {
    return {
      point: {
        Type: 'bind',
        Source: normalize(source),
        Destination: destination,
        Mode: mode,
        RW: !readOnly,
        Propagation: 'rprivate',
      },
      source: { kind: 'bind', path: normalize(source), createHostPath: true },
      readOnly,
    };
  }
  return {
    point: {
      Type: 'volume',
      Name: source,
      Source: '',
      Destination: destination,
      Driver: 'local',
      Mode: mode === '' ? 'z' : mode,
      RW: !readOnly,
      Propagation: '',
    },
    source: {
      kind: 'volume',
      name: source,
      anonymous: source === '',
      copyData: !mode.split(',').includes('nocopy'),
    },
    readOnly,
  };
}

/** One `--mount` (ParseMountSpec with the bind source checked). */
export function parseMount(m: Mount, hostFs: FileSystem): MountPlan {
  const fail = (why: string) => invalidParameter(`invalid mount config for type "${m.Type}": ${why}`);
  if (!m.Target) throw fail('field Target must not be empty');
  if (!m.Target.startsWith('/')) throw fail(`invalid mount path: '${m.Target}' mount path must be absolute`);
  const destination = normalize(m.Target);
  const readOnly = m.ReadOnly ?? false;
  switch (m.Type) {
    case 'bind': {
      if (!m.Source) throw fail('field Source must not be empty');
      if (!m.Source.startsWith('/'))
        throw fail(`invalid mount path: '${m.Source}' mount path must be absolute`);
      if (!hostFs.stat(normalize(m.Source)) && !m.BindOptions?.CreateMountpoint) {
        throw fail(`bind source path does not exist: ${m.Source}`);
      }
      return {
        point: {
          Type: 'bind',
          Source: normalize(m.Source),
          Destination: destination,
          Mode: '',
          RW: !readOnly,
          Propagation: m.BindOptions?.Propagation || 'rprivate',
        },
        source: {
          kind: 'bind',
          path: normalize(m.Source),
          createHostPath: !!m.BindOptions?.CreateMountpoint,
        },
        readOnly,
      };
    }
    case 'volume': {
      if (m.BindOptions) throw fail('field BindOptions must not be specified');
      if (!m.Source && readOnly) throw fail('must not set ReadOnly mode when using anonymous volumes');
      if (m.Source && !VALID_VOLUME_NAME.test(m.Source)) {
        throw invalidParameter(
          `create ${m.Source}: "${m.Source}" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path`,
        );
      }
      return {
        point: {
          Type: 'volume',
          Name: m.Source ?? '',
          Source: '',
          Destination: destination,
          Driver: 'local',
          Mode: 'z',
          RW: !readOnly,
          Propagation: '',
        },
        source: {
          kind: 'volume',
          name: m.Source ?? '',
          anonymous: !m.Source,
          copyData: !m.VolumeOptions?.NoCopy,
        },
        readOnly,
      };
    }
    case 'tmpfs':
      if (m.Source) throw fail('field Source must not be specified');
      return {
        point: {
          Type: 'tmpfs',
          Source: '',
          Destination: destination,
          Mode: '',
          RW: !readOnly,
          Propagation: '',
        },
        source: { kind: 'tmpfs' },
        readOnly,
      };
    default:
      throw fail('mount type unknown');
  }
}

/**
 * Every mount of a new container, in the order moby registers them: binds, then
 * --mount specs, then anonymous volumes for Config.Volumes not already covered.
 * A destination given twice is an error, as in Docker.
 */
export function planMounts(config: ContainerConfig, host: HostConfig, hostFs: FileSystem): MountPlan[] {
  const plans: MountPlan[] = [];
  const seen = new Set<string>();
  const add = (plan: MountPlan) => {
    if (seen.has(plan.point.Destination))
      throw invalidParameter(`Duplicate mount point: ${plan.point.Destination}`);
    seen.add(plan.point.Destination);
    plans.push(plan);
  };
  for (const raw of host.Binds ?? []) add(parseBind(raw));
  for (const m of host.Mounts ?? []) add(parseMount(m, hostFs));
  for (const dest of Object.keys(config.Volumes ?? {})) {
    const destination = normalize(dest);
    if (seen.has(destination)) continue;
    seen.add(destination);
    plans.push({
      point: {
        Type: 'volume',
        Name: '',
        Source: '',
        Destination: destination,
        Driver: 'local',
        Mode: '',
        RW: true,
        Propagation: '',
      },
      source: { kind: 'volume', name: '', anonymous: true, copyData: true },
      readOnly: false,
    });
  }
  return plans;
}
