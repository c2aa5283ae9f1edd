/**
 * Go's fmt.Sprint and Sprintln (fmt/print.go) over the data model of values.ts:
 * which verb does what to which kind, `%v` of slices `[a b]`, maps `map[k:v]` in
 * sorted key order and structs `{a b}`, Stringer/error methods, and the
 * `%!d(string=x)` complaint. Sprintf's format parsing is in fmt-printf.ts.
 */
import { fmtPointer, isPointer } from './fmt-pointer.ts';
import {
  clearFlags,
  type Flags,
  fmtBoolean,
  fmtC,
  fmtFloat,
  fmtInteger,
  fmtQ,
  fmtQc,
  fmtS,
  fmtSx,
  fmtUnicode,
  pad,
} from './fmt-format.ts';
import { elemTypeOf, method, sortedMapEntries, structFields, typeName } from './reflect.ts';
import type { GoComplex } from './values.ts';
import { decodeUtf8 } from './utf8.ts';
import {
  declaredGoType,
  GoNil,
  GoPointer,
  goStructLayout,
  intValue,
  isGoBytes,
  kindOf,
  nilKind,
  NO_VALUE,
  numberValue,
  stringValue,
} from './values.ts';

export class Printer {
  buf = '';
  f: Flags = clearFlags();
  /** set while printing a bad verb's operand, so methods are not called inside */
  erroring = false;
  /**
   * the operand was reached through a pointer that text/template's printableValue
   * already followed: a pointer to a struct prints `{…}`, not `&{…}`
   */
  indirected = false;
  /** the addresses handed out to pointers so far (the same object prints the same one) */
  readonly addresses = new Map<unknown, bigint>();

  badVerb(verb: string, arg: unknown): void {
    this.erroring = true;
    this.buf += '%!' + verb + '(';
    if (arg === null || arg === undefined || arg === NO_VALUE) this.buf += '<nil>';
    else {
      this.buf += typeName(arg) + '=';
      this.printValue(arg, 'v', 0);
    }
    this.buf += ')';
    this.erroring = false;
  }

  /** Stringer and error, for the verbs that print text. */
  handleMethods(arg: unknown, verb: string): boolean {
    if (this.erroring || this.f.sharpV) return false;
    if (!'vsxXq'.includes(verb)) return false;
    const m = method(arg, 'Error') ?? method(arg, 'String');
    if (!m) return false;
    const s = m();
    this.fmtString(typeof s === 'string' ? s : String(s), verb);
    return true;
  }

  fmtString(s: string, verb: string): void {
    switch (verb) {
      case 'v':
        this.buf += this.f.sharpV ? fmtQ(this.f, s) : fmtS(this.f, s);
        return;
      case 's':
        this.buf += fmtS(this.f, s);
        return;
      case 'x':
      case 'X':
        this.buf += fmtSx(this.f, s, verb === 'X');
        return;
      case 'q':
        this.buf += fmtQ(this.f, s);
        return;
      default:
        this.badVerb(verb, s);
    }
  }

  fmtInt(v: bigint, verb: string, arg: unknown): void {
    switch (verb) {
      case 'v':
      case 'd':
        this.buf += fmtInteger(this.f, v, 10, verb);
        return;
      case 'b':
        this.buf += fmtInteger(this.f, v, 2, verb);
        return;
      case 'o':
      case 'O':
        this.buf += fmtInteger(this.f, v, 8, verb);
        return;
      case 'x':
      case 'X':
        this.buf += fmtInteger(this.f, v, 16, verb);
        return;
      case 'c':
        this.buf += fmtC(this.f, v);
        return;
      case 'q':
        this.buf += fmtQc(this.f, v);
        return;
      case 'U':
        this.buf += fmtUnicode(this.f, v);
        return;
      default:
        this.badVerb(verb, arg);
    }
  }

  fmtFloat(v: number, verb: string, arg: unknown): void {
    switch (verb) {
      case 'v':
        this.buf += fmtFloat(this.f, v, 'g', -1);
        return;
      case 'g':
      case 'G':
        this.buf += fmtFloat(this.f, v, verb, -1);
        return;
      case 'f':
      case 'F':
      case 'e':
      case 'E':
        this.buf += fmtFloat(this.f, v, verb === 'F' ? 'f' : verb, 6);
        return;
      default:
        this.badVerb(verb, arg);
    }
  }

  /**
   * `declared` is the Go type the value was found as (a struct field's, a slice's or a
   * map's element type), which says whether it is a pointer when the value cannot.
   */
  printValue(arg: unknown, verb: string, depth: number, declared?: string): void {
    if (this.handleMethods(arg, verb)) return;
    if (isPointer(arg, declared)) {
      // fmt follows a pointer to a struct, slice or map only at the top (`&{…}`), and
      // prints any other pointer, and every pointer inside a value, as its address
      const k = kindOf(arg);
      if (depth > 0 || !(k === 'struct' || k === 'slice' || k === 'map')) return this.fmtPointer(arg, verb);
      if (!this.indirected) this.buf += '&';
      depth++;
    }
    switch (kindOf(arg)) {
      case 'invalid':
        this.buf += depth === 0 ? '<invalid reflect.Value>' : verb === 'v' ? '<nil>' : '';
        if (depth > 0 && verb !== 'v') this.badVerb(verb, null);
        return;
      case 'nil':
        return this.printNil(arg, verb);
      case 'bool':
        if (verb === 'v' || verb === 't') this.buf += fmtBoolean(this.f, arg as boolean);
        else this.badVerb(verb, arg);
        return;
      case 'int':
        return this.fmtInt(intValue(arg), verb, arg);
      case 'float':
        return this.fmtFloat(numberValue(arg), verb, arg);
      case 'complex':
        return this.fmtComplex(arg as GoComplex, verb);
      case 'string':
        return this.fmtString(stringValue(arg), verb);
      case 'func':
        if (verb === 'v' || verb === 'p') this.buf += pad(this.f, '0x0');
        else this.badVerb(verb, arg);
        return;
      case 'slice':
        return this.printSlice(arg as unknown[], verb, depth);
      case 'map':
        return this.printMap(arg, verb, depth);
      case 'struct':
        return this.printStruct(arg as object, verb, depth);
      case 'ptr':
        return this.fmtPointer(arg, verb);
    }
  }

  /** fmt's fmtPointer (fmt-pointer.ts) */
  fmtPointer(arg: unknown, verb: string): void {
    fmtPointer(this, arg, verb);
  }

  printNil(arg: unknown, verb: string): void {
    const k = nilKind(arg);
    if (this.f.sharpV) {
      this.buf += arg instanceof GoNil ? `${arg.type}(nil)` : '<nil>';
      return;
    }
    if (k === 'slice' && verb === 'v') this.buf += '[]';
    else if (k === 'map' && verb === 'v') this.buf += 'map[]';
    else if (verb === 'v') this.buf += pad(this.f, '<nil>');
    else this.badVerb(verb, arg instanceof GoNil ? arg : null);
  }

  fmtComplex(c: GoComplex, verb: string): void {
    if (!'vbgGxXfFeE'.includes(verb)) return this.badVerb(verb, c);
    const wid = this.f.wid;
    const plus = this.f.plus;
    this.buf += '(';
    this.fmtFloat(c.re, verb, c);
    this.f.plus = true;
    this.fmtFloat(c.im, verb, c);
    this.buf += 'i)';
    this.f.plus = plus;
    this.f.wid = wid;
  }

  printSlice(arr: unknown[], verb: string, depth: number): void {
    // fmt's printValue: a []byte under %s %q %x %X is its bytes as a string
    if (isGoBytes(arr) && 'sqxX'.includes(verb)) return this.fmtString(decodeUtf8(arr), verb);
    if (this.f.sharpV) {
      this.buf += typeName(arr) + '{';
      arr.forEach((e, i) => {
        if (i > 0) this.buf += ', ';
        this.printValue(e, verb, depth + 1);
      });
      this.buf += '}';
      return;
    }
    const elem = elemTypeOf(declaredGoType(arr) ?? '');
    this.buf += '[';
    arr.forEach((e, i) => {
      if (i > 0) this.buf += ' ';
      this.printValue(e, verb, depth + 1, elem);
    });
    this.buf += ']';
  }

  printMap(m: unknown, verb: string, depth: number): void {
    const entries = sortedMapEntries(m);
    const elem = elemTypeOf(declaredGoType(m) ?? '');
    this.buf += this.f.sharpV ? typeName(m) + '{' : 'map[';
    entries.forEach(([k, v], i) => {
      if (i > 0) this.buf += this.f.sharpV ? ', ' : ' ';
      this.printValue(k, verb, depth + 1);
      this.buf += ':';
      this.printValue(v, verb, depth + 1, elem);
    });
    this.buf += this.f.sharpV ? '}' : ']';
  }

  printStruct(obj: object, verb: string, depth: number): void {
    if (this.f.sharpV) this.buf += typeName(obj);
    const types = new Map(goStructLayout(obj)?.fields.map((f) => [f.name, f.type]));
    this.buf += '{';
    structFields(obj).forEach(([name, v], i) => {
      if (i > 0) this.buf += this.f.sharpV ? ', ' : ' ';
      if (this.f.plusV || this.f.sharpV) this.buf += name + ':';
      this.printValue(v, verb, depth + 1, types.get(name));
    });
    this.buf += '}';
  }

  printArg(arg: unknown, verb: string): void {
    if (arg === null || arg === undefined) {
      if (verb === 'v' || verb === 'T') this.buf += pad(this.f, '<nil>');
      else this.badVerb(verb, null);
      return;
    }
    if (verb === 'T') {
      this.buf += fmtS(this.f, typeName(arg));
      return;
    }
    this.printValue(arg, verb, 0);
  }
}

/** fmt.Sprint: spaces between operands when neither side is a string. */
export function sprint(...args: unknown[]): string {
  const p = new Printer();
  let prevString = false;
  args.forEach((arg, i) => {
    const isString = arg !== null && arg !== undefined && kindOf(arg) === 'string';
    if (i > 0 && !isString && !prevString) p.buf += ' ';
    p.printArg(arg, 'v');
    prevString = isString;
  });
  return p.buf;
}

/**
 * What text/template prints for a value (exec.go printValue): fmt.Sprint of it after
 * printableValue followed a pointer, so a pointer to a struct prints as the struct.
 */
export function sprintIndirect(v: unknown): string {
  const p = new Printer();
  p.indirected = true;
  p.printArg(v instanceof GoPointer ? v.elem : v, 'v');
  return p.buf;
}

/** fmt.Sprintln: always spaces, and a newline. */
export function sprintln(...args: unknown[]): string {
  const p = new Printer();
  args.forEach((arg, i) => {
    if (i > 0) p.buf += ' ';
    p.printArg(arg, 'v');
  });
  return p.buf + '\n';
}

/** `%v` of one value, as templates print it. */
export function formatValue(v: unknown): string {
  return sprintIndirect(v);
}
