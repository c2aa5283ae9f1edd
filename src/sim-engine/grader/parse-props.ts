/**
 * The properties each kind of object can be asked for, one ordered table per kind
 * (key → reader). A key not in the table is a mistake named with the keys there are.
 */
import { parseComparison } from './compare.ts';
import type {
  Comparison,
  ContainerProps,
  EnvSpec,
  ImageProps,
  NetworkProps,
  NodeProps,
  Requirement,
  ServiceProps,
  SpreadSpec,
  UpdatePolicy,
  VolumeProps,
} from './goal.ts';
import { didYouMean } from './suggest.ts';
import { parseDuration, parseMount, parsePort } from './values.ts';
import { fail, shown, type Reader, type YValue } from './yaml-reader.ts';

type PropReader = (r: Reader, v: YValue) => unknown;
export type Table<P> = { [K in keyof P]-?: PropReader };

export function comparison(r: Reader, v: YValue): Comparison {
  const c = parseComparison(r.scalar(v));
  if (!c) fail(v, `must be a number or a comparison like ">= 3" or "< 2", not ${shown(v)}`);
  return c;
}

function oneOf<T extends string>(choices: readonly T[]): (r: Reader, v: YValue) => T {
  return (r, v) => {
    const s = r.text(v, choices.join(', '));
    if (!(choices as readonly string[]).includes(s))
      fail(v, `must be one of ${choices.join(', ')}, not "${s}"`);
    return s as T;
  };
}

function env(r: Reader, v: YValue): EnvSpec {
  const out: EnvSpec = {};
  if (r.isMap(v)) {
    for (const { key, value } of r.entries(v)) out[key] = r.isEmpty(value) ? null : r.text(value);
    return out;
  }
  for (const item of r.items(v)) {
    const line = r.text(item, 'KEY=value');
    const eq = line.indexOf('=');
    if (eq === 0) fail(item, `"${line}" has no variable name before =`);
    if (eq < 0) out[line] = true;
    else out[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return out;
}

function ports(services: boolean) {
  return (r: Reader, v: YValue) =>
    r.items(v).map((item) => {
      const text = r.text(item, 'a port like 8080:80');
      const port = parsePort(text);
      if (!port || (!services && port.mode))
        fail(item, `"${text}" is not a port: write HOST:CONTAINER like 8080:80, with /udp if not tcp`);
      return port;
    });
}

function mounts(r: Reader, v: YValue) {
  return r.items(v).map((item) => {
    const text = r.text(item, 'a mount like /src:/dst');
    const mount = parseMount(text);
    if (!mount)
      fail(item, `"${text}" is not a mount: write SOURCE:TARGET like data:/var/lib/data, or just /target`);
    return mount;
  });
}

function restart(r: Reader, v: YValue): string {
  const s = r.text(v, 'a restart policy');
  if (!/^(no|always|unless-stopped|on-failure(:\d+)?)$/.test(s))
    fail(v, `must be no, always, unless-stopped or on-failure[:N], not "${s}"`);
  return s;
}

function policy(r: Reader, v: YValue): UpdatePolicy {
  const out: UpdatePolicy = { text: {} };
  for (const { key, keyAt, value } of r.entries(v, 'a mapping like { parallelism: 2, delay: 10s }')) {
    const duration = () => {
      const s = r.text(value, 'a duration like 10s');
      const ns = parseDuration(s);
      if (ns === undefined) fail(value, `"${s}" is not a duration: write it like 10s, 1m30s or 500ms`);
      return ns;
    };
    out.text[key] = r.text(value);
    if (key === 'parallelism') out.parallelism = r.int(value);
    else if (key === 'delay') out.delay = duration();
    else if (key === 'monitor') out.monitor = duration();
    else if (key === 'failure_action')
      out.failure_action = oneOf(['pause', 'continue', 'rollback'] as const)(r, value);
    else if (key === 'order') out.order = oneOf(['stop-first', 'start-first'] as const)(r, value);
    else if (key === 'max_failure_ratio') {
      const n = r.scalar(value);
      if (typeof n !== 'number' || n < 0 || n > 1)
        fail(value, `must be a number from 0 to 1, not ${shown(value)}`);
      out.max_failure_ratio = n;
    } else
      fail(
        keyAt,
        `unknown key ${key}: use parallelism, delay, failure_action, monitor, max_failure_ratio or order`,
      );
  }
  return out;
}

function spread(r: Reader, v: YValue): SpreadSpec {
  const out: SpreadSpec = { per_node: {} };
  for (const { key, value } of r.entries(v, 'a mapping like { nodes: 3, max_per_node: 2 }')) {
    if (key === 'nodes') out.nodes = comparison(r, value);
    else if (key === 'max_per_node') out.max_per_node = r.int(value);
    else if (key === 'min_per_node') out.min_per_node = r.int(value);
    else out.per_node[key] = comparison(r, value);
  }
  return out;
}

const texts = (what: string) => (r: Reader, v: YValue) => r.texts(v, what);
const text = (what: string) => (r: Reader, v: YValue) => r.text(v, what);
const bool = (r: Reader, v: YValue) => r.bool(v);
const labels = (r: Reader, v: YValue) => r.textMap(v);
/** Cmd and Entrypoint: a list (exact) or one text (the shell form's command, or the list joined). */
const command = (r: Reader, v: YValue) => (r.isList(v) ? r.texts(v) : r.text(v, 'a command'));

export const CONTAINER_PROPS: Table<ContainerProps> = {
  image: text('an image like nginx:1.25'),
  state: oneOf(['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead'] as const),
  running: bool,
  ports: ports(false),
  mounts,
  env,
  restart,
  exit_code: comparison,
  networks: texts('a network name'),
  labels,
};

export const IMAGE_PROPS: Table<ImageProps> = {
  cmd: command,
  entrypoint: command,
  env,
  exposed_ports: (r, v) =>
    r.texts(v, 'a port like 3000/tcp').map((p, i) => {
      if (!/^\d{1,5}(\/(tcp|udp|sctp))?$/.test(p))
        fail(r.items(v)[i]!, `"${p}" is not a port like 3000 or 3000/tcp`);
      return p.includes('/') ? p : `${p}/tcp`;
    }),
  workdir: text('a directory'),
  user: text('a user'),
  layers: comparison,
  labels,
};

export const NETWORK_PROPS: Table<NetworkProps> = {
  driver: text('a driver like bridge or overlay'),
  scope: oneOf(['local', 'swarm', 'global'] as const),
  subnet: text('a subnet like 10.1.0.0/24'),
  attachable: bool,
  internal: bool,
  containers: texts('a container name'),
  labels,
};

export const VOLUME_PROPS: Table<VolumeProps> = { driver: text('a driver'), labels };

export const SERVICE_PROPS: Table<ServiceProps> = {
  image: text('an image like nginx:1.18'),
  replicas: comparison,
  running: comparison,
  mode: oneOf(['replicated', 'global'] as const),
  ports: ports(true),
  networks: texts('a network name'),
  constraints: texts('a constraint like node.role==worker'),
  env,
  update_config: policy,
  rollback_config: policy,
  update_status: oneOf([
    'updating',
    'paused',
    'completed',
    'rollback_started',
    'rollback_paused',
    'rollback_completed',
  ] as const),
  spread,
};

export const NODE_PROPS: Table<NodeProps> = {
  role: oneOf(['manager', 'worker'] as const),
  availability: oneOf(['active', 'pause', 'drain'] as const),
  status: oneOf(['ready', 'down', 'unknown', 'disconnected'] as const),
  leader: bool,
  labels,
};

/** Read a mapping of properties against a kind's table. */
export function readProps<P>(
  r: Reader,
  v: YValue,
  table: Table<P>,
  kind: string,
  skip: readonly string[] = [],
): P {
  const out: Record<string, Requirement<unknown>> = {};
  const keys = Object.keys(table);
  for (const { key, keyAt, value } of r.entries(v, `a mapping of what the ${kind} must be`)) {
    if (skip.includes(key)) continue;
    const read = (table as Record<string, PropReader | undefined>)[key];
    if (!read || !Object.hasOwn(table, key))
      fail(keyAt, `a ${kind} has no property "${key}"${didYouMean(key, keys)}: use ${keys.join(', ')}`);
    out[key] = { value: read(r, value), line: value.line, path: value.path };
  }
  return out as P;
}
