/**
 * `:`, `true`, `false`, `exit`, `return`, `break`, `continue`, `shift`.
 */
import { BreakSignal, ContinueSignal, ExitSignal, ReturnSignal, ShellAbort } from '../signals.ts';
import type { Builtin, BuiltinCall } from './types.ts';

/**
 * A usage error in a special builtin: bash reports and goes on; dash and ash, when
 * not interactive, exit (POSIX says a special builtin's error ends the shell).
 */
export function specialError(call: BuiltinCall, msg: string, status: number): number {
  call.error(msg);
  if (call.sh.dialect.name !== 'bash' && !call.sh.interactive) throw new ShellAbort(status);
  return status;
}

/** Parse a count argument; undefined (after the dialect's message) when it is not a number. */
export function parseCount(call: BuiltinCall, arg: string): number | undefined {
  // dash and ash take no sign (`exit -1` is an illegal number there)
  const re = call.sh.dialect.name === 'bash' ? /^\s*[+-]?\d+\s*$/ : /^\d+$/;
  if (re.test(arg)) return Number(arg);
  if (call.sh.dialect.name === 'bash') call.error(`${arg}: numeric argument required`);
  else call.error(`Illegal number: ${arg}`);
  return undefined;
}

export const colon: Builtin = { special: true, run: () => 0 };
export const trueBuiltin: Builtin = { run: () => 0 };
export const falseBuiltin: Builtin = { run: () => 1 };

export const exit: Builtin = {
  special: true,
  run(call) {
    const sh = call.sh;
    if (sh.interactive && sh.dialect.name === 'bash') call.io.stderr.write('exit\n');
    const arg = call.argv[1];
    if (arg === undefined) throw new ExitSignal(sh.state.lastStatus);
    const n = parseCount(call, arg);
    if (n === undefined) throw new ExitSignal(2);
    if (call.argv.length > 2 && sh.dialect.name === 'bash') {
      call.error('too many arguments');
      return 1;
    }
    throw new ExitSignal(n & 255);
  },
};

export const returnBuiltin: Builtin = {
  special: true,
  run(call) {
    const sh = call.sh;
    const arg = call.argv[1];
    let status = sh.state.lastStatus;
    if (arg !== undefined) {
      const n = parseCount(call, arg);
      // dash keeps a function's return value whole ($? can be 300)
      status = n === undefined ? 2 : sh.dialect.name === 'dash' ? n : n & 255;
    }
    if (sh.funcDepth === 0 && !sh.sourcing) {
      if (sh.dialect.name === 'bash') {
        call.error("can only `return' from a function or sourced script");
        return 1;
      }
      throw new ExitSignal(status);
    }
    throw new ReturnSignal(status);
  },
};

function loopControl(make: (n: number) => BreakSignal | ContinueSignal): Builtin {
  return {
    special: true,
    run(call) {
      const sh = call.sh;
      let n = 1;
      if (call.argv[1] !== undefined) {
        const v = parseCount(call, call.argv[1]);
        if (v === undefined) {
          if (sh.dialect.name !== 'bash' && !sh.interactive) throw new ShellAbort(2);
          return 1;
        }
        if (v < 1) {
          call.error(sh.dialect.name === 'bash' ? `${v}: loop count out of range` : `Illegal number: ${v}`);
          return 1;
        }
        n = v;
      }
      if (sh.loopDepth === 0) {
        if (sh.dialect.name === 'bash') call.error("only meaningful in a `for', `while', or `until' loop");
        return 0;
      }
      throw make(Math.min(n, sh.loopDepth));
    },
  };
}

export const breakBuiltin = loopControl((n) => new BreakSignal(n));
export const continueBuiltin = loopControl((n) => new ContinueSignal(n));

export const shift: Builtin = {
  special: true,
  run(call) {
    const state = call.sh.state;
    let n = 1;
    if (call.argv[1] !== undefined) {
      const v = parseCount(call, call.argv[1]);
      if (v === undefined) {
        if (call.sh.dialect.name === 'bash') return 1;
        throw new ShellAbort(2);
      }
      n = v;
    }
    if (n > state.positional.length || n < 0) {
      if (call.sh.dialect.name === 'dash') return specialError(call, "can't shift that many", 2);
      return 1;
    }
    state.positional = state.positional.slice(n);
    return 0;
  },
};
