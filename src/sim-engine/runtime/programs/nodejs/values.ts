/**
 * The JavaScript subset's values: primitives as themselves; objects, arrays,
 * functions, promises and errors as host classes with their own property maps (so
 * nothing of the host's prototypes leaks in); and util.inspect, as console.log
 * prints values.
 */
import type { Fn } from './ast.ts';

export type JsValue = undefined | null | boolean | number | string | JsObject;

export class JsObject {
  readonly props = new Map<string, JsValue>();
  proto: JsObject | null;
  /** `Error`, `Date`, `RegExp`…: how inspect and instanceof see it */
  className: string;
  getters?: Map<string, JsFunction>;
  native?: unknown;
  constructor(proto: JsObject | null = null, className = 'Object') {
    this.proto = proto;
    this.className = className;
  }
  get(key: string): JsValue {
    return this.props.has(key) ? this.props.get(key) : this.proto?.get(key);
  }
  has(key: string): boolean {
    return this.props.has(key) || (this.proto?.has(key) ?? false);
  }
}

export class JsArray extends JsObject {
  items: JsValue[];
  constructor(items: JsValue[] = []) {
    super(null, 'Array');
    this.items = items;
  }
}

export type Call = (thisArg: JsValue, args: JsValue[], newTarget?: JsFunction) => Promise<JsValue> | JsValue;

export class JsFunction extends JsObject {
  readonly name: string;
  readonly call: Call;
  readonly decl?: Fn;
  isClass = false;
  constructor(name: string, call: Call, decl?: Fn) {
    super(null, 'Function');
    this.name = name;
    this.call = call;
    if (decl) this.decl = decl;
  }
}

export class JsPromise extends JsObject {
  readonly promise: Promise<JsValue>;
  settled: { value: JsValue } | undefined;
  /** whether something awaits it or chained a handler (else its rejection is unhandled) */
  handled = false;
  constructor(promise: Promise<JsValue>, onUnhandled?: (p: JsPromise, e: unknown) => void) {
    super(null, 'Promise');
    this.promise = promise;
    promise.then(
      (value) => (this.settled = { value }),
      (e: unknown) => {
        if (!this.handled) onUnhandled?.(this, e);
      },
    );
  }
}

/** A JavaScript exception travelling through the host's stack. */
export class JsThrow extends Error {
  readonly value: JsValue;
  /** where it was thrown (line, column), for the uncaught-exception report */
  loc?: { line: number; col: number; file?: string };
  constructor(value: JsValue, loc?: { line: number; col: number; file?: string }) {
    super('JsThrow');
    this.value = value;
    if (loc) this.loc = loc;
  }
}

export function typeOf(v: JsValue): string {
  if (v === null) return 'object';
  if (v instanceof JsFunction) return 'function';
  if (v instanceof JsObject) return 'object';
  return typeof v;
}

export function truthy(v: JsValue): boolean {
  return !(v === undefined || v === null || v === false || v === 0 || v === '' || Number.isNaN(v));
}

export function toStr(v: JsValue): string {
  if (v === undefined) return 'undefined';
  if (v === null) return 'null';
  if (typeof v === 'number') return Object.is(v, -0) ? '0' : String(v);
  if (typeof v !== 'object') return String(v);
  if (v instanceof JsArray)
    return v.items.map((x) => (x === null || x === undefined ? '' : toStr(x))).join(',');
  if (v instanceof JsFunction) return `function ${v.name}() { [native code] }`;
  if (v.className === 'Error' || v.props.has('message'))
    return `${toStr(v.get('name') ?? 'Error')}${v.get('message') ? `: ${toStr(v.get('message'))}` : ''}`;
  if (v.className === 'Date') return isoString(v.native as number);
  if (v.className === 'RegExp') return String(v.native);
  return '[object Object]';
}

export function isoString(ms: number): string {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const days = Math.floor(ms / 86400000);
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const rest = ms - days * 86400000;
  return `${y}-${pad(m)}-${pad(d)}T${pad(Math.floor(rest / 3600000))}:${pad(Math.floor(rest / 60000) % 60)}:${pad(Math.floor(rest / 1000) % 60)}.${pad(rest % 1000, 3)}Z`;
}

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function quote(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  return q + s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(new RegExp(q, 'g'), `\\${q}`) + q;
}

/** util.inspect with Node's defaults (depth 2, single-line up to ~72 columns). */
export function inspect(v: JsValue, depth = 0, indent = 0, seen: Set<JsObject> = new Set()): string {
  if (typeof v === 'string') return depth === 0 ? v : quote(v);
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  if (v === undefined) return 'undefined';
  if (v === null) return 'null';
  if (typeof v === 'boolean') return String(v);
  if (seen.has(v)) return '[Circular *1]';
  if (v instanceof JsFunction)
    return v.isClass ? `[class ${v.name}]` : `[Function: ${v.name || '(anonymous)'}]`;
  if (v instanceof JsPromise)
    return v.settled
      ? `Promise { ${inspect(v.settled.value, depth + 1, indent, seen)} }`
      : 'Promise { <pending> }';
  if (v.className === 'Date') return isoString(v.native as number);
  if (v.className === 'RegExp') return String(v.native);
  const nested = (x: JsValue) =>
    typeof x === 'string' ? quote(x) : inspect(x, depth + 1, indent + 2, new Set([...seen, v]));
  if (v.props.has('stack') && typeof v.get('stack') === 'string') {
    // an error: its stack, then its other own properties (code, errno…)
    const extra = [...v.props].filter(([k]) => k !== 'stack' && k !== 'message' && !/^[\0#]/.test(k));
    const stack = v.get('stack') as string;
    if (!extra.length) return stack;
    return `${stack} {\n${extra.map(([k, x]) => `${' '.repeat(indent + 2)}${k}: ${nested(x)}`).join(',\n')}\n${' '.repeat(indent)}}`;
  }
  let entries: string[];
  let open: string;
  let close = '}';
  if (v instanceof JsArray) {
    if (depth > 2) return '[Array]';
    entries = v.items.map(nested);
    [open, close] = ['[', ']'];
    if (!entries.length) return '[]';
  } else {
    if (depth > 2) return '[Object]';
    entries = [...v.props]
      .filter(([k]) => !/^[\0#]/.test(k))
      .map(([k, x]) => `${IDENT.test(k) ? k : quote(k)}: ${nested(x)}`);
    const prefix = v.className !== 'Object' && v.className !== 'Error' ? `${v.className} ` : '';
    if (!entries.length) return `${prefix}{}`;
    open = `${prefix}{`;
  }
  const single = `${open} ${entries.join(', ')} ${close}`;
  if (!entries.some((e) => e.includes('\n')) && single.length + indent <= 72) return single;
  const pad = ' '.repeat(indent + 2);
  return `${open}\n${entries.map((e) => pad + e).join(',\n')}\n${' '.repeat(indent)}${close}`;
}
