/**
 * `yaml.Unmarshal(source, &cfg)` with `cfg` an `interface{}`, as gopkg.in/yaml.v3 does it
 * (decode.go): the first document's node tree (tree.ts) is decoded:
 * scalars through `resolve`, mappings whose keys are all strings into string-keyed
 * objects (others into a `Map`, Go's map[interface{}]interface{}), `<<` merge keys, and
 * duplicate keys collected as `line N: mapping key "x" already defined at line M`.
 */
import { formatFloat, GoFloat64, quote } from '../../golang/index.ts';
import { base64Decode, utf8Decode } from './bytes.ts';
import { YamlError } from './errors.ts';
import { BINARY, MAP, MERGE, NULL, SEQ, STR, resolve, shortTag, type YamlScalar } from './resolve.ts';
import { Composer, type Node } from './tree.ts';

/** A decoded YAML value: scalars, arrays, string-keyed objects (null prototype), or a Map for other keys. */
export type YamlValue = YamlScalar | YamlValue[] | { [key: string]: YamlValue } | Map<unknown, YamlValue>;

/** Node.indicatedString */
function indicatedString(n: Node): boolean {
  return (
    n.kind === 'scalar' &&
    (shortTag(n.tag) === STR ||
      ((n.tag === '' || n.tag === '!') &&
        n.style !== undefined &&
        n.style !== 'tagged' &&
        n.style !== 'plain'))
  );
}

/** Node.ShortTag */
function nodeShortTag(n: Node): string {
  if (indicatedString(n)) return STR;
  if (n.tag === '' || n.tag === '!') {
    switch (n.kind) {
      case 'mapping':
        return MAP;
      case 'sequence':
        return SEQ;
      case 'alias':
        return n.alias ? nodeShortTag(n.alias) : '';
      case 'scalar':
        return resolve('', n.value)[0];
      default:
        return '';
    }
  }
  return shortTag(n.tag);
}

const isMerge = (n: Node) =>
  n.kind === 'scalar' && n.value === '<<' && (n.tag === '' || n.tag === '!' || shortTag(n.tag) === MERGE);

/** A Go map being filled: string keys (an object) or any keys (a Map). */
type Target =
  { kind: 'object'; obj: Record<string, YamlValue> } | { kind: 'map'; map: Map<unknown, YamlValue> };

class Decoder {
  readonly terrors: string[] = [];
  readonly #aliases = new Set<Node>();
  #mergedFields: Set<unknown> | undefined;

  /** Decode into an interface{}: [ok, value]. */
  value(n: Node): [boolean, YamlValue] {
    switch (n.kind) {
      case 'document':
        return n.content.length === 1 ? this.value(n.content[0]!) : [false, null];
      case 'alias': {
        if (this.#aliases.has(n))
          throw new YamlError('composer', `anchor '${n.value}' value contains itself`);
        this.#aliases.add(n);
        const r = this.value(n.alias!);
        this.#aliases.delete(n);
        return r;
      }
      case 'scalar':
        return [true, this.#scalar(n)];
      case 'sequence': {
        const out: YamlValue[] = [];
        for (const c of n.content) {
          const [ok, v] = this.value(c);
          if (ok) out.push(v);
        }
        return [true, out];
      }
      case 'mapping': {
        if (!this.#uniqueKeys(n)) return [false, null];
        const target: Target = isStringMap(n)
          ? { kind: 'object', obj: Object.create(null) as Record<string, YamlValue> }
          : { kind: 'map', map: new Map() };
        this.#fill(n, target, true);
        return [true, target.kind === 'object' ? target.obj : target.map];
      }
    }
  }

  #scalar(n: Node): YamlScalar {
    if (indicatedString(n)) return n.value;
    const [tag, resolved] = resolve(n.tag, n.value);
    if (tag === BINARY) return decodeBase64(String(resolved));
    return resolved;
  }

  /** decoder.mapping's check: two keys of the same kind and text. */
  #uniqueKeys(n: Node): boolean {
    const before = this.terrors.length;
    for (let i = 0; i < n.content.length; i += 2) {
      const ni = n.content[i]!;
      for (let j = i + 2; j < n.content.length; j += 2) {
        const nj = n.content[j]!;
        if (ni.kind === nj.kind && ni.value === nj.value)
          this.terrors.push(
            `line ${nj.line}: mapping key ${quote(nj.value)} already defined at line ${ni.line}`,
          );
      }
    }
    return this.terrors.length === before;
  }

  #fill(n: Node, target: Target, isNew: boolean): void {
    const merged = this.#mergedFields;
    this.#mergedFields = undefined;
    let mergeNode: Node | undefined;
    for (let i = 0; i < n.content.length; i += 2) {
      const kn = n.content[i]!;
      const vn = n.content[i + 1]!;
      if (isMerge(kn)) {
        mergeNode = vn;
        continue;
      }
      let key: unknown;
      if (target.kind === 'object') {
        // a string-keyed map takes any scalar key as its text
        if (kn.kind === 'scalar' || (kn.kind === 'alias' && kn.alias?.kind === 'scalar'))
          key = kn.kind === 'alias' ? kn.alias!.value : kn.value;
        else {
          this.terrors.push(`line ${kn.line}: cannot unmarshal ${nodeShortTag(kn)} into string`);
          continue;
        }
      } else {
        const [ok, k] = this.value(kn);
        if (!ok) continue;
        if (Array.isArray(k) || k instanceof Map || isObject(k))
          throw new YamlError('composer', `invalid map key: ${goValueString(k)}`);
        key = k;
      }
      if (merged) {
        const mk = keyOf(key);
        if (merged.has(mk)) continue;
        merged.add(mk);
      }
      const [ok, v] = this.value(vn);
      const exists =
        target.kind === 'object' ? Object.hasOwn(target.obj, key as string) : target.map.has(key);
      if (ok || (nodeShortTag(vn) === NULL && (isNew || !exists))) set(target, key, ok ? v : null);
    }
    this.#mergedFields = merged;
    if (mergeNode) this.#merge(n, mergeNode, target);
  }

  #merge(parent: Node, merge: Node, target: Target): void {
    const merged = this.#mergedFields;
    if (!merged) {
      this.#mergedFields = new Set();
      for (let i = 0; i < parent.content.length; i += 2) {
        const [ok, k] = this.value(parent.content[i]!);
        if (ok) this.#mergedFields.add(keyOf(k));
      }
    }
    const wantMap = () => {
      throw new YamlError('composer', 'map merge requires map or sequence of maps as the value');
    };
    const into = (m: Node) => {
      if (!this.#uniqueKeys(m)) return;
      this.#fill(m, target, false);
    };
    switch (merge.kind) {
      case 'mapping':
        into(merge);
        break;
      case 'alias':
        if (merge.alias && merge.alias.kind !== 'mapping') wantMap();
        into(merge.alias!);
        break;
      case 'sequence':
        for (const item of merge.content) {
          if (item.kind === 'alias') {
            if (item.alias && item.alias.kind !== 'mapping') wantMap();
            into(item.alias!);
          } else if (item.kind !== 'mapping') wantMap();
          else into(item);
        }
        break;
      default:
        wantMap();
    }
    this.#mergedFields = merged;
  }
}

function isStringMap(n: Node): boolean {
  for (let i = 0; i < n.content.length; i += 2) {
    const t = nodeShortTag(n.content[i]!);
    if (t !== STR && t !== MERGE) return false;
  }
  return true;
}

function set(target: Target, key: unknown, v: YamlValue): void {
  if (target.kind === 'object') target.obj[key as string] = v;
  else target.map.set(key, v);
}

function isObject(v: unknown): v is Record<string, YamlValue> {
  return typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === null;
}

/** Map keys compare by Go value: a number and a bigint of the same value are one key. */
function keyOf(k: unknown): unknown {
  if (typeof k === 'bigint') return Number.isSafeInteger(Number(k)) ? Number(k) : `bigint:${k}`;
  return k;
}

/** fmt's %#v of a decoded value (map keys sorted, as fmt prints them). */
function goValueString(v: unknown): string {
  if (v === null) return 'interface {}(nil)';
  if (typeof v === 'string') return quote(v);
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  if (v instanceof GoFloat64) return formatFloat(v.value, 'g', -1);
  if (Array.isArray(v)) return `[]interface {}{${v.map(goValueString).join(', ')}}`;
  if (v instanceof Map) {
    const entries = [...v].map(([k, x]) => `${goValueString(k)}:${goValueString(x)}`).sort();
    return `map[interface {}]interface {}{${entries.join(', ')}}`;
  }
  if (isObject(v)) {
    const keys = Object.keys(v).sort();
    return `map[string]interface {}{${keys.map((k) => `${quote(k)}:${goValueString(v[k])}`).join(', ')}}`;
  }
  return String(v);
}

function decodeBase64(s: string): string {
  const bytes = base64Decode(s);
  if (!bytes) throw new YamlError('composer', '!!binary value contains invalid base64 data');
  return utf8Decode(bytes);
}

/**
 * yaml.Unmarshal into an `interface{}`: the first document's value (null for an empty
 * stream). Throws YamlError with yaml.v3's message.
 */
export function unmarshalYAML(input: string): YamlValue {
  const tree = new Composer(input).parse();
  if (!tree) return null;
  const d = new Decoder();
  const [, value] = d.value(tree);
  if (d.terrors.length) throw new YamlError('composer', 'unmarshal errors:\n  ' + d.terrors.join('\n  '));
  return value;
}
