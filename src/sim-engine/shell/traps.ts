/**
 * Traps. A trapped signal is noted when it arrives and its action runs between
 * commands (after the foreground command ends, or at once if the shell is in
 * `wait`), as in real shells — so a container's PID-1 shell that traps TERM runs its
 * cleanup and exits on `docker stop`. An untrapped signal keeps the kernel's default
 * (and PID 1 ignores it).
 */
import { SIGNAL_NUMBERS, type SignalName } from '../process/types.ts';
import type { Interp } from './interp.ts';
import { runSource } from './run-source.ts';

/** Signal names `trap` and `kill` accept, without the SIG prefix, by number too. */
export function parseSignal(spec: string): SignalName | 'EXIT' | undefined {
  const s = spec.toUpperCase();
  if (s === 'EXIT' || s === '0') return 'EXIT';
  if (/^\d+$/.test(s)) {
    const n = Number(s);
    return (Object.keys(SIGNAL_NUMBERS) as SignalName[]).find((k) => SIGNAL_NUMBERS[k] === n);
  }
  const name = (s.startsWith('SIG') ? s : `SIG${s}`) as SignalName;
  return name in SIGNAL_NUMBERS ? name : undefined;
}

/** The name a trap is listed under: `EXIT`, `INT`, `TERM`. */
export function trapName(sig: SignalName | 'EXIT'): string {
  return sig === 'EXIT' ? 'EXIT' : sig.slice(3);
}

/** Ask the kernel for `sig`, once per process; the handler reads the traps when it fires. */
export function handleSignal(sh: Interp, sig: SignalName): void {
  const proc = sh.proc;
  if (proc.handled.has(sig) || sig === 'SIGKILL' || sig === 'SIGSTOP') return;
  proc.handled.add(sig);
  sh.ctx.onSignal(sig, () => {
    const root = proc.root;
    const action = root.state.traps.get(trapName(sig));
    if (action === '') return;
    if (action !== undefined) {
      proc.pendingTraps.push(sig);
      proc.wakeWait?.();
      return;
    }
    if (root.interactive && (sig === 'SIGINT' || sig === 'SIGTERM' || sig === 'SIGQUIT')) {
      root.interrupt(sig);
      return;
    }
    // the default action, as if no handler had been set (PID 1 ignores what it does not handle)
    if (sh.ctx.pid !== 1 && sig !== 'SIGWINCH' && sig !== 'SIGCONT') sh.ctx.exit(128 + SIGNAL_NUMBERS[sig]);
  });
}

/** Run the actions of the signals that arrived. */
export async function runTraps(sh: Interp): Promise<void> {
  const pending = sh.proc.pendingTraps.splice(0);
  for (const sig of pending) {
    const action = sh.state.traps.get(trapName(sig));
    if (action) await runTrapAction(sh, action, sh.state.lastStatus);
  }
}

/** Run a trap's action; `$?` is the status before it, and comes back after it. */
export async function runTrapAction(sh: Interp, action: string, status: number): Promise<void> {
  sh.state.lastStatus = status;
  await runSource(sh, action, sh.io);
  sh.state.lastStatus = status;
}
