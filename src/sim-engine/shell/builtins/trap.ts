/**
 * `trap [action] condition…`: EXIT and signals. Listing prints `trap -- 'action' NAME`.
 */
import { handleSignal, parseSignal, trapName } from '../traps.ts';
import type { Builtin } from './types.ts';

export const trap: Builtin = {
  special: true,
  run(call) {
    const sh = call.sh;
    const state = sh.state;
    let args = call.argv.slice(1);
    if (args[0] === '--') args = args.slice(1);
    if (!args.length || args[0] === '-p') {
      let out = '';
      for (const [name, action] of state.traps) {
        const shown = sh.dialect.name === 'bash' && name !== 'EXIT' ? `SIG${name}` : name;
        out += `trap -- '${action.replace(/'/g, `'\\''`)}' ${shown}\n`;
      }
      call.io.stdout.write(out);
      return 0;
    }
    if (args[0] === '-l') {
      call.io.stdout.write(
        ' 1) SIGHUP\t 2) SIGINT\t 3) SIGQUIT\t 9) SIGKILL\t10) SIGUSR1\t12) SIGUSR2\t15) SIGTERM\n',
      );
      return 0;
    }
    // `trap N…` with a number first resets, as POSIX allows
    let action: string | undefined = args[0];
    let conds = args.slice(1);
    if (args.length === 1 || /^\d+$/.test(args[0]!)) {
      action = undefined;
      conds = args[0] === '-' ? args.slice(1) : args;
    } else if (action === '-') action = undefined;
    let status = 0;
    for (const c of conds) {
      const sig = parseSignal(c);
      if (!sig) {
        const d = sh.dialect.name;
        call.error(d === 'dash' ? `${c}: bad trap` : `${c}: invalid signal specification`);
        status = 1;
        continue;
      }
      const name = trapName(sig);
      if (action === undefined) state.traps.delete(name);
      else state.traps.set(name, action);
      if (sig !== 'EXIT') handleSignal(sh, sig);
    }
    return status;
  },
};
