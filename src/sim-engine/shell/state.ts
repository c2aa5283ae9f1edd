/**
 * Everything a shell remembers between commands: variables, functions, aliases,
 * options, the working directory, positional parameters, traps, jobs, history. A
 * subshell (`( … )`, `$( … )`, a pipeline stage, `&`) works on a copy, so nothing it
 * changes reaches its parent, as after a fork.
 */
import type { SignalName } from '../process/types.ts';
import type { Command } from './ast.ts';
import type { Vars } from './vars.ts';

export interface ShellOptions {
  /** -e */
  errexit: boolean;
  /** -x */
  xtrace: boolean;
  /** -u */
  nounset: boolean;
  /** -f */
  noglob: boolean;
  /** -C */
  noclobber: boolean;
  /** -a */
  allexport: boolean;
  /** -v */
  verbose: boolean;
  /** -n */
  noexec: boolean;
  /** -o pipefail */
  pipefail: boolean;
  /** -i */
  interactive: boolean;
}

export function defaultOptions(): ShellOptions {
  return {
    errexit: false,
    xtrace: false,
    nounset: false,
    noglob: false,
    noclobber: false,
    allexport: false,
    verbose: false,
    noexec: false,
    pipefail: false,
    interactive: false,
  };
}

/** A background job started with `&`. */
export interface Job {
  id: number;
  pid: number;
  /** the command as typed, for `jobs` and the `Done` line */
  command: string;
  /** resolves to the exit status */
  done: Promise<number>;
  status?: number;
  /** bash prints `[1]+  Done …` once */
  reported: boolean;
  kill?: (signal: SignalName) => void;
}

export class ShellState {
  vars: Vars;
  functions = new Map<string, Command>();
  aliases = new Map<string, string>();
  options: ShellOptions = defaultOptions();
  cwd: string;
  /** $1 … */
  positional: string[] = [];
  /** $0 */
  arg0: string;
  /** $? */
  lastStatus = 0;
  /** $! */
  lastBgPid: number | undefined;
  /** trap actions by condition: `EXIT`, `INT`, `TERM`… ('' ignores the signal) */
  traps = new Map<string, string>();
  umask = 0o022;
  /** bash's `shopt -s expand_aliases` (on by default when interactive) */
  expandAliases = false;
  history: string[] = [];
  jobs: Job[] = [];
  nextJobId = 1;

  constructor(vars: Vars, cwd: string, arg0: string) {
    this.vars = vars;
    this.cwd = cwd;
    this.arg0 = arg0;
  }

  /** The copy a subshell works on. Traps are reset (except ignored signals), jobs are not inherited. */
  clone(): ShellState {
    const s = new ShellState(this.vars.clone(), this.cwd, this.arg0);
    s.functions = new Map(this.functions);
    s.aliases = new Map(this.aliases);
    s.options = { ...this.options, interactive: false };
    s.positional = this.positional.slice();
    s.lastStatus = this.lastStatus;
    s.lastBgPid = this.lastBgPid;
    for (const [k, v] of this.traps) if (v === '') s.traps.set(k, v);
    s.umask = this.umask;
    s.expandAliases = this.expandAliases;
    return s;
  }
}
