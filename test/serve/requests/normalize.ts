/**
 * A request as the check of the API inspector compares it: the method, the path without
 * its `/vX.Y` prefix (the real CLI 28.2 speaks 1.50, the simulated one 1.51), the query
 * string as sent (its order and escaping), and the JSON body; what differs between two
 * runs of the same command — IDs, times — masked alike on both sides.
 */
import { isDeepStrictEqual } from 'node:util';
import { goQueryEscape } from '../../../src/lab/api-log.ts';

export interface NormalRequest {
  method: string;
  path: string;
  /** the query string as sent, without the `?` ('' when none) */
  query: string;
  /** the JSON body, masked; absent when none was sent */
  body?: unknown;
}

/** One command of a fixture: what the real CLI sent for it, and how it ended. */
export interface RecordedCommand {
  command: string;
  exit: number;
  requests: NormalRequest[];
  /** repeated rounds of requests were taken out (collapseRepeats) */
  polled?: true;
}

export interface RequestFixture {
  /** the docker CLI that sent them */
  client: string;
  images: string[];
  /** the lab's nodes (one, node1, when absent) */
  nodes?: number | string[];
  commands: RecordedCommand[];
}

/** IDs a daemon makes: 64 hex digits (containers, images, networks…), swarm's 25 characters, short IDs. */
const MASKS: [RegExp, string][] = [
  [/sha256:[0-9a-f]{64}/g, 'sha256:<DIGEST>'],
  [/\b[0-9a-f]{64}\b/g, '<ID>'],
  // a swarm object ID: 25 lower-case letters and digits, at least one of each
  [/\b(?=[a-z0-9]{25}\b)(?=[a-z]*[0-9])(?=[0-9]*[a-z])[a-z0-9]{25}\b/g, '<ID>'],
  [/\b[0-9a-f]{12}\b/g, '<ID>'],
  // RFC 3339 times (since/until, a service's UpdatedAt sent back in a spec's metadata)
  [/\b\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)\b/g, '<TIME>'],
];

export function mask(text: string): string {
  let out = text;
  for (const [re, by] of MASKS) out = out.replace(re, by);
  return out;
}

function maskValue(value: unknown): unknown {
  if (typeof value === 'string') return mask(value);
  if (Array.isArray(value)) return value.map(maskValue);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[mask(k)] = maskValue(v);
    return out;
  }
  return value;
}

/**
 * Normalize one request: `target` is the path with its query string (`/v1.50/containers/json?all=1`),
 * `body` the body's text ('' or undefined when none).
 */
export function normalRequest(method: string, target: string, body?: string): NormalRequest {
  const q = target.indexOf('?');
  const rawPath = q < 0 ? target : target.slice(0, q);
  const path = mask(decodeURIComponent(rawPath.replace(/^\/v\d+\.\d+(?=\/)/, '')));
  const query = q < 0 ? '' : maskQuery(target.slice(q + 1));
  const out: NormalRequest = { method, path, query };
  if (body !== undefined && body !== '') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      parsed = `(not JSON: ${body.length} bytes)`;
    }
    out.body = maskValue(parsed);
  }
  return out;
}

/**
 * A query string with the IDs and times in its values masked: a pair with nothing to
 * mask is kept as sent, byte for byte; a masked one is escaped again as Go's QueryEscape.
 */
function maskQuery(raw: string): string {
  return raw
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq < 0) return pair;
      const key = pair.slice(0, eq);
      // a swarm object's version counts every change the daemon made to it, tasks'
      // progress included: the same command sends another number when the daemon's
      // bookkeeping changes, which is not the CLI's doing
      if (key === 'version') return `${key}=<N>`;
      const value = decodeURIComponent(pair.slice(eq + 1).replaceAll('+', ' '));
      const masked = mask(value);
      return masked === value ? pair : `${key}=${goQueryEscape(masked)}`;
    })
    .join('&');
}

/**
 * The requests with every immediate repetition of a run of one to four requests taken
 * out: a command that polls (`service create` waiting for its tasks) repeats its round a
 * number of times that depends on how fast the tasks converge, so both sides are compared
 * as "this round, one or more times".
 */
export function collapseRepeats<T>(items: readonly T[], same: (a: T, b: T) => boolean): T[] {
  const out = [...items];
  let changed = true;
  while (changed) {
    changed = false;
    for (let k = 1; k <= 4; k++) {
      for (let i = k; i + k <= out.length;) {
        let repeat = true;
        for (let j = 0; j < k && repeat; j++) if (!same(out[i - k + j]!, out[i + j]!)) repeat = false;
        if (repeat) {
          out.splice(i, k);
          changed = true;
        } else i++;
      }
    }
  }
  return out;
}

/** One request on a line: `POST /containers/create?name=web`. */
export function requestLine(r: NormalRequest): string {
  return `${r.method} ${r.path}${r.query ? `?${r.query}` : ''}`;
}

/** Where two JSON values differ, one line per place (`.HostConfig.Dns: [] ≠ null`). */
export function jsonDifferences(a: unknown, b: unknown, at = ''): string[] {
  if (isObject(a) && isObject(b)) {
    const out: string[] = [];
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)]))
      if (!(k in a)) out.push(`${at}.${k}: (absent) ≠ ${JSON.stringify(b[k])}`);
      else if (!(k in b)) out.push(`${at}.${k}: ${JSON.stringify(a[k])} ≠ (absent)`);
      else out.push(...jsonDifferences(a[k], b[k], `${at}.${k}`));
    return out;
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length)
    return a.flatMap((v, i) => jsonDifferences(v, b[i], `${at}[${i}]`));
  return JSON.stringify(a) === JSON.stringify(b)
    ? []
    : [`${at || '.'}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`];
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** What differs between the recorded requests of a command and the simulated ones, as text. */
export function requestDifferences(
  real: readonly NormalRequest[],
  simulated: readonly NormalRequest[],
  /** requests whose body's fields may come in another order */
  anyOrder: (r: NormalRequest) => boolean = () => false,
): string[] {
  const lines = (rs: readonly NormalRequest[]) => rs.map(requestLine);
  if (!isDeepStrictEqual(lines(real), lines(simulated)))
    return [`real:      ${lines(real).join(' | ')}`, `simulated: ${lines(simulated).join(' | ')}`];
  return real.flatMap((r, i) => {
    const found = jsonDifferences(r.body, simulated[i]!.body).map(
      (d) => `${requestLine(r)} body${d} (real ≠ simulated)`,
    );
    // the inspector shows the body's fields in the order they are sent, as Go writes a struct's
    if (found.length === 0 && !anyOrder(r) && JSON.stringify(r.body) !== JSON.stringify(simulated[i]!.body))
      found.push(
        `${requestLine(r)}: the body's fields in another order at ${keyOrder(r.body, simulated[i]!.body)}`,
      );
    return found;
  });
}

/** The first object whose keys come in another order: where it is, and its keys on each side. */
function keyOrder(a: unknown, b: unknown, at = ''): string | undefined {
  if (isObject(a) && isObject(b)) {
    if (JSON.stringify(Object.keys(a)) !== JSON.stringify(Object.keys(b)))
      return `${at || '.'}\n    real:      ${Object.keys(a).join(' ')}\n    simulated: ${Object.keys(b).join(' ')}`;
    for (const k of Object.keys(a)) {
      const found = keyOrder(a[k], b[k], `${at}.${k}`);
      if (found) return found;
    }
  }
  if (Array.isArray(a) && Array.isArray(b))
    for (let i = 0; i < a.length; i++) {
      const found = keyOrder(a[i], b[i], `${at}[${i}]`);
      if (found) return found;
    }
  return undefined;
}
