/**
 * docker/cli opts/mount.go: `--mount type=bind,src=…,dst=…` read as a CSV record
 * into an Engine API Mount, with docker's checks and messages.
 */
import { parseGoBool } from '../../flag-values.ts';
import { readCsvRecord } from './csv.ts';
import { parseUint } from './strconv.ts';
import { ramInBytes } from '../../../golang/units.ts';

/** api/types/mount.Mount, as the Engine API takes it. */
export interface Mount {
  Type: string;
  Source?: string;
  Target?: string;
  ReadOnly?: boolean;
  Consistency?: string;
  BindOptions?: {
    Propagation?: string;
    NonRecursive?: boolean;
    ReadOnlyNonRecursive?: boolean;
    ReadOnlyForceRecursive?: boolean;
  };
  VolumeOptions?: {
    NoCopy?: boolean;
    Labels: Record<string, string>;
    Subpath?: string;
    DriverConfig: { Name?: string; Options?: Record<string, string> };
  };
  ImageOptions?: { Subpath?: string };
  TmpfsOptions?: { SizeBytes?: number; Mode?: number };
}

/**
 * opts.MountOpt.Set. Differs from Docker: a relative `src=./dir` is made absolute by
 * docker against its working directory here; the run function does that (it knows cwd).
 * docker's warning for `bind-nonrecursive` is left to the run function too.
 */
export function parseMount(value: string): Mount {
  const fields = readCsvRecord(value);
  const mount: Mount = { Type: 'volume' };
  const volumeOptions = () => (mount.VolumeOptions ??= { Labels: {}, DriverConfig: {} });
  const bindOptions = () => (mount.BindOptions ??= {});
  const tmpfsOptions = () => (mount.TmpfsOptions ??= {});
  const setOnMap = (target: Record<string, string>, v: string) => {
    const eq = v.indexOf('=');
    const k = eq >= 0 ? v.slice(0, eq) : v;
    if (k !== '') target[k] = eq >= 0 ? v.slice(eq + 1) : '';
  };
  const bool = (key: string, val: string, message = `invalid value for ${key}: ${val}`) => {
    try {
      return parseGoBool(val);
    } catch {
      throw new Error(message);
    }
  };
  for (const field of fields) {
    const eq = field.indexOf('=');
    const key = (eq >= 0 ? field.slice(0, eq) : field).toLowerCase();
    const val = eq >= 0 ? field.slice(eq + 1) : '';
    if (eq < 0) {
      if (key === 'readonly' || key === 'ro') mount.ReadOnly = true;
      else if (key === 'volume-nocopy') volumeOptions().NoCopy = true;
      else if (key === 'bind-nonrecursive') bindOptions().NonRecursive = true;
      else throw new Error(`invalid field '${field}' must be a key=value pair`);
      continue;
    }
    switch (key) {
      case 'type':
        mount.Type = val.toLowerCase();
        break;
      case 'source':
      case 'src':
        mount.Source = val;
        break;
      case 'target':
      case 'dst':
      case 'destination':
        mount.Target = val;
        break;
      case 'readonly':
      case 'ro':
        mount.ReadOnly = bool(key, val);
        break;
      case 'consistency':
        mount.Consistency = val.toLowerCase();
        break;
      case 'bind-propagation':
        bindOptions().Propagation = val.toLowerCase();
        break;
      case 'bind-nonrecursive':
        bindOptions().NonRecursive = bool(key, val);
        break;
      case 'bind-recursive':
        switch (val) {
          case 'enabled':
            break;
          case 'disabled':
            bindOptions().NonRecursive = true;
            break;
          case 'writable':
            bindOptions().ReadOnlyNonRecursive = true;
            break;
          case 'readonly':
            bindOptions().ReadOnlyForceRecursive = true;
            break;
          default:
            throw new Error(
              `invalid value for ${key}: ${val} (must be "enabled", "disabled", "writable", or "readonly")`,
            );
        }
        break;
      case 'volume-subpath':
        volumeOptions().Subpath = val;
        break;
      case 'volume-nocopy':
        volumeOptions().NoCopy = bool(key, val, `invalid value for volume-nocopy: ${val}`);
        break;
      case 'volume-label':
        setOnMap(volumeOptions().Labels, val);
        break;
      case 'volume-driver':
        volumeOptions().DriverConfig.Name = val;
        break;
      case 'volume-opt':
        setOnMap((volumeOptions().DriverConfig.Options ??= {}), val);
        break;
      case 'image-subpath':
        (mount.ImageOptions ??= {}).Subpath = val;
        break;
      case 'tmpfs-size':
        try {
          tmpfsOptions().SizeBytes = ramInBytes(val);
        } catch {
          throw new Error(`invalid value for ${key}: ${val}`);
        }
        break;
      case 'tmpfs-mode':
        try {
          tmpfsOptions().Mode = Number(parseUint(val, 8, 32));
        } catch {
          throw new Error(`invalid value for ${key}: ${val}`);
        }
        break;
      default:
        throw new Error(`unexpected key '${key}' in '${field}'`);
    }
  }
  if (mount.Type === '') throw new Error('type is required');
  if (!mount.Target) throw new Error('target is required');
  if (mount.VolumeOptions && mount.Type !== 'volume') {
    throw new Error(`cannot mix 'volume-*' options with mount type '${mount.Type}'`);
  }
  if (mount.ImageOptions && mount.Type !== 'image') {
    throw new Error(`cannot mix 'image-*' options with mount type '${mount.Type}'`);
  }
  if (mount.BindOptions && mount.Type !== 'bind') {
    throw new Error(`cannot mix 'bind-*' options with mount type '${mount.Type}'`);
  }
  if (mount.TmpfsOptions && mount.Type !== 'tmpfs') {
    throw new Error(`cannot mix 'tmpfs-*' options with mount type '${mount.Type}'`);
  }
  const b = mount.BindOptions;
  if (b?.ReadOnlyNonRecursive && !mount.ReadOnly) {
    throw new Error("option 'bind-recursive=writable' requires 'readonly' to be specified in conjunction");
  }
  if (b?.ReadOnlyForceRecursive) {
    if (!mount.ReadOnly) {
      throw new Error("option 'bind-recursive=readonly' requires 'readonly' to be specified in conjunction");
    }
    if (b.Propagation !== 'rprivate') {
      throw new Error(
        "option 'bind-recursive=readonly' requires 'bind-propagation=rprivate' to be specified in conjunction",
      );
    }
  }
  return mount;
}
