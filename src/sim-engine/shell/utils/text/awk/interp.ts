/**
 * Running an awk program: records and fields, the special variables (NR NF FNR FS
 * OFS ORS FILENAME SUBSEP RSTART RLENGTH CONVFMT OFMT ENVIRON ARGC ARGV), patterns
 * and ranges, user functions, the built-in functions, printf, and output redirected
 * to files. Control flow (next, exit, return, break, continue) travels as exceptions.
 */
import type { FileSystem } from '../../../../fs/types.ts';
import { translateRegex } from '../../support/regex.ts';
import type { Expr, LValue, Program, Redirect, Stmt } from './ast.ts';
import {
  AwkRuntimeError,
  compare,
  looksNumeric,
  sprintf,
  strnum,
  toNum,
  toStr,
  truthy,
  UNINIT,
} from './values.ts';

export { AwkRuntimeError };
import type { Val } from './values.ts';
import { callBuiltin } from './builtins.ts';

class Next {}
class NextFile {}
class Break {}
class Continue {}
export class Exit {
  readonly code: number;
  constructor(code: number) {
    this.code = code;
  }
}
class Return {
  readonly value: Val;
  constructor(value: Val) {
    this.value = value;
  }
}

type Arr = Map<string, Val>;

export interface Io {
  fs: FileSystem;
  resolve(path: string): string;
  write(text: string): void;
  random(): number;
}

export class Interpreter {
  readonly vars = new Map<string, Val>();
  readonly arrays = new Map<string, Arr>();
  private frames: Map<string, Val | Arr>[] = [];
  private record = '';
  private fields: string[] | undefined = [];
  private nf = 0;
  private readonly regexCache = new Map<string, RegExp>();
  private readonly outputs = new Map<string, string>();
  readonly readers = new Map<string, { lines: string[]; at: number }>();
  private readonly ranges = new Map<number, boolean>();
  seed = 0;
  readonly prog: Program;
  readonly io: Io;

  constructor(prog: Program, io: Io, options: { strictDivision?: boolean } = {}) {
    this.prog = prog;
    this.io = io;
    strictDivision = options.strictDivision ?? false;
    for (const [k, v] of Object.entries({
      FS: ' ',
      OFS: ' ',
      ORS: '\n',
      RS: '\n',
      SUBSEP: '\x1c',
      CONVFMT: '%.6g',
      OFMT: '%.6g',
      FILENAME: '',
    }))
      this.vars.set(k, v);
    for (const k of ['NR', 'FNR', 'RSTART', 'RLENGTH']) this.vars.set(k, 0);
    this.vars.set('RLENGTH', -1);
  }

  // --- records and fields -------------------------------------------------------

  /** $0 */
  get currentRecord(): string {
    return this.record;
  }

  setRecord(text: string): void {
    this.record = text;
    this.fields = undefined;
  }

  private split(): string[] {
    if (this.fields) return this.fields;
    this.fields = this.splitText(this.record, toStr(this.get('FS')));
    this.nf = this.fields.length;
    return this.fields;
  }

  splitText(text: string, fs: string): string[] {
    if (text === '') return [];
    if (fs === ' ') return text.split(/[ \t\n]+/).filter((f) => f !== '');
    if (fs.length === 1 && fs !== '\\') return text.split(fs === '\t' ? '\t' : fs);
    return text.split(this.regex(fs));
  }

  private getField(i: number): Val {
    if (i === 0) return strnum(this.record);
    if (i < 0) throw new AwkRuntimeError(`trying to access out of range field ${i}`);
    const f = this.split()[i - 1];
    return f === undefined ? UNINIT : strnum(f);
  }

  private setField(i: number, value: string): void {
    if (i === 0) {
      this.setRecord(value);
      return;
    }
    const fields = this.split();
    while (fields.length < i) fields.push('');
    fields[i - 1] = value;
    this.nf = fields.length;
    this.record = fields.join(toStr(this.get('OFS')));
  }

  private setNF(n: number): void {
    const fields = this.split();
    fields.length = Math.max(0, n);
    for (let i = 0; i < fields.length; i++) fields[i] ??= '';
    this.nf = fields.length;
    this.record = fields.join(toStr(this.get('OFS')));
  }

  // --- variables ----------------------------------------------------------------

  frameOf(name: string): Map<string, Val | Arr> | undefined {
    const f = this.frames.at(-1);
    return f && f.has(name) ? f : undefined;
  }

  get(name: string): Val {
    const f = this.frameOf(name);
    if (f) {
      const v = f.get(name)!;
      if (v instanceof Map) throw new AwkRuntimeError(`can't use array ${name} in scalar context`);
      return v;
    }
    if (name === 'NF') return this.split().length;
    return this.vars.get(name) ?? UNINIT;
  }

  set(name: string, value: Val): void {
    const f = this.frameOf(name);
    if (f) f.set(name, value);
    else if (name === 'NF') this.setNF(Math.trunc(toNum(value)));
    else this.vars.set(name, value);
  }

  array(name: string): Arr {
    const f = this.frameOf(name);
    if (f) {
      let v = f.get(name)!;
      if (!(v instanceof Map)) {
        v = new Map();
        f.set(name, v);
      }
      return v;
    }
    let a = this.arrays.get(name);
    if (!a) {
      a = new Map();
      this.arrays.set(name, a);
    }
    return a;
  }

  private key(subs: Expr[]): string {
    return subs.map((s) => toStr(this.eval(s), toStr(this.get('CONVFMT')))).join(toStr(this.get('SUBSEP')));
  }

  assignTo(target: LValue, value: Val): Val {
    if (target.k === 'var') this.set(target.name, value);
    else if (target.k === 'field')
      this.setField(Math.trunc(toNum(this.eval(target.e))), toStr(value, toStr(this.get('CONVFMT'))));
    else this.array(target.name).set(this.key(target.subs), value);
    return value;
  }

  read(target: LValue): Val {
    if (target.k === 'var') return this.get(target.name);
    if (target.k === 'field') return this.getField(Math.trunc(toNum(this.eval(target.e))));
    const arr = this.array(target.name);
    const k = this.key(target.subs);
    if (!arr.has(k)) arr.set(k, UNINIT);
    return arr.get(k)!;
  }

  // --- regular expressions --------------------------------------------------------

  regex(source: string): RegExp {
    let re = this.regexCache.get(source);
    if (!re) {
      const r = translateRegex(source, true);
      if (!r.ok) throw new AwkRuntimeError(`regular expression compile failed (${r.error})\n${source}`);
      re = new RegExp(r.source);
      this.regexCache.set(source, re);
    }
    return re;
  }

  reOf(e: Expr): RegExp {
    return e.k === 're' ? this.regex(e.src) : this.regex(toStr(this.eval(e)));
  }

  // --- expressions ----------------------------------------------------------------

  eval(e: Expr): Val {
    switch (e.k) {
      case 'num':
        return e.v;
      case 'str':
        return e.v;
      case 're':
        return this.regex(e.src).test(this.record) ? 1 : 0;
      case 'var':
      case 'field':
      case 'index':
        return this.read(e);
      case 'group':
        return this.eval(e.e);
      case 'assign': {
        if (e.op === '=') {
          const v = this.eval(e.e);
          return this.assignTo(e.target, typeof v === 'object' && v.uninit ? UNINIT : v);
        }
        const b = toNum(this.eval(e.e));
        const a = toNum(this.read(e.target));
        return this.assignTo(e.target, arith(e.op.slice(0, 1), a, b));
      }
      case 'cond':
        return truthy(this.eval(e.c)) ? this.eval(e.a) : this.eval(e.b);
      case 'or':
        return truthy(this.eval(e.a)) || truthy(this.eval(e.b)) ? 1 : 0;
      case 'and':
        return truthy(this.eval(e.a)) && truthy(this.eval(e.b)) ? 1 : 0;
      case 'in':
        return this.array(e.name).has(this.key(e.subs)) ? 1 : 0;
      case 'match': {
        const hit = this.reOf(e.re).test(toStr(this.eval(e.a)));
        return hit !== e.neg ? 1 : 0;
      }
      case 'not':
        return truthy(this.eval(e.e)) ? 0 : 1;
      case 'neg':
        return -toNum(this.eval(e.e));
      case 'plus':
        return toNum(this.eval(e.e));
      case 'incdec': {
        const old = toNum(this.read(e.target));
        const v = e.op === '++' ? old + 1 : old - 1;
        this.assignTo(e.target, v);
        return e.prefix ? v : old;
      }
      case 'bin': {
        if (e.op === ' ')
          return (
            toStr(this.eval(e.a), toStr(this.get('CONVFMT'))) +
            toStr(this.eval(e.b), toStr(this.get('CONVFMT')))
          );
        const a = this.eval(e.a);
        const b = this.eval(e.b);
        switch (e.op) {
          case '<':
            return compare(a, b) < 0 ? 1 : 0;
          case '<=':
            return compare(a, b) <= 0 ? 1 : 0;
          case '>':
            return compare(a, b) > 0 ? 1 : 0;
          case '>=':
            return compare(a, b) >= 0 ? 1 : 0;
          case '==':
            return compare(a, b) === 0 ? 1 : 0;
          case '!=':
            return compare(a, b) !== 0 ? 1 : 0;
          default:
            return arith(e.op, toNum(a), toNum(b));
        }
      }
      case 'call':
        return this.call(e.name, e.args);
      case 'builtin':
        return callBuiltin(this, e.name, e.args);
      case 'getline':
        return this.getline(e.target, e.file);
    }
  }

  private getline(target: LValue | undefined, file: Expr | undefined): Val {
    if (!file) return 0; // Differs from awk: getline from the main input is not supported
    const name = toStr(this.eval(file));
    let reader = this.readers.get(name);
    if (!reader) {
      try {
        const text = name === '-' || name === '/dev/stdin' ? '' : this.io.fs.readFile(this.io.resolve(name));
        reader = { lines: text.split('\n'), at: 0 };
        if (reader.lines.at(-1) === '') reader.lines.pop();
      } catch {
        return -1;
      }
      this.readers.set(name, reader);
    }
    if (reader.at >= reader.lines.length) return 0;
    const line = reader.lines[reader.at++]!;
    if (target) this.assignTo(target, strnum(line));
    else {
      this.setRecord(line);
      this.vars.set('NR', toNum(this.get('NR')) + 1);
    }
    return 1;
  }

  private call(name: string, args: Expr[]): Val {
    const fn = this.prog.funcs.get(name);
    if (!fn) throw new AwkRuntimeError(`function ${name} never defined`);
    const frame = new Map<string, Val | Arr>();
    fn.params.forEach((p, i) => {
      const arg = args[i];
      if (arg === undefined) {
        frame.set(p, UNINIT);
        return;
      }
      // arrays pass by reference
      if (
        arg.k === 'var' &&
        (this.arrays.has(arg.name) || this.frameOf(arg.name)?.get(arg.name) instanceof Map)
      )
        frame.set(p, this.array(arg.name));
      else frame.set(p, this.eval(arg));
    });
    this.frames.push(frame);
    if (this.frames.length > 1000) throw new AwkRuntimeError('function call nesting too deep');
    try {
      this.exec(fn.body);
      return UNINIT;
    } catch (signal) {
      if (signal instanceof Return) return signal.value;
      throw signal;
    } finally {
      this.frames.pop();
    }
  }

  // --- statements -----------------------------------------------------------------

  exec(body: Stmt[]): void {
    for (const s of body) this.stmt(s);
  }

  private output(text: string, redirect: Redirect | undefined): void {
    if (!redirect) {
      this.io.write(text);
      return;
    }
    const name = toStr(this.eval(redirect.e));
    if (redirect.op === '|') throw new AwkRuntimeError('output to a pipe is not supported in this simulator');
    if (name === '/dev/stdout' || name === '-') return this.io.write(text);
    if (name === '/dev/stderr') throw new AwkRuntimeError(text.replace(/\n$/, ''));
    const path = this.io.resolve(name);
    const first = !this.outputs.has(path);
    this.outputs.set(path, '');
    this.io.fs.writeFile(path, text, { append: !(first && redirect.op === '>') });
  }

  private stmt(s: Stmt): void {
    switch (s.k) {
      case 'print': {
        const ofs = toStr(this.get('OFS'));
        const ofmt = toStr(this.get('OFMT'));
        const text =
          s.args.length === 0 ? this.record : s.args.map((a) => toStr(this.eval(a), ofmt)).join(ofs);
        this.output(text + toStr(this.get('ORS')), s.redirect);
        return;
      }
      case 'printf': {
        if (s.args.length === 0) throw new AwkRuntimeError('printf: no format');
        const [fmt, ...rest] = s.args.map((a) => this.eval(a));
        this.output(sprintf(toStr(fmt!), rest), s.redirect);
        return;
      }
      case 'expr':
        this.eval(s.e);
        return;
      case 'if':
        if (truthy(this.eval(s.c))) this.stmt(s.then);
        else if (s.else) this.stmt(s.else);
        return;
      case 'while':
        while (truthy(this.eval(s.c))) if (this.loopBody(s.body)) break;
        return;
      case 'do':
        do {
          if (this.loopBody(s.body)) break;
        } while (truthy(this.eval(s.c)));
        return;
      case 'for':
        if (s.init) this.eval(s.init);
        while (!s.c || truthy(this.eval(s.c))) {
          if (this.loopBody(s.body)) break;
          if (s.step) this.eval(s.step);
        }
        return;
      case 'forin':
        for (const k of [...this.array(s.arr).keys()]) {
          this.set(s.v, looksNumeric(strnum(k)) ? strnum(k) : k);
          if (this.loopBody(s.body)) break;
        }
        return;
      case 'block':
        this.exec(s.body);
        return;
      case 'next':
        throw new Next();
      case 'nextfile':
        throw new NextFile();
      case 'break':
        throw new Break();
      case 'continue':
        throw new Continue();
      case 'exit':
        throw new Exit(s.e ? Math.trunc(toNum(this.eval(s.e))) : 0);
      case 'return':
        throw new Return(s.e ? this.eval(s.e) : UNINIT);
      case 'delete':
        if (s.subs) this.array(s.name).delete(this.key(s.subs));
        else this.array(s.name).clear();
        return;
    }
  }

  /** Run a loop body; true when it broke out. */
  private loopBody(body: Stmt): boolean {
    try {
      this.stmt(body);
    } catch (signal) {
      if (signal instanceof Break) return true;
      if (signal instanceof Continue) return false;
      throw signal;
    }
    return false;
  }

  // --- the program ----------------------------------------------------------------

  runBegin(): void {
    for (const item of this.prog.items) if (item.pattern.k === 'begin') this.exec(item.action ?? []);
  }

  runEnd(): void {
    for (const item of this.prog.items) if (item.pattern.k === 'end') this.exec(item.action ?? []);
  }

  get hasMain(): boolean {
    return this.prog.items.some((i) => i.pattern.k !== 'begin');
  }

  /** Process one input record. Returns 'nextfile' when the program asked to skip the file. */
  runRecord(line: string): 'ok' | 'nextfile' {
    this.setRecord(line);
    this.vars.set('NR', toNum(this.get('NR')) + 1);
    this.vars.set('FNR', toNum(this.get('FNR')) + 1);
    try {
      this.prog.items.forEach((item, index) => {
        const p = item.pattern;
        let hit: boolean;
        if (p.k === 'begin' || p.k === 'end') return;
        if (p.k === 'all') hit = true;
        else if (p.k === 'expr') hit = truthy(this.eval(p.e));
        else {
          const active = this.ranges.get(index) ?? false;
          if (active) {
            hit = true;
            if (truthy(this.eval(p.to))) this.ranges.set(index, false);
          } else if (truthy(this.eval(p.from))) {
            hit = true;
            this.ranges.set(index, !truthy(this.eval(p.to)));
          } else hit = false;
        }
        if (!hit) return;
        if (item.action) this.exec(item.action);
        else this.io.write(this.record + toStr(this.get('ORS')));
      });
    } catch (signal) {
      if (signal instanceof Next) return 'ok';
      if (signal instanceof NextFile) return 'nextfile';
      throw signal;
    }
    return 'ok';
  }
}

/** BusyBox stops on a division by zero; mawk yields inf or nan. */
let strictDivision = false;

function arith(op: string, a: number, b: number): number {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      if (b === 0 && strictDivision) throw new AwkRuntimeError('Division by zero');
      return a / b;
    case '%':
      if (b === 0 && strictDivision) throw new AwkRuntimeError('Division by zero');
      return a % b;
    case '^':
      return a ** b;
    default:
      return 0;
  }
}
