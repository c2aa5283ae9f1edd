/**
 * docker/cli's inspect.Inspect: print objects as an indented JSON array, as compact
 * JSON (`--format json`), or through a Go template run on the typed object — falling
 * back, when the template fails on the typed value, to the raw JSON with
 * `missingkey=error`, as docker does. Errors are joined and end with status 1; a bad
 * template is status 64.
 */
import { applyGoTypes } from '../golang/go-types.ts';
import { DOCKER_GO_TYPES } from '../api/go-structs/index.ts';
import { indent, marshal, unmarshalAny } from '../golang/json.ts';
import { parseDockerTemplate, TemplateError, type Template } from '../golang/template/index.ts';
import type { Writer } from '../process/types.ts';
import { StatusError } from './errors.ts';

/** What a lookup gives: the typed value (maps marked) and the raw JSON text from the daemon. */
export interface InspectElement {
  typed: unknown;
  raw: string;
  /**
   * the CLI passed no raw bytes (`volume inspect`): a template that fails on the
   * typed value is an error at once, with no fallback to the raw JSON
   */
  noRawFallback?: boolean;
}

export type GetRef = (ref: string) => Promise<InspectElement>;

/**
 * An element whose typed value and raw JSON are made when first read: a template reads
 * only the typed value (and the raw JSON only when it fails), the JSON output only the
 * raw JSON, and each is a walk over the whole object.
 */
class LazyElement implements InspectElement {
  #typed: (() => unknown) | undefined;
  #raw: (() => string) | undefined;
  #typedValue: unknown;
  #rawValue = '';

  readonly noRawFallback: boolean;

  constructor(typed: () => unknown, raw: () => string, noRawFallback: boolean) {
    this.#typed = typed;
    this.#raw = raw;
    this.noRawFallback = noRawFallback;
  }

  get typed(): unknown {
    if (this.#typed) {
      this.#typedValue = this.#typed();
      this.#typed = undefined;
    }
    return this.#typedValue;
  }

  get raw(): string {
    if (this.#raw) {
      this.#rawValue = this.#raw();
      this.#raw = undefined;
    }
    return this.#rawValue;
  }
}

/**
 * An InspectElement made on demand from the typed value's and the raw JSON's makers;
 * `noRawFallback` when the CLI's getRef passes no raw bytes (see InspectElement).
 */
export function lazyElement(typed: () => unknown, raw: () => string, noRawFallback = false): InspectElement {
  return new LazyElement(typed, raw, noRawFallback);
}

export async function inspectRefs(
  out: Writer,
  refs: readonly string[],
  format: string,
  getRef: GetRef,
): Promise<void> {
  let tmpl: Template | undefined;
  if (format !== '' && format !== 'json') {
    try {
      tmpl = parseDockerTemplate(format);
    } catch (err) {
      if (err instanceof TemplateError) throw new StatusError(`template parsing error: ${err.message}`, 64);
      throw err;
    }
  }
  const errors: string[] = [];
  const raws: string[] = [];
  let buffer = '';
  for (const ref of refs) {
    let element: InspectElement;
    try {
      element = await getRef(ref);
    } catch (err) {
      errors.push(err instanceof Error ? err.message : String(err));
      continue;
    }
    if (!tmpl) {
      raws.push(element.raw);
      continue;
    }
    try {
      buffer += tmpl.execute(element.typed) + '\n';
    } catch (err) {
      if (element.noRawFallback) {
        errors.push(`template parsing error: ${(err as Error).message}`);
        continue;
      }
      try {
        const fallback = parseDockerTemplate(format).option('missingkey=error');
        buffer += fallback.execute(rawValue(element.raw)) + '\n';
      } catch (err) {
        errors.push(`template parsing error: ${(err as Error).message}`);
      }
    }
  }
  if (tmpl) out.write(buffer === '' ? '\n' : buffer);
  else if (raws.length === 0) out.write('[]\n');
  else {
    const joined = `[${raws.join(',')}]`;
    out.write((format === 'json' ? joined : indent(joined, '', '    ')) + '\n');
  }
  if (errors.length > 0) throw new StatusError(errors.join('\n'), 1);
}

/** json.Unmarshal into interface{} with UseNumber, as docker's raw fallback decodes. */
function rawValue(raw: string): unknown {
  return unmarshalAny(raw, { useNumber: true });
}

/**
 * The typed value a template sees: a copy of the API object with its Go types marked
 * (`golang/go-types.ts` applyGoTypes: '' names the root type, `map[…]` paths become
 * maps that print and range sorted, `[]`/`*` reach into slices and maps). A type that
 * go-structs/ describes (swarm.Service, mount.Mount, …) is decoded whole, as the CLI's
 * encoding/json fills its Go struct: `typed(service, { '': 'swarm.Service' })`.
 */
export function typed<T>(value: T, spec: Record<string, string>): T {
  return applyGoTypes(jsonCopy(value) as T, spec, DOCKER_GO_TYPES);
}

/** Thrown by `plainCopy` on what only JSON itself handles exactly. */
const NOT_PLAIN = Symbol('not plain');

/**
 * `JSON.parse(JSON.stringify(value))`, copying plain data directly (API objects are
 * plain: objects, arrays, strings, finite numbers, booleans, null), without the text
 * in between; anything else (toJSON, class instances, cycles…) goes through JSON.
 */
function jsonCopy(value: unknown): unknown {
  try {
    return plainCopy(value, 0);
  } catch (err) {
    if (err !== NOT_PLAIN) throw err;
    return JSON.parse(JSON.stringify(value)) as unknown;
  }
}

function plainCopy(v: unknown, depth: number): unknown {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v + 0 : null;
  if (typeof v !== 'object' || depth > 100) throw NOT_PLAIN;
  const proto = Object.getPrototypeOf(v) as unknown;
  if (Array.isArray(v)) {
    if (proto !== Array.prototype) throw NOT_PLAIN;
    const out: unknown[] = new Array(v.length);
    for (let i = 0; i < v.length; i++) {
      const e = v[i] as unknown;
      out[i] =
        e === undefined || typeof e === 'function' || typeof e === 'symbol' ? null : plainCopy(e, depth + 1);
    }
    return out;
  }
  if ((proto !== Object.prototype && proto !== null) || 'toJSON' in v) throw NOT_PLAIN;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(v)) {
    const e = (v as Record<string, unknown>)[key];
    if (e === undefined || typeof e === 'function' || typeof e === 'symbol') continue;
    if (key === '__proto__') throw NOT_PLAIN;
    out[key] = plainCopy(e, depth + 1);
  }
  return out;
}

/** The daemon's JSON text for an object (Go's encoder: HTML-safe, compact). */
export function rawJSON(value: unknown): string {
  return marshal(value);
}

/** The time.Duration fields of container.HealthConfig (`{{.Config.Healthcheck.Interval}}` prints `30s`). */
export const HEALTHCHECK_DURATIONS = ['Interval', 'Timeout', 'StartPeriod', 'StartInterval'];

/** `{ '<prefix>.Interval': 'time.Duration', … }` for a go-types spec. */
export function durationPaths(
  prefix: string,
  fields: readonly string[],
  type = 'time.Duration',
): Record<string, string> {
  return Object.fromEntries(fields.map((f) => [prefix === '' ? f : `${prefix}.${f}`, type]));
}

/** Go types inside container.InspectResponse. */
export const CONTAINER_TYPES: Record<string, string> = {
  '': '*container.InspectResponse',
  State: '*container.State',
  'State.Health': '*container.Health',
  HostConfig: '*container.HostConfig',
  'HostConfig.PortBindings': 'map[nat.Port][]nat.PortBinding',
  'HostConfig.LogConfig.Config': 'map[string]string',
  'HostConfig.Tmpfs': 'map[string]string',
  'HostConfig.Sysctls': 'map[string]string',
  'HostConfig.StorageOpt': 'map[string]string',
  'HostConfig.Annotations': 'map[string]string',
  'GraphDriver.Data': 'map[string]string',
  'Mounts[]': 'container.MountPoint',
  ExecIDs: '[]string',
  // slices that are nil in the JSON print `[]` in a template, as a nil slice does in Go
  ...Object.fromEntries(
    [
      'Binds',
      'Links',
      'Dns',
      'DnsOptions',
      'DnsSearch',
      'ExtraHosts',
      'GroupAdd',
      'CapAdd',
      'CapDrop',
      'SecurityOpt',
      'VolumesFrom',
      'DeviceCgroupRules',
      'MaskedPaths',
      'ReadonlyPaths',
    ].map((f) => [`HostConfig.${f}`, '[]string']),
  ),
  'HostConfig.Mounts': '[]mount.Mount',
  'HostConfig.Devices': '[]container.DeviceMapping',
  // container.Ulimit is an alias: reflect names it units.Ulimit (its String prints `nofile=1024:2048`)
  'HostConfig.Ulimits': '[]*units.Ulimit',
  Config: '*container.Config',
  ...Object.fromEntries(
    ['Cmd', 'Entrypoint', 'Env', 'OnBuild', 'Shell'].map((f) => [`Config.${f}`, '[]string']),
  ),
  'Config.ExposedPorts': 'map[nat.Port]struct {}',
  'Config.Volumes': 'map[string]struct {}',
  'Config.Labels': 'map[string]string',
  ...durationPaths('Config.Healthcheck', HEALTHCHECK_DURATIONS),
  NetworkSettings: '*container.NetworkSettings',
  'NetworkSettings.Ports': 'map[nat.Port][]nat.PortBinding',
  'NetworkSettings.Networks': 'map[string]*network.EndpointSettings',
  'NetworkSettings.Networks.*': '*network.EndpointSettings',
  'NetworkSettings.Networks.*.DriverOpts': 'map[string]string',
};
