/**
 * What a signal does to a process that has no handler for it (signal(7)'s "default
 * action"), and the names signals go by on command lines.
 */
import { SIGNAL_NUMBERS } from './types.ts';
import type { SignalName } from './types.ts';

export type DefaultAction = 'terminate' | 'ignore' | 'stop' | 'continue';

export const DEFAULT_ACTIONS: Record<SignalName, DefaultAction> = {
  SIGHUP: 'terminate',
  SIGINT: 'terminate',
  // Core-dumping signals end the process like the others here: no core files.
  SIGQUIT: 'terminate',
  SIGKILL: 'terminate',
  SIGUSR1: 'terminate',
  SIGUSR2: 'terminate',
  SIGTERM: 'terminate',
  SIGSTOP: 'stop',
  SIGCONT: 'continue',
  SIGWINCH: 'ignore',
};

/** The status a shell reports for a process killed by `signal` (SIGKILL → 137). */
export function killedStatus(signal: SignalName): number {
  return 128 + SIGNAL_NUMBERS[signal];
}

/** SIGPIPE is not a SignalName (nothing sends or handles it here), only a way to die. */
export const SIGPIPE_STATUS = 128 + 13;

/**
 * A signal as users write it: `TERM`, `SIGTERM`, `term`, or `15` (kill -s, docker kill
 * --signal, STOPSIGNAL). Undefined for anything else.
 */
export function parseSignal(text: string): SignalName | undefined {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) {
    const n = Number(trimmed);
    return (Object.keys(SIGNAL_NUMBERS) as SignalName[]).find((s) => SIGNAL_NUMBERS[s] === n);
  }
  const upper = trimmed.toUpperCase();
  const name = upper.startsWith('SIG') ? upper : `SIG${upper}`;
  return Object.hasOwn(SIGNAL_NUMBERS, name) ? (name as SignalName) : undefined;
}
