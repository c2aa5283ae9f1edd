/**
 * Schema validation as docker/cli does it (cli/compose/schema/schema.go over
 * github.com/xeipuuv/gojsonschema v1.2.0): the dict goes through encoding/json first (so
 * a YAML `.nan` or a mapping with non-string keys fails there), gojsonschema walks the
 * schema collecting errors and a score (the best-scoring branch of a failed `oneOf` is the
 * one reported), and docker/cli prints the most specific error — the one with the most
 * path parts, an `invalid_type` winning ties — as `<field> <description>`, saying
 * `must be a integer`/`must be a mapping` for a wrong type.
 *
 * Differs from Docker: Go walks a map's keys in random order, so when two errors are
 * equally specific docker/cli may name either; here keys are walked in file order.
 */
import { GoFloat64, GoTime, formatRFC3339Nano, parseGoDuration } from '../../golang/index.ts';
import { parsePortSpec } from '../../cli/commands/opts/nat.ts';
import type { JsonType, Schema } from './types.ts';

/** A value as gojsonschema sees it after the JSON round trip: numbers keep whether they are integers. */
type JsonValue =
  null | boolean | string | { num: number; isInt: boolean } | JsonValue[] | { obj: [string, JsonValue][] };

export class JsonMarshalError extends Error {}

/** json.Marshal of a loaded dict (sorted keys, as Go writes them), read back with UseNumber. */
export function toJSONValue(v: unknown): JsonValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean' || typeof v === 'string') return v;
  if (typeof v === 'number') return { num: v, isInt: Number.isInteger(v) };
  if (typeof v === 'bigint') return { num: Number(v), isInt: true };
  if (v instanceof GoFloat64) {
    if (!Number.isFinite(v.value))
      throw new JsonMarshalError(
        `json: unsupported value: ${Number.isNaN(v.value) ? 'NaN' : v.value > 0 ? '+Inf' : '-Inf'}`,
      );
    return { num: v.value, isInt: Number.isInteger(v.value) };
  }
  if (v instanceof GoTime) return formatRFC3339Nano(v.epochMillis(), v.nanosRemainder());
  if (v instanceof Map) throw new JsonMarshalError('json: unsupported type: map[interface {}]interface {}');
  if (Array.isArray(v)) return v.map(toJSONValue);
  const entries = Object.keys(v as object)
    .sort()
    .map((k): [string, JsonValue] => [k, toJSONValue((v as Record<string, unknown>)[k])]);
  // gojsonschema reads the keys into a Go map; walk them in the file's order instead
  const order = Object.keys(v as object);
  entries.sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]));
  return { obj: entries };
}

interface ResultError {
  type: string;
  /** the context: `(root).services.web` */
  context: string;
  description: string;
  expected?: string;
}

class Result {
  errors: ResultError[] = [];
  score = 0;
  get valid(): boolean {
    return this.errors.length === 0;
  }
  add(type: string, context: string, description: string, expected?: string): void {
    this.errors.push({ type, context, description, expected });
    this.score -= 2;
  }
  merge(other: Result): void {
    this.errors.push(...other.errors);
    this.score += other.score;
  }
}

const isNumber = (v: JsonValue): v is { num: number; isInt: boolean } =>
  typeof v === 'object' && v !== null && 'num' in v;
const isObject = (v: JsonValue): v is { obj: [string, JsonValue][] } =>
  typeof v === 'object' && v !== null && 'obj' in v;

function typesString(types: JsonType[]): string {
  return types.length > 1 ? `[${types.join(',')}]` : types[0]!;
}

/** marshalWithoutNumber: canonical JSON text, for enum and uniqueItems comparisons. */
function canonical(v: JsonValue): string {
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return JSON.stringify(v);
  if (isNumber(v)) return String(v.num);
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  const sorted = [...v.obj].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return `{${sorted.map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(',')}}`;
}

/** big.Rat's String of a number: `80/1`, `161/2` — what docker's ports checker splits at `/`. */
function ratNumerator(n: number): string {
  if (Number.isInteger(n)) return String(n);
  let den = 1;
  let num = n;
  while (!Number.isInteger(num) && den < 1e15) {
    num *= 2;
    den *= 2;
  }
  return String(num);
}

function isFormat(format: Schema['format'], input: string | number): boolean {
  switch (format) {
    case 'ports': {
      const spec = typeof input === 'number' ? ratNumerator(input) : input;
      try {
        parsePortSpec(spec);
        return true;
      } catch {
        return false;
      }
    }
    case 'duration':
      if (typeof input !== 'string') return false;
      try {
        parseGoDuration(input);
        return true;
      } catch {
        return false;
      }
    default:
      // gojsonschema passes a format it has no checker for (`expose`)
      return true;
  }
}

function validateRecursive(s: Schema, node: JsonValue, result: Result, ctx: string): void {
  const typed = !!s.type?.length;
  const has = (t: JsonType) => s.type?.includes(t) ?? false;
  const typeError = (given: string) =>
    result.add(
      'invalid_type',
      ctx,
      `Invalid type. Expected: ${typesString(s.type!)}, given: ${given}`,
      typesString(s.type!),
    );
  if (node === null) {
    if (typed && !has('null')) return typeError('null');
    validateSchema(s, node, result, ctx);
    validateCommon(s, node, result, ctx);
  } else if (isNumber(node)) {
    if (typed && !(has('number') || (node.isInt && has('integer'))))
      return typeError(node.isInt ? 'integer' : 'number');
    validateSchema(s, node, result, ctx);
    validateNumber(s, node, result, ctx);
    validateCommon(s, node, result, ctx);
  } else if (Array.isArray(node)) {
    if (typed && !has('array')) return typeError('array');
    validateSchema(s, node, result, ctx);
    validateArray(s, node, result, ctx);
    validateCommon(s, node, result, ctx);
  } else if (isObject(node)) {
    if (typed && !has('object')) return typeError('object');
    validateSchema(s, node, result, ctx);
    validateObject(s, node, result, ctx);
    validateCommon(s, node, result, ctx);
    for (const [key, child] of Object.entries(s.properties ?? {})) {
      const entry = node.obj.find(([k]) => k === key);
      if (entry) validateRecursive(child, entry[1], result, `${ctx}.${key}`);
    }
  } else if (typeof node === 'boolean') {
    if (typed && !has('boolean')) return typeError('boolean');
    validateSchema(s, node, result, ctx);
    validateCommon(s, node, result, ctx);
  } else {
    if (typed && !has('string')) return typeError('string');
    validateSchema(s, node, result, ctx);
    validateCommon(s, node, result, ctx);
    validateString(s, node, result, ctx);
  }
  result.score++;
}

function subValidate(s: Schema, node: JsonValue, ctx: string): Result {
  const r = new Result();
  validateRecursive(s, node, r, ctx);
  return r;
}

function validateSchema(s: Schema, node: JsonValue, result: Result, ctx: string): void {
  if (s.anyOf?.length) {
    let validated = false;
    let best: Result | undefined;
    for (const sub of s.anyOf) {
      if (validated) continue;
      const r = subValidate(sub, node, ctx);
      validated = r.valid;
      if (!validated && (!best || r.score > best.score)) best = r;
    }
    if (!validated) {
      result.add('number_any_of', ctx, 'Must validate at least one schema (anyOf)');
      if (best) result.merge(best);
    }
  }
  if (s.oneOf?.length) {
    let validated = 0;
    let best: Result | undefined;
    for (const sub of s.oneOf) {
      const r = subValidate(sub, node, ctx);
      if (r.valid) validated++;
      else if (validated === 0 && (!best || r.score > best.score)) best = r;
    }
    if (validated !== 1) {
      result.add('number_one_of', ctx, 'Must validate one and only one schema (oneOf)');
      if (validated === 0) result.merge(best!);
    }
  }
  result.score++;
}

function validateCommon(s: Schema, node: JsonValue, result: Result, ctx: string): void {
  if (s.enum?.length && !s.enum.includes(canonical(node)))
    result.add('enum', ctx, `${field(ctx)} must be one of the following: ${s.enum.join(', ')}`);
  result.score++;
}

function validateArray(s: Schema, node: JsonValue[], result: Result, ctx: string): void {
  if (s.items) node.forEach((item, i) => result.merge(subValidate(s.items!, item, `${ctx}.${i}`)));
  if (s.uniqueItems) {
    const seen = new Map<string, number>();
    node.forEach((item, j) => {
      const key = canonical(item);
      const i = seen.get(key);
      if (i !== undefined) result.add('unique', ctx, `array items[${i},${j}] must be unique`);
      seen.set(key, j);
    });
  }
  result.score++;
}

function validateObject(s: Schema, node: { obj: [string, JsonValue][] }, result: Result, ctx: string): void {
  for (const name of s.required ?? []) {
    if (node.obj.some(([k]) => k === name)) result.score++;
    else result.add('required', ctx, `${name} is required`);
  }
  for (const [key, value] of node.obj) {
    const found = s.properties !== undefined && Object.hasOwn(s.properties, key);
    let matched = false;
    for (const [re, sub] of s.patternProperties ?? []) {
      if (!re.test(key)) continue;
      matched = true;
      result.merge(subValidate(sub, value, `${ctx}.${key}`));
    }
    if (matched) result.score++;
    if (!found && !matched) {
      if (s.additionalProperties === false)
        result.add('additional_property_not_allowed', ctx, `Additional property ${key} is not allowed`);
      else if (s.additionalProperties)
        result.merge(subValidate(s.additionalProperties, value, `${ctx}.${key}`));
    }
  }
  result.score++;
}

function validateString(s: Schema, node: string, result: Result, ctx: string): void {
  if (s.format && !isFormat(s.format, node)) result.add('format', ctx, `Does not match format '${s.format}'`);
  result.score++;
}

function validateNumber(s: Schema, node: { num: number }, result: Result, ctx: string): void {
  if (s.minimum !== undefined && node.num < s.minimum)
    result.add('number_gte', ctx, `Must be greater than or equal to ${s.minimum}`);
  if (s.format && !isFormat(s.format, node.num))
    result.add('format', ctx, `Does not match format '${s.format}'`);
  result.score++;
}

/** ResultErrorFields.Field: the context without its `(root).` */
function field(ctx: string): string {
  return ctx.startsWith('(root).') ? ctx.slice('(root).'.length) : ctx;
}

const specificity = (e: ResultError) => field(e.context).split('.').length;

function humanReadableType(definition: string): string {
  if (definition.startsWith('[')) {
    const all = definition.slice(1, -1).split(',').map(humanReadableType);
    return `${all.slice(0, -1).join(', ')} or ${all[all.length - 1]}`;
  }
  if (definition === 'object') return 'mapping';
  if (definition === 'array') return 'list';
  return definition;
}

/** schema.toError: getMostSpecificError, printed as `<field> <description>`. */
function toError(errors: ResultError[]): string {
  let most = 0;
  errors.forEach((e, i) => {
    const m = errors[most]!;
    if (specificity(e) > specificity(m)) most = i;
    else if (specificity(e) === specificity(m) && e.type === 'invalid_type' && m.type !== 'invalid_type')
      most = i;
  });
  const parent = errors[most]!;
  const child =
    most + 1 < errors.length && (parent.type === 'number_one_of' || parent.type === 'number_any_of')
      ? errors[most + 1]
      : undefined;
  let description = parent.description;
  if (parent.type === 'invalid_type') description = 'must be a ' + humanReadableType(parent.expected!);
  else if (child) description = child.description;
  return `${field(parent.context)} ${description}`;
}

export class SchemaValidationError extends Error {}

/** schema.Validate's check of one file's dict: nothing, or the error docker/cli prints. */
export function validateAgainst(schema: Schema, config: unknown): void {
  const doc = toJSONValue(config);
  const result = subValidate(schema, doc, '(root)');
  if (!result.valid) throw new SchemaValidationError(toError(result.errors));
}
