/**
 * docker/cli's inspect.Inspect: print objects as an indented JSON array, as compact
 * JSON (`--format json`), or through a Go template run on the typed object — falling
 * back, when the template fails on the typed value, to the raw JSON with
 * `missingkey=error`, as docker does. Errors are joined and end with status 1; a bad
 * template is status 64.
 */
import { indent, marshal } from '../golang/json.ts';
import { parseDockerTemplate, TemplateError, type Template } from '../golang/template/index.ts';
import { goMap, withGoType } from '../golang/values.ts';
import type { Writer } from '../process/types.ts';
import { StatusError } from './errors.ts';

/** What a lookup gives: the typed value (maps marked) and the raw JSON text from the daemon. */
export interface InspectElement {
  typed: unknown;
  raw: string;
}

export type GetRef = (ref: string) => Promise<InspectElement>;

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
    } catch {
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

/** json.Unmarshal into interface{}: every object is a map. */
function rawValue(raw: string): unknown {
  const mark = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(mark);
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      for (const k of Object.keys(o)) o[k] = mark(o[k]);
      return goMap(o, 'map[string]interface {}');
    }
    return v;
  };
  return mark(JSON.parse(raw));
}

/**
 * Make a typed value from an API object: the listed paths are Go maps (sorted when
 * printed and ranged), the object gets its Go type name. `*` in a path matches every
 * key of a map or element of an array.
 */
export function typed<T>(value: T, type: string, mapPaths: readonly string[]): T {
  const copy = JSON.parse(JSON.stringify(value)) as T;
  for (const path of mapPaths) markPath(copy, path.split('.'));
  if (copy && typeof copy === 'object') withGoType(copy as object, type);
  return copy;
}

function markPath(v: unknown, parts: string[]): void {
  if (!v || typeof v !== 'object') return;
  const [head, ...rest] = parts;
  if (head === undefined) {
    goMap(v as object);
    return;
  }
  if (head === '*') {
    for (const child of Object.values(v as Record<string, unknown>)) markPath(child, rest);
    return;
  }
  markPath((v as Record<string, unknown>)[head], rest);
}

/** The daemon's JSON text for an object (Go's encoder: HTML-safe, compact). */
export function rawJSON(value: unknown): string {
  return marshal(value);
}

/** Map fields of container.InspectResponse. */
export const CONTAINER_MAPS = [
  'Config.ExposedPorts',
  'Config.Volumes',
  'Config.Labels',
  'HostConfig.PortBindings',
  'HostConfig.LogConfig.Config',
  'HostConfig.Tmpfs',
  'HostConfig.Sysctls',
  'HostConfig.StorageOpt',
  'HostConfig.Annotations',
  'GraphDriver.Data',
  'NetworkSettings.Ports',
  'NetworkSettings.Networks',
  'NetworkSettings.Networks.*.DriverOpts',
];
