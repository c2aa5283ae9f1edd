/**
 * `umask`, `history`, `getopts`, `times`.
 */
import type { Builtin } from './types.ts';

function symbolic(mask: number): string {
  const part = (shift: number) => {
    const bits = ~mask >> shift;
    return (bits & 4 ? 'r' : '') + (bits & 2 ? 'w' : '') + (bits & 1 ? 'x' : '');
  };
  return `u=${part(6)},g=${part(3)},o=${part(0)}`;
}

export const umask: Builtin = {
  run(call) {
    const state = call.sh.state;
    const args = call.argv.slice(1);
    const symbolicOut = args[0] === '-S';
    const value = args.filter((a) => a !== '-S' && a !== '-p')[0];
    if (value === undefined) {
      call.io.stdout.write(
        symbolicOut ? `${symbolic(state.umask)}\n` : `${state.umask.toString(8).padStart(4, '0')}\n`,
      );
      return 0;
    }
    if (!/^[0-7]{1,4}$/.test(value)) {
      call.error(
        call.sh.dialect.name === 'bash' ? `${value}: octal number out of range` : `Illegal number: ${value}`,
      );
      return 1;
    }
    state.umask = parseInt(value, 8);
    return 0;
  },
};

export const history: Builtin = {
  dialects: ['bash', 'busybox'],
  run(call) {
    const h = call.sh.state.history;
    if (call.argv[1] === '-c') {
      h.length = 0;
      return 0;
    }
    let out = '';
    h.forEach((line, i) => (out += `${String(i + 1).padStart(5)}  ${line}\n`));
    call.io.stdout.write(out);
    return 0;
  },
};

export const getopts: Builtin = {
  run(call) {
    const sh = call.sh;
    const vars = sh.state.vars;
    const [optstring, name, ...given] = call.argv.slice(1);
    if (optstring === undefined || name === undefined) {
      call.error('usage: getopts optstring name [arg ...]');
      return 2;
    }
    const args = given.length ? given : sh.state.positional;
    let optind = Number(vars.get('OPTIND') ?? '1') || 1;
    const pos = sh.getoptsOffset;
    const arg = args[optind - 1];
    const silent = optstring.startsWith(':');
    const done = () => {
      sh.setVar(name, '?');
      sh.getoptsOffset = 1;
      return 1;
    };
    if (arg === undefined || !arg.startsWith('-') || arg === '-') return done();
    if (arg === '--') {
      sh.setVar('OPTIND', String(optind + 1));
      return done();
    }
    const c = arg[pos]!;
    let next = pos + 1;
    const advance = () => {
      if (next >= arg.length) {
        optind++;
        next = 1;
      }
    };
    const i = optstring.indexOf(c);
    if (c === ':' || i < 0) {
      if (silent) sh.setVar('OPTARG', c);
      else {
        vars.unset('OPTARG');
        call.io.stderr.write(`${sh.state.arg0}: illegal option -- ${c}\n`);
      }
      sh.setVar(name, '?');
      advance();
    } else if (optstring[i + 1] === ':') {
      let value: string | undefined;
      if (next < arg.length) value = arg.slice(next);
      else value = args[optind];
      if (value === undefined) {
        optind++;
        if (silent) {
          sh.setVar(name, ':');
          sh.setVar('OPTARG', c);
        } else {
          call.io.stderr.write(`${sh.state.arg0}: option requires an argument -- ${c}\n`);
          sh.setVar(name, '?');
        }
      } else {
        optind += next < arg.length ? 1 : 2;
        sh.setVar('OPTARG', value);
        sh.setVar(name, c);
      }
      next = 1;
    } else {
      sh.setVar(name, c);
      vars.unset('OPTARG');
      advance();
    }
    sh.getoptsOffset = next;
    sh.setVar('OPTIND', String(optind));
    return 0;
  },
};

export const times: Builtin = {
  run(call) {
    call.io.stdout.write('0m0.000s 0m0.000s\n0m0.000s 0m0.000s\n');
    return 0;
  },
};
