/**
 * The compile errors learners meet first, found before running as gc finds them:
 * `"os" imported and not used`, `declared and not used: x`, `undefined: x`,
 * `undefined: fmt.Printn`, a missing `func main`. Types are not checked.
 */
import { GoCompileError } from './ast.ts';
import type { Expr, GoFile, Param, Pos, Stmt } from './ast.ts';
import type { GoPackage } from './values.ts';

const PREDECLARED = new Set(
  'true false nil iota len cap append make new panic recover print println delete copy min max close clear string int int8 int16 int32 int64 uint uint8 uint16 uint32 uint64 uintptr float32 float64 complex64 complex128 byte rune bool error any comparable'.split(
    ' ',
  ),
);

interface Local {
  pos: Pos;
  used: boolean;
}

export function check(files: GoFile[], packages: (path: string) => GoPackage | undefined): GoCompileError[] {
  const errors: GoCompileError[] = [];
  const globals = new Set<string>();
  for (const f of files) {
    for (const fn of f.funcs) if (!fn.recv) globals.add(fn.name);
    for (const d of f.decls) {
      if (d.k === 'var') for (const n of d.names) globals.add(n.name);
      if (d.k === 'type') globals.add(d.name);
    }
  }
  for (const file of files) {
    const imports = new Map(file.imports.map((im) => [im.name, { ...im, used: false }]));
    const scopes: Map<string, Local>[] = [];
    const err = (pos: Pos, message: string) => errors.push(new GoCompileError(file.name, pos, message));
    const declare = (name: string, pos: Pos) => {
      if (name !== '_') scopes[scopes.length - 1]!.set(name, { pos, used: false });
    };
    const use = (name: string, pos: Pos) => {
      for (let i = scopes.length - 1; i >= 0; i--) {
        const l = scopes[i]!.get(name);
        if (l) {
          l.used = true;
          return;
        }
      }
      if (globals.has(name) || PREDECLARED.has(name)) return;
      const im = imports.get(name);
      if (im) {
        im.used = true;
        return;
      }
      err(pos, `undefined: ${name}`);
    };
    const push = () => scopes.push(new Map());
    const pop = () => {
      for (const [name, l] of scopes.pop()!) if (!l.used) err(l.pos, `declared and not used: ${name}`);
    };
    const expr = (e: Expr | undefined): void => {
      if (!e) return;
      switch (e.k) {
        case 'ident':
          return use(e.name, e.pos);
        case 'bin':
          expr(e.l);
          return expr(e.r);
        case 'un':
          return expr(e.e);
        case 'call':
          expr(e.fn);
          return e.args.forEach(expr);
        case 'sel': {
          if (
            e.x.k === 'ident' &&
            imports.has(e.x.name) &&
            !scopes.some((s) => s.has(e.x.k === 'ident' ? e.x.name : ''))
          ) {
            const im = imports.get(e.x.name)!;
            im.used = true;
            const pkg = packages(im.path);
            if (pkg && !pkg.members.has(e.name)) err(e.x.pos, `undefined: ${e.x.name}.${e.name}`);
            return;
          }
          return expr(e.x);
        }
        case 'index':
          expr(e.x);
          return expr(e.i);
        case 'slice':
          expr(e.x);
          expr(e.lo);
          return expr(e.hi);
        case 'composite':
          return e.elems.forEach((el) => {
            // struct field names as keys are not uses
            if (!(el.key?.k === 'ident' && e.type.k !== 'map')) expr(el.key);
            expr(el.value);
          });
        case 'func':
          return func(e.params, e.body);
        case 'assert':
          return expr(e.x);
        default:
          return;
      }
    };
    const target = (e: Expr) => {
      // `x = …` is not a use of x; `a[i] = …` and `p.f = …` use a and p
      if (e.k === 'ident') {
        if (e.name === '_') return;
        for (let i = scopes.length - 1; i >= 0; i--) if (scopes[i]!.has(e.name)) return;
        if (!globals.has(e.name)) err(e.pos, `undefined: ${e.name}`);
      } else expr(e);
    };
    const stmt = (s: Stmt): void => {
      switch (s.k) {
        case 'expr':
          return expr(s.e);
        case 'define': {
          s.values.forEach(expr);
          const scope = scopes[scopes.length - 1]!;
          for (const n of s.names) if (!scope.has(n.name)) declare(n.name, n.pos);
          return;
        }
        case 'var':
          s.values.forEach(expr);
          return s.names.forEach((n) => declare(n.name, n.pos));
        case 'assign':
          s.values.forEach(expr);
          if (s.op !== '=') return s.targets.forEach(expr);
          return s.targets.forEach(target);
        case 'incdec':
          return expr(s.target);
        case 'if':
          push();
          if (s.init) stmt(s.init);
          expr(s.cond);
          block(s.then);
          if (s.else) block(s.else);
          return pop();
        case 'for':
          push();
          if (s.init) stmt(s.init);
          expr(s.cond);
          if (s.post) stmt(s.post);
          block(s.body);
          return pop();
        case 'range':
          expr(s.x);
          push();
          for (const v of [s.key, s.value]) {
            if (!v) continue;
            if (s.define && v.k === 'ident') declare(v.name, v.pos);
            else target(v);
          }
          block(s.body);
          return pop();
        case 'switch':
          push();
          if (s.init) stmt(s.init);
          expr(s.tag);
          for (const c of s.cases) {
            c.exprs?.forEach(expr);
            block(c.body);
          }
          return pop();
        case 'return':
          return s.values.forEach(expr);
        case 'block':
          return block(s.body);
        case 'defer':
        case 'go':
          return expr(s.call);
        default:
          return;
      }
    };
    const block = (body: Stmt[]) => {
      push();
      body.forEach(stmt);
      pop();
    };
    const func = (params: Param[], body: Stmt[], recv?: string) => {
      scopes.push(new Map(params.map((p) => [p.name, { pos: { line: 0, col: 0 }, used: true }])));
      if (recv) scopes[scopes.length - 1]!.set(recv, { pos: { line: 0, col: 0 }, used: true });
      block(body);
      scopes.pop();
    };
    for (const d of file.decls) if (d.k === 'var') d.values.forEach(expr);
    for (const fn of file.funcs) func(fn.params, fn.body, fn.recv?.name);
    for (const im of imports.values())
      if (!im.used && im.name !== '_') err(im.pos, `${JSON.stringify(im.path)} imported and not used`);
  }
  if (files[0]?.pkg === 'main' && !files.some((f) => f.funcs.some((fn) => fn.name === 'main' && !fn.recv)))
    errors.push(
      new GoCompileError('', { line: 0, col: 0 }, 'function main is undeclared in the main package'),
    );
  return errors.sort((a, b) =>
    a.file === b.file ? a.pos.line - b.pos.line || a.pos.col - b.pos.col : a.file < b.file ? -1 : 1,
  );
}
