/**
 * The top-level networks, volumes, secrets and configs of a compose file — docker/cli
 * loader.LoadNetworks, LoadVolumes, LoadSecrets, LoadConfigObjs: `external: true`
 * resources take their own name (or the deprecated `external.name`, with a warning from
 * file version 3.5 on), a volume that is external may not also set a driver or labels,
 * and a secret or config read from `file:` gets an absolute path.
 */
import { quote } from '../../golang/index.ts';
import type { External, FileObjectConfig, NetworkConfig, VolumeConfig } from '../types.ts';
import type { YamlValue } from '../yaml/index.ts';
import { isDict, Struct, type Dict } from './decoder.ts';
import { absPath, type LoadHost } from './host.ts';
import { extras } from './service.ts';

/** versions.GreaterThanOrEqualTo for `3.x` */
export function versionAtLeast(version: string, min: string): boolean {
  const a = version.split('.').map(Number);
  const b = min.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

/** transformExternal: `true`, or `{name: x}` (external with a name) */
function external(v: YamlValue | undefined): External {
  if (typeof v === 'boolean') return { external: v };
  if (isDict(v)) return { external: true, name: typeof v['name'] === 'string' ? v['name'] : undefined };
  return {};
}

function entries(source: Dict): [string, Struct, Dict][] {
  return Object.entries(source).map(([name, v]) => {
    const d = isDict(v) ? v : (Object.create(null) as Dict);
    return [name, new Struct(d, `[${name}]`, []), d];
  });
}

export function loadNetworks(source: Dict, version: string, host: LoadHost): Record<string, NetworkConfig> {
  const out: Record<string, NetworkConfig> = {};
  for (const [name, n, dict] of entries(source)) {
    const ipam = n.struct('Ipam', 'ipam');
    const config = ipam?.raw('config');
    const network: NetworkConfig = {
      name: n.string('name'),
      driver: n.string('driver'),
      driverOpts: n.mapStringString('driver_opts'),
      ipam: {
        driver: ipam?.string('driver'),
        config: Array.isArray(config)
          ? config.map((c) => ({ subnet: new Struct(isDict(c) ? c : null, '', []).string('subnet') }))
          : undefined,
      },
      external: external(n.raw('external')),
      internal: n.bool('internal'),
      attachable: n.bool('attachable'),
      labels: n.mapping('labels'),
    };
    if (network.external.external) {
      if (network.external.name) {
        if (network.name)
          throw new Error(
            `network ${name}: network.external.name and network.name conflict; only use network.name`,
          );
        if (versionAtLeast(version, '3.5'))
          host.warn(`network ${name}: network.external.name is deprecated in favor of network.name`);
        network.name = network.external.name;
        network.external.name = undefined;
      } else if (!network.name) network.name = name;
      network.extras = extras(dict);
    }
    out[name] = network;
  }
  return out;
}

export function loadVolumes(source: Dict, version: string, host: LoadHost): Record<string, VolumeConfig> {
  const out: Record<string, VolumeConfig> = {};
  for (const [name, v, dict] of entries(source)) {
    const volume: VolumeConfig = {
      name: v.string('name'),
      driver: v.string('driver'),
      driverOpts: v.mapStringString('driver_opts'),
      external: external(v.raw('external')),
      labels: v.mapping('labels'),
    };
    if (volume.external.external) {
      const conflict = (key: string) =>
        new Error(`conflicting parameters "external" and ${quote(key)} specified for volume ${quote(name)}`);
      if (volume.driver) throw conflict('driver');
      if (volume.driverOpts && Object.keys(volume.driverOpts).length) throw conflict('driver_opts');
      if (volume.labels && Object.keys(volume.labels).length) throw conflict('labels');
      if (volume.external.name) {
        if (volume.name)
          throw new Error(
            `volume ${name}: volume.external.name and volume.name conflict; only use volume.name`,
          );
        if (versionAtLeast(version, '3.4'))
          host.warn(`volume ${name}: volume.external.name is deprecated in favor of volume.name`);
        volume.name = volume.external.name;
        volume.external.name = undefined;
      } else if (!volume.name) volume.name = name;
      volume.extras = extras(dict);
    }
    out[name] = volume;
  }
  return out;
}

/** LoadSecrets (`secret`) and LoadConfigObjs (`config`) through loadFileObjectConfig */
export function loadFileObjects(
  source: Dict,
  kind: 'secret' | 'config',
  version: string,
  host: LoadHost,
): Record<string, FileObjectConfig> {
  const out: Record<string, FileObjectConfig> = {};
  for (const [name, f, dict] of entries(source)) {
    const obj: FileObjectConfig = {
      name: f.string('name'),
      file: f.string('file'),
      external: external(f.raw('external')),
      labels: f.mapping('labels'),
      driver: f.string('driver'),
      driverOpts: f.mapStringString('driver_opts'),
      templateDriver: f.string('template_driver'),
    };
    if (obj.external.external) {
      if (obj.external.name) {
        if (obj.name)
          throw new Error(
            `${kind} ${name}: ${kind}.external.name and ${kind}.name conflict; only use ${kind}.name`,
          );
        if (versionAtLeast(version, '3.5'))
          host.warn(`${kind} ${name}: ${kind}.external.name is deprecated in favor of ${kind}.name`);
        obj.name = obj.external.name;
        obj.external.name = undefined;
      } else if (!obj.name) obj.name = name;
    } else if (obj.driver) {
      if (obj.file)
        throw new Error(`${kind} ${name}: ${kind}.driver and ${kind}.file conflict; only use ${kind}.driver`);
    } else {
      obj.file = absPath(host.workingDir, obj.file ?? '');
    }
    obj.extras = extras(dict);
    out[name] = obj;
  }
  return out;
}
