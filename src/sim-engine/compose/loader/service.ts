/**
 * One service of a compose file — docker/cli loader.LoadService: the dict decoded into a
 * ServiceConfig (decoder.ts), then its environment resolved (env_file lines, then
 * `environment`, a bare or empty variable taken from the docker process's environment)
 * and its bind-mount sources made absolute against the folder of the first file.
 */
import type {
  FileReferenceConfig,
  HealthCheckConfig,
  ServiceConfig,
  ServiceVolumeConfig,
  UlimitsConfig,
} from '../types.ts';
import type { YamlValue } from '../yaml/index.ts';
import { DecodeError, goString, goTypeName, isDict, Struct, type Dict } from './decoder.ts';
import { deployConfig } from './deploy.ts';
import { parseEnvFile } from './envfile.ts';
import type { LoadHost } from './host.ts';
import { servicePorts } from './ports.ts';
import { parseVolumeSpec } from './volumespec.ts';

export function loadService(name: string, dict: Dict, host: LoadHost): ServiceConfig {
  const errors: string[] = [];
  const s = new Struct(dict, '', errors);
  const service: ServiceConfig = {
    name,
    build: s.hook('Build', 'build', (v) => (typeof v === 'string' ? { context: v } : buildConfig(v))),
    capAdd: s.strings('cap_add'),
    capDrop: s.strings('cap_drop'),
    cgroupNSMode: s.string('cgroupns_mode'),
    cgroupParent: s.string('cgroup_parent'),
    command: s.shellCommand('Command', 'command'),
    configs: s.hook('Configs', 'configs', fileReferences),
    containerName: s.string('container_name'),
    credentialSpec: credentialSpec(s.struct('credential_spec')),
    dependsOn: s.strings('depends_on'),
    deploy: deployConfig(s.struct('Deploy', 'deploy')),
    devices: s.strings('devices'),
    dns: s.stringList('dns'),
    dnsSearch: s.stringList('dns_search'),
    domainName: s.string('domainname'),
    entrypoint: s.shellCommand('Entrypoint', 'entrypoint'),
    environment: mappingWithEquals(s.raw('environment')),
    envFile: s.stringList('env_file'),
    expose: s.strings('expose'),
    externalLinks: s.strings('external_links'),
    extraHosts: hostsList(s.raw('extra_hosts')),
    hostname: s.string('hostname'),
    healthCheck: healthCheck(s.struct('HealthCheck', 'healthcheck')),
    image: s.string('image'),
    init: s.bool('init'),
    ipc: s.string('ipc'),
    isolation: s.string('isolation'),
    labels: s.mapping('labels'),
    links: s.strings('links'),
    logging: logging(s.struct('Logging', 'logging')),
    macAddress: s.string('mac_address'),
    networkMode: s.string('network_mode'),
    networks: serviceNetworks(s.raw('networks')),
    pid: s.string('pid'),
    ports: s.hook('Ports', 'ports', (v) => servicePorts(v, s, host)),
    privileged: s.bool('privileged'),
    readOnly: s.bool('read_only'),
    restart: s.string('restart'),
    secrets: s.hook('Secrets', 'secrets', fileReferences),
    securityOpt: s.strings('security_opt'),
    shmSize: s.string('shm_size'),
    stdinOpen: s.bool('stdin_open'),
    stopGracePeriod: s.duration('stop_grace_period'),
    stopSignal: s.string('stop_signal'),
    sysctls: s.mapping('sysctls'),
    tmpfs: s.stringList('tmpfs'),
    tty: s.bool('tty'),
    ulimits: ulimits(s.raw('ulimits')),
    user: s.string('user'),
    oomScoreAdj: s.int('oom_score_adj'),
    userNSMode: s.string('userns_mode'),
    volumes: serviceVolumes(s),
    workingDir: s.string('working_dir'),
    extras: extras(dict),
  };
  if (errors.length) throw new DecodeError(errors);
  resolveEnvironment(service, host);
  resolveVolumePaths(service.volumes ?? [], host);
  return service;
}

/** getExtras: the `x-` keys of a mapping, or undefined */
export function extras(dict: Dict): Dict | undefined {
  const out = Object.create(null) as Dict;
  let any = false;
  for (const [k, v] of Object.entries(dict))
    if (k.startsWith('x-')) {
      out[k] = v;
      any = true;
    }
  return any ? out : undefined;
}

function buildConfig(v: YamlValue): ServiceConfig['build'] {
  const b = new Struct(isDict(v) ? v : null, 'Build', []);
  return { context: b.string('context'), dockerfile: b.string('dockerfile') };
}

function credentialSpec(c: Struct | undefined): ServiceConfig['credentialSpec'] {
  if (!c) return {};
  return { config: c.string('config'), file: c.string('file'), registry: c.string('registry') };
}

/** transformStringSourceMap: `- name` is `{source: name}` */
function fileReferences(v: YamlValue): FileReferenceConfig[] {
  if (!Array.isArray(v)) throw new Error(`invalid type ${goTypeName(v)} for secret`);
  return v.map((item) => {
    if (typeof item === 'string') return { source: item };
    const f = new Struct(isDict(item) ? item : null, '', []);
    return {
      source: f.string('source'),
      target: f.string('target'),
      uid: f.string('uid'),
      gid: f.string('gid'),
      mode: f.number('mode'),
    };
  });
}

function healthCheck(h: Struct | undefined): HealthCheckConfig | undefined {
  if (!h) return undefined;
  return {
    test: h.hook('Test', 'test', (v) =>
      typeof v === 'string' ? ['CMD-SHELL', v] : (v as YamlValue[]).map(goString),
    ),
    timeout: h.duration('Timeout', 'timeout'),
    interval: h.duration('Interval', 'interval'),
    retries: h.uint('Retries', 'retries'),
    startPeriod: h.duration('start_period'),
    startInterval: h.duration('start_interval'),
    disable: h.bool('disable'),
  };
}

function logging(l: Struct | undefined): ServiceConfig['logging'] {
  if (!l) return undefined;
  return { driver: l.string('driver'), options: l.mapStringString('options') };
}

/** types.MappingWithEquals: `KEY=value`, `KEY=` (empty) and `KEY` (nil) */
function mappingWithEquals(v: YamlValue | undefined): Map<string, string | null> {
  const out = new Map<string, string | null>();
  if (isDict(v)) for (const [k, x] of Object.entries(v)) out.set(k, x === null ? null : goString(x));
  else if (Array.isArray(v))
    for (const item of v) {
      const s = String(item);
      const eq = s.indexOf('=');
      if (eq < 0) out.set(s, null);
      else out.set(s.slice(0, eq), s.slice(eq + 1));
    }
  return out;
}

/** transformHostsList: `host:ip` or `host=ip` entries, or a mapping; brackets dropped from an IPv6 address */
function hostsList(v: YamlValue | undefined): string[] | undefined {
  if (v === undefined || v === null) return undefined;
  let list: string[];
  if (isDict(v))
    list = Object.entries(v)
      .filter(([, x]) => x !== null)
      .map(([k, x]) => `${k}:${goString(x)}`)
      .sort();
  else
    list = (Array.isArray(v) ? v : []).flatMap((entry) => {
      const s = goString(entry);
      for (const sep of ['=', ':']) {
        const i = s.indexOf(sep);
        if (i >= 0) return [`${s.slice(0, i)}:${s.slice(i + 1)}`];
      }
      return [];
    });
  return list.map((hip) => {
    const i = hip.indexOf(':');
    const host = i < 0 ? hip : hip.slice(0, i);
    let ip = i < 0 ? '' : hip.slice(i + 1);
    if (ip.length > 2 && ip.startsWith('[') && ip.endsWith(']')) ip = ip.slice(1, -1);
    return `${host}:${ip}`;
  });
}

/** transformServiceNetworkMap: a list of names, or names with their options */
function serviceNetworks(v: YamlValue | undefined): ServiceConfig['networks'] {
  if (v === undefined || v === null) return undefined;
  const out = new Map<string, ReturnType<typeof networkOptions>>();
  if (Array.isArray(v)) for (const name of v) out.set(goString(name), null);
  else if (isDict(v)) for (const [name, opts] of Object.entries(v)) out.set(name, networkOptions(opts));
  return out;
}

function networkOptions(v: YamlValue) {
  if (!isDict(v)) return null;
  const n = new Struct(v, '', []);
  return {
    aliases: n.strings('aliases'),
    driverOpts: n.mapStringString('driver_opts'),
    ipv4Address: n.string('ipv4_address'),
    ipv6Address: n.string('ipv6_address'),
  };
}

function ulimits(v: YamlValue | undefined): Record<string, UlimitsConfig> | undefined {
  if (!isDict(v)) return undefined;
  const out: Record<string, UlimitsConfig> = {};
  for (const [name, u] of Object.entries(v)) {
    if (isDict(u)) out[name] = { soft: Number(u['soft'] ?? 0), hard: Number(u['hard'] ?? 0) };
    else out[name] = { single: Number(u) };
  }
  return out;
}

function serviceVolumes(s: Struct): ServiceVolumeConfig[] | undefined {
  const v = s.raw('volumes');
  if (!Array.isArray(v)) return undefined;
  const out: ServiceVolumeConfig[] = [];
  v.forEach((item, i) => {
    const name = `Volumes[${i}]`;
    if (typeof item === 'string') {
      try {
        out.push(parseVolumeSpec(item));
      } catch (err) {
        s.errors.push(`error decoding '${name}': ${(err as Error).message}`);
      }
      return;
    }
    const m = new Struct(isDict(item) ? item : null, name, s.errors);
    const bind = m.struct('Bind', 'bind');
    const volume = m.struct('Volume', 'volume');
    const tmpfs = m.struct('Tmpfs', 'tmpfs');
    out.push({
      type: m.string('type'),
      source: m.string('source'),
      target: m.string('target'),
      readOnly: m.bool('read_only'),
      consistency: m.string('consistency'),
      bind: bind && { propagation: bind.string('propagation') },
      volume: volume && { noCopy: volume.bool('nocopy'), subpath: volume.string('subpath') },
      tmpfs: tmpfs && { size: tmpfs.int('size') },
    });
  });
  return out;
}

/** resolveEnvironment + updateEnvironment */
function resolveEnvironment(service: ServiceConfig, host: LoadHost): void {
  const environment = new Map<string, string | null>();
  const update = (vars: Map<string, string | null>) => {
    for (const [k, v] of vars) {
      const found = host.lookupEnv(k);
      // the docker process's environment wins over an unset or empty value
      environment.set(k, (v === null || v === '') && found !== undefined ? found : v);
    }
  };
  if (service.envFile?.length) {
    const lines: string[] = [];
    for (const file of service.envFile) lines.push(...parseEnvFile(host.absPath(file), host));
    const vars = new Map<string, string | null>();
    for (const line of lines) {
      const eq = line.indexOf('=');
      vars.set(eq < 0 ? line : line.slice(0, eq), eq < 0 ? null : line.slice(eq + 1));
    }
    update(vars);
  }
  update(service.environment);
  service.environment = environment;
}

/** resolveVolumePaths: `~` is $HOME, a relative bind source is under the working folder */
function resolveVolumePaths(volumes: ServiceVolumeConfig[], host: LoadHost): void {
  for (const volume of volumes) {
    if (volume.type !== 'bind') continue;
    if (!volume.source)
      throw new Error('invalid mount config for type "bind": field Source must not be empty');
    let path = volume.source;
    if (path.startsWith('~')) {
      const home = host.lookupEnv('HOME');
      if (home === undefined) host.warn("cannot expand '~', because the environment lacks HOME");
      else path = home + path.slice(1);
    }
    if (!path.startsWith('/') && !/^[A-Za-z]:[\\/]|^\\\\/.test(path)) path = host.absPath(path);
    volume.source = path;
  }
}
