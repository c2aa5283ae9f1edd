/**
 * RUN --mount (instructions/commands_runmount.go). At parse time BuildKit only checks
 * the CSV and that `from` has no variable; the options are read once the builder
 * expands them (RunCommand.Expand), which is when the other errors appear.
 */
import { quote } from '../../golang/strconv-quote.ts';
import { ramInBytes } from '../../golang/units.ts';
import { byteLength } from '../../golang/utf8.ts';
import { wrapSuggest } from './suggest.ts';
import type { Mount } from './types.ts';

/** strconv.Parse(U)Int with an explicit base: undefined on any error. */
export function parseBase(s: string, base: 8 | 10, bits: 32 | 64, signed: boolean): bigint | undefined {
  let body = s;
  let neg = false;
  if (signed && (s[0] === '+' || s[0] === '-')) {
    neg = s[0] === '-';
    body = s.slice(1);
  }
  if (body === '') return undefined;
  const digits = base === 8 ? /^[0-7]+$/ : /^[0-9]+$/;
  if (!digits.test(body)) return undefined;
  let n = 0n;
  for (const c of body) n = n * BigInt(base) + BigInt(c.charCodeAt(0) - 48);
  const limit = signed ? 1n << BigInt(bits - 1) : 1n << BigInt(bits);
  if (signed ? (neg ? n > limit : n >= limit) : n >= limit) throw new RangeError('value out of range');
  return neg ? -n : n;
}

function parseUintOrUndef(s: string, base: 8 | 10): number | undefined {
  try {
    const v = parseBase(s, base, 32, false);
    return v === undefined ? undefined : Number(v);
  } catch {
    return undefined;
  }
}

function parseGoBool(s: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  return undefined;
}

/** tonistiigi/go-csvvalue Fields: one CSV record, Go's encoding/csv errors. */
export function csvFields(line: string): string[] {
  if (line.endsWith('\r\n')) line = line.slice(0, -2);
  else if (line.endsWith('\n')) line = line.slice(0, -1);
  if (line.length === 0) throw new Error('EOF');
  const out: string[] = [];
  let pos = 0; // bytes consumed, for the error column
  const err = (p: number, what: string) => new Error(`parse error on line 1, column ${p + 1}: ${what}`);
  const bare = 'bare " in non-quoted-field';
  const badQuote = 'extraneous or missing " in quoted-field';
  for (;;) {
    if (line.length === 0 || line[0] !== '"') {
      const i = line.indexOf(',');
      const field = i >= 0 ? line.slice(0, i) : line;
      const j = field.indexOf('"');
      if (j >= 0) throw err(pos + byteLength(field.slice(0, j)), bare);
      out.push(field);
      if (i >= 0) {
        pos += byteLength(line.slice(0, i)) + 1;
        line = line.slice(i + 1);
        continue;
      }
      return out;
    }
    line = line.slice(1);
    pos += 1;
    let halfOpen = false;
    for (;;) {
      const i = line.indexOf('"');
      if (i < 0) throw err(pos, badQuote);
      if (!halfOpen) out.push(line.slice(0, i));
      else out[out.length - 1] += line.slice(0, i);
      pos += byteLength(line.slice(0, i)) + 1;
      line = line.slice(i + 1);
      if (line[0] === '"') {
        out[out.length - 1] += '"';
        line = line.slice(1);
        pos += 1;
        halfOpen = true;
      } else if (line[0] === ',') {
        line = line.slice(1);
        pos += 1;
        break;
      } else if (line.length === 0) {
        return out;
      } else {
        throw err(pos - 1, badQuote);
      }
    }
  }
}

const mountTypes = ['bind', 'cache', 'tmpfs', 'secret', 'ssh'] as const;
const shareModes = ['shared', 'private', 'locked'] as const;
const allKeys = [
  'type',
  'from',
  'source',
  'target',
  'readonly',
  'id',
  'sharing',
  'required',
  'size',
  'mode',
  'uid',
  'gid',
  'src',
  'dst',
  'destination',
  'ro',
  'rw',
  'readwrite',
  'env',
];

/**
 * parseMount. `expand` is the builder's word expander. Without it (parse time) only
 * `from` is read and checked, as BuildKit does before expansion; the other fields keep
 * their defaults.
 */
export function parseRunMount(val: string, expand: ((word: string) => string) | undefined): Mount {
  let fields: string[];
  try {
    fields = csvFields(val);
  } catch (e) {
    throw new Error(`failed to parse csv mounts: ${(e as Error).message}`, { cause: e });
  }
  const m: Mount = {
    type: 'bind',
    from: '',
    source: '',
    target: '',
    readOnly: false,
    sizeLimit: 0,
    cacheID: '',
    cacheSharing: '',
    required: false,
  };
  let roAuto = true;
  for (const field of fields) {
    const eq = field.indexOf('=');
    const key = (eq < 0 ? field : field.slice(0, eq)).toLowerCase();
    let value = eq < 0 ? '' : field.slice(eq + 1);
    if (eq < 0) {
      if (!expand) continue; // evaluated later
      switch (key) {
        case 'readonly':
        case 'ro':
          m.readOnly = true;
          roAuto = false;
          continue;
        case 'readwrite':
        case 'rw':
          m.readOnly = false;
          roAuto = false;
          continue;
        case 'required':
          if (m.type === 'secret' || m.type === 'ssh') {
            m.required = true;
            continue;
          }
          throw new Error(`unexpected key '${key}' for mount type '${m.type}'`);
        default:
          throw new Error(`invalid field '${field}' must be a key=value pair`);
      }
    }
    if (expand) {
      value = expand(value);
    } else if (key === 'from') {
      // parse time reads `from` only (GetMounts before Expand), for the stage graph
      const idx = value.indexOf('$');
      if (idx !== -1 && idx !== value.length - 1) {
        throw new Error(`'${key}' doesn't support variable expansion, define alias stage instead`);
      }
    } else {
      continue;
    }
    const invalid = () => new Error(`invalid value for ${key}: ${value}`);
    switch (key) {
      case 'type': {
        const v = value.toLowerCase();
        if (!(mountTypes as readonly string[]).includes(v)) {
          throw new Error(wrapSuggest(`unsupported mount type ${quote(value)}`, value, mountTypes, true));
        }
        m.type = v as Mount['type'];
        break;
      }
      case 'from':
        m.from = value;
        break;
      case 'source':
      case 'src':
        m.source = value;
        break;
      case 'target':
      case 'dst':
      case 'destination':
        m.target = value;
        break;
      case 'readonly':
      case 'ro': {
        const b = parseGoBool(value);
        if (b === undefined) throw invalid();
        m.readOnly = b;
        roAuto = false;
        break;
      }
      case 'readwrite':
      case 'rw': {
        const b = parseGoBool(value);
        if (b === undefined) throw invalid();
        m.readOnly = !b;
        roAuto = false;
        break;
      }
      case 'required': {
        if (m.type !== 'secret' && m.type !== 'ssh') {
          throw new Error(`unexpected key '${key}' for mount type '${m.type}'`);
        }
        const b = parseGoBool(value);
        if (b === undefined) throw invalid();
        m.required = b;
        break;
      }
      case 'size':
        if (m.type !== 'tmpfs') throw new Error(`unexpected key '${key}' for mount type '${m.type}'`);
        try {
          m.sizeLimit = ramInBytes(value);
        } catch {
          throw invalid();
        }
        break;
      case 'id':
        m.cacheID = value;
        break;
      case 'sharing': {
        const v = value.toLowerCase();
        if (!(shareModes as readonly string[]).includes(v)) {
          throw new Error(wrapSuggest(`unsupported sharing value ${quote(value)}`, value, shareModes, true));
        }
        m.cacheSharing = v as Mount['cacheSharing'];
        break;
      }
      case 'mode': {
        const n = parseUintOrUndef(value, 8);
        if (n === undefined) throw new Error(`invalid value ${value} for mode`);
        m.mode = n;
        break;
      }
      case 'uid': {
        const n = parseUintOrUndef(value, 10);
        if (n === undefined) throw new Error(`invalid value ${value} for uid`);
        m.uid = n;
        break;
      }
      case 'gid': {
        const n = parseUintOrUndef(value, 10);
        if (n === undefined) throw new Error(`invalid value ${value} for gid`);
        m.gid = n;
        break;
      }
      case 'env':
        m.env = value;
        break;
      default:
        throw new Error(wrapSuggest(`unexpected key '${key}' in '${field}'`, key, allKeys, true));
    }
  }
  const fileInfoAllowed = m.type === 'secret' || m.type === 'ssh' || m.type === 'cache';
  if (!fileInfoAllowed) {
    if (m.mode !== undefined) throw new Error(`mode not allowed for ${quote(m.type)} type mounts`);
    if (m.uid !== undefined) throw new Error(`uid not allowed for ${quote(m.type)} type mounts`);
    if (m.gid !== undefined) throw new Error(`gid not allowed for ${quote(m.type)} type mounts`);
  }
  if (roAuto) m.readOnly = !(m.type === 'cache' || m.type === 'tmpfs');
  if (m.type === 'secret') {
    if (m.from !== '') throw new Error('secret mount should not have a from');
    if (m.cacheSharing !== '') throw new Error('secret mount should not define sharing');
    if (m.source === '' && m.target === '' && m.cacheID === '') {
      throw new Error('invalid secret mount. one of source, target required');
    }
    if (m.source !== '' && m.cacheID !== '') throw new Error("both source and id can't be set");
  }
  if (m.cacheSharing !== '' && m.type !== 'cache')
    throw new Error(`invalid cache sharing set for ${m.type} mount`);
  return m;
}
