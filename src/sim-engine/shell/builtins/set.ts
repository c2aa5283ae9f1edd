/**
 * `set` (options and positional parameters) and bash's `shopt`.
 */
import type { ShellOptions } from '../state.ts';
import { shellQuote } from './printf.ts';
import { specialError } from './flow.ts';
import type { Builtin, BuiltinCall } from './types.ts';

const LETTERS: Record<string, keyof ShellOptions | undefined> = {
  e: 'errexit',
  x: 'xtrace',
  u: 'nounset',
  f: 'noglob',
  C: 'noclobber',
  a: 'allexport',
  v: 'verbose',
  n: 'noexec',
  // accepted and without effect here
  h: undefined,
  m: undefined,
  b: undefined,
  B: undefined,
  H: undefined,
  P: undefined,
  T: undefined,
  E: undefined,
  k: undefined,
  p: undefined,
  t: undefined,
};

const NAMES: Record<string, keyof ShellOptions | undefined> = {
  errexit: 'errexit',
  xtrace: 'xtrace',
  nounset: 'nounset',
  noglob: 'noglob',
  noclobber: 'noclobber',
  allexport: 'allexport',
  verbose: 'verbose',
  noexec: 'noexec',
  pipefail: 'pipefail',
  monitor: undefined,
  notify: undefined,
  vi: undefined,
  emacs: undefined,
  ignoreeof: undefined,
  hashall: undefined,
  braceexpand: undefined,
  histexpand: undefined,
  history: undefined,
  posix: undefined,
  nolog: undefined,
  interactive: undefined,
};

function illegal(call: BuiltinCall, what: string, name: string): number {
  const d = call.sh.dialect.name;
  if (d === 'bash') {
    if (what === '-o') call.error(`${name}: invalid option name`);
    else {
      call.error(`${name}: invalid option`);
      call.io.stderr.write('set: usage: set [-abefhkmnptuvxBCEHPT] [-o option-name] [--] [-] [arg ...]\n');
    }
    return 2;
  }
  const text = what === '-o' ? `-o ${name}` : name;
  return specialError(
    call,
    d === 'dash' ? `Illegal option ${text}` : `illegal option ${text}`,
    d === 'dash' ? 2 : 1,
  );
}

/** Every option `set -o` lists, in each shell's order; those the simulation keeps map to state. */
const LISTS: Record<'bash' | 'dash' | 'busybox', string[]> = {
  bash: [
    'allexport', 'braceexpand', 'emacs', 'errexit', 'errtrace', 'functrace', 'hashall', 'histexpand', 'history',
    'ignoreeof', 'interactive-comments', 'keyword', 'monitor', 'noclobber', 'noexec', 'noglob', 'nolog', 'notify',
    'nounset', 'onecmd', 'physical', 'pipefail', 'posix', 'privileged', 'verbose', 'vi', 'xtrace',
  ],
  dash: [
    'errexit', 'noglob', 'ignoreeof', 'interactive', 'monitor', 'noexec', 'stdin', 'xtrace', 'verbose', 'vi',
    'emacs', 'noclobber', 'allexport', 'notify', 'nounset', 'privileged', 'nolog', 'debug',
  ],
  busybox: [
    'errexit', 'noglob', 'ignoreeof', 'monitor', 'noexec', 'xtrace', 'verbose', 'noclobber', 'allexport', 'notify',
    'nounset', 'errtrace', 'vi', 'pipefail',
  ],
}; // prettier-ignore

function listOptions(call: BuiltinCall, plus: boolean): void {
  const sh = call.sh;
  const o = sh.state.options;
  const d = sh.dialect.name;
  const alwaysOn = d === 'bash' ? ['braceexpand', 'hashall', 'interactive-comments'] : [];
  const value = (n: string) => {
    const key = NAMES[n];
    if (key) return o[key] as boolean;
    if (n === 'interactive' || n === 'monitor' || n === 'history' || n === 'histexpand')
      return sh.interactive;
    return alwaysOn.includes(n);
  };
  let out = d === 'dash' && !plus ? 'Current option settings\n' : '';
  for (const n of LISTS[d]) {
    const on = value(n);
    if (plus) out += `set ${on ? '-' : '+'}o ${n}\n`;
    else
      out +=
        d === 'bash' ? `${n.padEnd(15)}\t${on ? 'on' : 'off'}\n` : `${n.padEnd(16)}${on ? 'on' : 'off'}\n`;
  }
  call.io.stdout.write(out);
}

export const set: Builtin = {
  special: true,
  run(call) {
    const sh = call.sh;
    const args = call.argv.slice(1);
    if (!args.length) {
      let out = '';
      for (const [name, v] of sh.state.vars.entries()) {
        if (v.value === undefined) continue;
        out += `${name}=${sh.dialect.name === 'bash' ? shellQuote(v.value) : `'${v.value.replace(/'/g, `'\\''`)}'`}\n`;
      }
      call.io.stdout.write(out);
      return 0;
    }
    const o = sh.state.options;
    let i = 0;
    for (; i < args.length; i++) {
      const a = args[i]!;
      if (a === '--') {
        sh.state.positional = args.slice(i + 1);
        return 0;
      }
      if (a === '-' || a === '+') {
        o.xtrace = false;
        o.verbose = false;
        i++;
        break;
      }
      if (!/^[-+]/.test(a)) break;
      const on = a[0] === '-';
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        if (c === 'o') {
          const name = args[i + 1];
          if (name === undefined) {
            listOptions(call, !on);
            return 0;
          }
          i++;
          if (!(name in NAMES) || (name === 'pipefail' && sh.dialect.name === 'dash'))
            return illegal(call, '-o', name);
          const key = NAMES[name];
          if (key) o[key] = on;
          continue;
        }
        if (!(c in LETTERS)) return illegal(call, '-', `${a[0]}${c}`);
        const key = LETTERS[c];
        if (key) o[key] = on;
      }
    }
    if (i < args.length) sh.state.positional = args.slice(i);
    return 0;
  },
};

export const shopt: Builtin = {
  dialects: ['bash'],
  run(call) {
    const args = call.argv.slice(1);
    const sh = call.sh;
    const on = args.includes('-s');
    const off = args.includes('-u');
    const names = args.filter((a) => !a.startsWith('-'));
    for (const n of names) {
      if (n === 'expand_aliases' && (on || off)) sh.state.expandAliases = on;
    }
    if (!on && !off) {
      for (const n of names)
        call.io.stdout.write(
          `${n.padEnd(15)}\t${n === 'expand_aliases' && sh.state.expandAliases ? 'on' : 'off'}\n`,
        );
    }
    return 0;
  },
};
