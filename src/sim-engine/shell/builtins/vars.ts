/**
 * `export`, `readonly`, `unset`, `local`, bash's `declare`/`typeset`, and `let`.
 */
import { arithmetic } from '../expand.ts';
import { ReadonlyError } from '../vars.ts';
import { specialError } from './flow.ts';
import type { Builtin, BuiltinCall } from './types.ts';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `declare -x A="v"` (bash) or `export A='v'` (dash, ash). */
function listing(
  call: BuiltinCall,
  keyword: 'export' | 'readonly',
  pick: (v: { exported: boolean; readonly: boolean }) => boolean,
): void {
  const bash = call.sh.dialect.name === 'bash';
  let out = '';
  for (const [name, v] of call.sh.state.vars.entries()) {
    if (!pick(v)) continue;
    if (bash) {
      const flags = (v.readonly ? 'r' : '') + (v.exported ? 'x' : '');
      const value = v.value === undefined ? '' : `="${v.value.replace(/["\\$`]/g, '\\$&')}"`;
      out += `declare -${keyword === 'export' ? flags.replace('r', '') || 'x' : flags}${' '}${name}${value}\n`;
    } else {
      const value = v.value === undefined ? '' : `='${v.value.replace(/'/g, `'"'"'`)}'`;
      out += `${keyword} ${name}${value}\n`;
    }
  }
  call.io.stdout.write(out);
}

function badName(call: BuiltinCall, arg: string): number {
  if (call.sh.dialect.name === 'bash') {
    call.error(`\`${arg}': not a valid identifier`);
    return 1;
  }
  return specialError(call, `${arg.split('=')[0]}: bad variable name`, 2);
}

function readonlyFail(call: BuiltinCall, name: string): number {
  if (call.sh.dialect.name === 'bash') {
    call.error(`${name}: readonly variable`);
    return 1;
  }
  return specialError(call, `${name}: is read only`, 2);
}

function declareEach(
  call: BuiltinCall,
  args: string[],
  apply: (name: string, value: string | undefined) => void,
): number {
  let status = 0;
  for (const arg of args) {
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    if (!NAME.test(name)) {
      status = badName(call, arg);
      continue;
    }
    try {
      apply(name, eq < 0 ? undefined : arg.slice(eq + 1));
    } catch (e) {
      if (!(e instanceof ReadonlyError)) throw e;
      status = readonlyFail(call, name);
    }
  }
  return status;
}

function options(args: string[]): { flags: string; rest: string[] } {
  let flags = '';
  let i = 0;
  for (; i < args.length && /^[-+][a-zA-Z]+$/.test(args[i]!); i++) flags += args[i]!.slice(1);
  if (args[i] === '--') i++;
  return { flags, rest: args.slice(i) };
}

export const exportBuiltin: Builtin = {
  special: true,
  run(call) {
    const { flags, rest } = options(call.argv.slice(1));
    const vars = call.sh.state.vars;
    if (!rest.length) {
      listing(call, 'export', (v) => v.exported);
      return 0;
    }
    if (flags.includes('n')) {
      for (const n of rest) vars.unexport(n);
      return 0;
    }
    return declareEach(call, rest, (name, value) => vars.export(name, value));
  },
};

export const readonlyBuiltin: Builtin = {
  special: true,
  run(call) {
    const { rest } = options(call.argv.slice(1));
    if (!rest.length) {
      listing(call, 'readonly', (v) => v.readonly);
      return 0;
    }
    const vars = call.sh.state.vars;
    return declareEach(call, rest, (name, value) => vars.setReadonly(name, value));
  },
};

export const unset: Builtin = {
  special: true,
  run(call) {
    const { flags, rest } = options(call.argv.slice(1));
    const state = call.sh.state;
    let status = 0;
    for (const name of rest) {
      if (flags.includes('f')) {
        state.functions.delete(name);
        continue;
      }
      const element =
        call.sh.dialect.name === 'bash' ? /^([A-Za-z_][A-Za-z0-9_]*)\[(\d+)\]$/.exec(name) : null;
      if (element) {
        state.vars.unsetElement(element[1]!, Number(element[2]));
        continue;
      }
      if (!NAME.test(name)) {
        if (call.sh.dialect.name !== 'bash') status = specialError(call, `${name}: bad variable name`, 2);
        continue;
      }
      if (!state.vars.entry(name) && !flags.includes('v') && state.functions.has(name)) {
        state.functions.delete(name);
        continue;
      }
      if (!state.vars.unset(name)) {
        if (call.sh.dialect.name === 'bash') {
          call.error(`${name}: cannot unset: readonly variable`);
          status = 1;
        } else status = specialError(call, `${name}: is read only`, 2);
      }
    }
    return status;
  },
};

export const local: Builtin = {
  run(call) {
    const sh = call.sh;
    if (!sh.state.vars.inFunction) {
      if (sh.dialect.name === 'bash') {
        call.error('can only be used in a function');
        return 1;
      }
      return specialError(call, 'not in a function', 2);
    }
    let args = call.argv.slice(1);
    let exported = false;
    if (sh.dialect.name === 'bash') {
      const o = options(args);
      exported = o.flags.includes('x');
      args = o.rest;
    }
    const vars = sh.state.vars;
    return declareEach(call, args, (name, value) => {
      // dash and ash keep the outer value in a new local; bash starts it unset
      const keep = sh.dialect.name === 'bash' ? undefined : vars.get(name);
      vars.local(name, value ?? keep);
      if (exported) vars.export(name);
    });
  },
};

export const declare: Builtin = {
  dialects: ['bash'],
  run(call) {
    const sh = call.sh;
    const { flags, rest } = options(call.argv.slice(1));
    const vars = sh.state.vars;
    if (flags.includes('f') || flags.includes('F')) {
      let status = 0;
      for (const n of rest) if (!sh.state.functions.has(n)) status = 1;
      if (!rest.length)
        for (const n of [...sh.state.functions.keys()].sort()) call.io.stdout.write(`declare -f ${n}\n`);
      return status;
    }
    if (!rest.length || flags.includes('p')) {
      if (rest.length) {
        let status = 0;
        for (const n of rest) {
          const v = vars.entry(n);
          if (!v) {
            call.error(`${n}: not found`);
            status = 1;
            continue;
          }
          const f = (v.array ? 'a' : '') + (v.readonly ? 'r' : '') + (v.exported ? 'x' : '') || '-';
          const q = (x: string) => `"${x.replace(/["\\$`]/g, '\\$&')}"`;
          const value = v.array
            ? `=(${v.array.flatMap((x, i) => (x === undefined ? [] : [`[${i}]=${q(x)}`])).join(' ')})`
            : v.value === undefined
              ? ''
              : `=${q(v.value)}`;
          call.io.stdout.write(`declare -${f} ${n}${value}\n`);
        }
        return status;
      }
      listing(call, 'export', () => true);
      return 0;
    }
    const local = vars.inFunction && !flags.includes('g');
    return declareEach(call, rest, (name, value) => {
      if (local) vars.local(name, value);
      else if (value !== undefined) vars.set(name, value);
      if (flags.includes('a') && !vars.entry(name)?.array) vars.setArray(name, vars.elements(name));
      if (flags.includes('x')) vars.export(name);
      if (flags.includes('r')) vars.setReadonly(name);
    });
  },
};

export const letBuiltin: Builtin = {
  dialects: ['bash', 'busybox'],
  run(call) {
    const args = call.argv.slice(1);
    if (!args.length) {
      call.error('expression expected');
      return 1;
    }
    let last = '0';
    for (const a of args) last = arithmetic(call.sh, a);
    return last === '0' ? 1 : 0;
  },
};
