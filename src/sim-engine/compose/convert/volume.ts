/**
 * A service's volumes as swarm mounts — docker/cli cli/compose/convert/volume.go: a named
 * volume must be declared at the top level and becomes `<stack>_<name>` (or its `name:`)
 * with the stack label and its driver, an external one keeps its name; binds, tmpfs and
 * the rest are checked for options of the wrong kind.
 */
import { quote } from '../../golang/index.ts';
import type { ServiceMount } from '../../api/types/service.ts';
import type { ServiceVolumeConfig, VolumeConfig } from '../types.ts';
import { addStackLabel, type Namespace } from './compose.ts';

function createMount(v: ServiceVolumeConfig): ServiceMount {
  const m: ServiceMount = {};
  if (v.type) m.Type = v.type as ServiceMount['Type'];
  if (v.source) m.Source = v.source;
  if (v.target) m.Target = v.target;
  if (v.readOnly) m.ReadOnly = true;
  if (v.consistency) m.Consistency = v.consistency;
  return m;
}

type OptionKind = 'image' | 'tmpfs' | 'bind' | 'volume' | 'cluster';

/** The options a mount of `kind` may not carry, in the order volume.go checks them. */
const FORBIDDEN: Record<string, OptionKind[]> = {
  volume: ['image', 'tmpfs', 'bind', 'cluster'],
  image: ['volume', 'bind', 'tmpfs', 'cluster'],
  bind: ['volume', 'image', 'tmpfs', 'cluster'],
  tmpfs: ['bind', 'volume', 'image', 'cluster'],
  npipe: ['volume', 'image', 'tmpfs'],
  cluster: ['tmpfs', 'bind', 'volume'],
};

function incompatible(v: ServiceVolumeConfig, kind: string): void {
  for (const option of FORBIDDEN[kind]!) {
    if (v[option] === undefined) continue;
    // volume.go says "images options" for a volume mount only
    const word = option === 'image' && kind === 'volume' ? 'images' : option;
    throw new Error(`${word} options are incompatible with type ${kind}`);
  }
}

function volumeMount(
  v: ServiceVolumeConfig,
  stack: Record<string, VolumeConfig>,
  ns: Namespace,
): ServiceMount {
  const m = createMount(v);
  incompatible(v, 'volume');
  if (!v.source) return m;
  if (!Object.hasOwn(stack, v.source)) throw new Error(`undefined volume ${quote(v.source)}`);
  const sv = stack[v.source]!;
  m.Source = sv.name || ns.scope(v.source);
  const options: NonNullable<ServiceMount['VolumeOptions']> = {};
  if (v.volume?.noCopy) options.NoCopy = true;
  if (v.volume?.subpath) options.Subpath = v.volume.subpath;
  m.VolumeOptions = options;
  if (sv.external.external) return m;
  options.Labels = addStackLabel(ns, sv.labels);
  if (sv.driver || sv.driverOpts)
    options.DriverConfig = {
      ...(sv.driver ? { Name: sv.driver } : {}),
      ...(sv.driverOpts && Object.keys(sv.driverOpts).length ? { Options: sv.driverOpts } : {}),
    };
  return m;
}

function convertVolume(
  v: ServiceVolumeConfig,
  stack: Record<string, VolumeConfig>,
  ns: Namespace,
): ServiceMount {
  switch (v.type) {
    case 'volume':
    case '':
    case undefined:
      return volumeMount(v, stack, ns);
    case 'image': {
      if (!v.source) throw new Error('invalid image source, source cannot be empty');
      incompatible(v, 'image');
      const m = createMount(v);
      return m;
    }
    case 'bind': {
      if (!v.source) throw new Error('invalid bind source, source cannot be empty');
      incompatible(v, 'bind');
      const m = createMount(v);
      if (v.bind) m.BindOptions = v.bind.propagation ? { Propagation: v.bind.propagation } : {};
      return m;
    }
    case 'tmpfs': {
      if (v.source) throw new Error('invalid tmpfs source, source must be empty');
      incompatible(v, 'tmpfs');
      const m = createMount(v);
      if (v.tmpfs) m.TmpfsOptions = v.tmpfs.size ? { SizeBytes: v.tmpfs.size } : {};
      return m;
    }
    case 'npipe': {
      if (!v.source) throw new Error('invalid npipe source, source cannot be empty');
      incompatible(v, 'npipe');
      const m = createMount(v);
      if (v.bind) m.BindOptions = v.bind.propagation ? { Propagation: v.bind.propagation } : {};
      return m;
    }
    case 'cluster': {
      if (!v.source) throw new Error('invalid cluster source, source cannot be empty');
      incompatible(v, 'cluster');
      const m = createMount(v);
      if (!v.source.startsWith('group:')) {
        if (!Object.hasOwn(stack, v.source)) throw new Error(`undefined volume ${quote(v.source)}`);
        m.Source = stack[v.source]!.name || ns.scope(v.source);
      }
      return m;
    }
  }
  throw new Error('volume type must be volume, bind, tmpfs, npipe, or cluster');
}

/** convert.Volumes */
export function convertVolumes(
  volumes: readonly ServiceVolumeConfig[],
  stack: Record<string, VolumeConfig>,
  ns: Namespace,
): ServiceMount[] {
  return volumes.map((v) => convertVolume(v, stack, ns));
}
