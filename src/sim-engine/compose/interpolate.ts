/**
 * Interpolation of a compose dict — docker/cli cli/compose/interpolation/interpolation.go
 * with the type casts of cli/compose/loader/interpolate.go: every string is substituted
 * (template.ts); a string that changed and sits at a path known to hold a number or a
 * boolean (`services.*.deploy.replicas`, `services.*.ports.[].published`, …) is cast, so
 * `replicas: ${N}` becomes an integer while a literal `replicas: "3"` stays a string
 * (and the schema then refuses it).
 */
import { goFloat64, NumError, parseFloat64, quote } from '../golang/index.ts';
import { InvalidTemplateError, substitute, type Mapping } from './template.ts';
import type { YamlValue } from './yaml/index.ts';

type Cast = (value: string) => YamlValue;

const ALL = '*';
const LIST = '[]';

/** strconv.Atoi */
function toInt(value: string): YamlValue {
  if (!/^[+-]?\d+$/.test(value)) throw new NumError('Atoi', value, 'invalid syntax');
  const n = BigInt(value);
  if (n > (1n << 63n) - 1n || n < -(1n << 63n)) throw new NumError('Atoi', value, 'value out of range');
  return Number.isSafeInteger(Number(n)) ? Number(n) : n;
}

function toFloat(value: string): YamlValue {
  return goFloat64(parseFloat64(value));
}

/** toBoolean: YAML 1.1's words, any case */
function toBoolean(value: string): YamlValue {
  const v = value.toLowerCase();
  if (['y', 'yes', 'true', 'on'].includes(v)) return true;
  if (['n', 'no', 'false', 'off'].includes(v)) return false;
  throw new Error(`invalid boolean: ${value}`);
}

const service = (...parts: string[]) => ['services', ALL, ...parts].join('.');

/** interpolateTypeCastMapping */
const CASTS: [string, Cast][] = [
  [service('configs', LIST, 'mode'), toInt],
  [service('secrets', LIST, 'mode'), toInt],
  [service('healthcheck', 'retries'), toInt],
  [service('healthcheck', 'disable'), toBoolean],
  [service('deploy', 'replicas'), toInt],
  [service('deploy', 'update_config', 'parallelism'), toInt],
  [service('deploy', 'update_config', 'max_failure_ratio'), toFloat],
  [service('deploy', 'rollback_config', 'parallelism'), toInt],
  [service('deploy', 'rollback_config', 'max_failure_ratio'), toFloat],
  [service('deploy', 'restart_policy', 'max_attempts'), toInt],
  [service('deploy', 'placement', 'max_replicas_per_node'), toInt],
  [service('ports', LIST, 'target'), toInt],
  [service('ports', LIST, 'published'), toInt],
  [service('ulimits', ALL), toInt],
  [service('ulimits', ALL, 'hard'), toInt],
  [service('ulimits', ALL, 'soft'), toInt],
  [service('privileged'), toBoolean],
  [service('oom_score_adj'), toInt],
  [service('read_only'), toBoolean],
  [service('stdin_open'), toBoolean],
  [service('tty'), toBoolean],
  [service('volumes', LIST, 'read_only'), toBoolean],
  [service('volumes', LIST, 'volume', 'nocopy'), toBoolean],
  ['networks.*.external', toBoolean],
  ['networks.*.internal', toBoolean],
  ['networks.*.attachable', toBoolean],
  ['volumes.*.external', toBoolean],
  ['secrets.*.external', toBoolean],
  ['configs.*.external', toBoolean],
];

/** Path.matches: same number of parts, `*` matches any one. */
function matches(path: string, pattern: string): boolean {
  const p = path.split('.');
  const q = pattern.split('.');
  return p.length === q.length && p.every((part, i) => q[i] === ALL || q[i] === part);
}

export class InterpolationError extends Error {}

function pathError(path: string, err: Error): InterpolationError {
  if (err instanceof InvalidTemplateError)
    return new InterpolationError(
      `invalid interpolation format for ${path}: ${quote(err.template)}; you may need to escape any $ with another $`,
    );
  return new InterpolationError(`error while interpolating ${path}: ${err.message}`);
}

function interpolateValue(value: YamlValue, path: string, lookup: Mapping): YamlValue {
  if (typeof value === 'string') {
    const { value: substituted, error } = substitute(value, lookup);
    if (error) throw pathError(path, error);
    if (substituted === value) return value;
    const cast = CASTS.find(([pattern]) => matches(path, pattern))?.[1];
    if (!cast) return substituted;
    try {
      return cast(substituted);
    } catch (err) {
      throw pathError(path, new Error(`failed to cast to expected type: ${(err as Error).message}`));
    }
  }
  if (Array.isArray(value)) return value.map((v) => interpolateValue(v, `${path}.${LIST}`, lookup));
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === null) {
    const out = Object.create(null) as Record<string, YamlValue>;
    for (const [k, v] of Object.entries(value as Record<string, YamlValue>))
      out[k] = interpolateValue(v, `${path}.${k}`, lookup);
    return out;
  }
  return value;
}

/** interpolation.Interpolate over a file's top-level mapping. */
export function interpolate(config: Record<string, YamlValue>, lookup: Mapping): Record<string, YamlValue> {
  const out = Object.create(null) as Record<string, YamlValue>;
  for (const [k, v] of Object.entries(config)) out[k] = interpolateValue(v, k, lookup);
  return out;
}
