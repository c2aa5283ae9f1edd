/**
 * How control leaves the middle of a command: `exit`, `return`, `break`,
 * `continue`, a fatal expansion error, and a write to a pipe nobody reads. They are
 * thrown through the interpreter's recursion and caught where they end (the shell,
 * the function, the loop, the pipeline stage). User-facing errors are printed where
 * they happen, never carried by these.
 */

/** `exit`, `set -e`, or the end of a subshell. */
export class ExitSignal {
  readonly status: number;
  constructor(status: number) {
    this.status = status;
  }
}

export class ReturnSignal {
  readonly status: number;
  constructor(status: number) {
    this.status = status;
  }
}

export class BreakSignal {
  /** how many more loops to leave */
  n: number;
  constructor(n: number) {
    this.n = n;
  }
}

export class ContinueSignal {
  n: number;
  constructor(n: number) {
    this.n = n;
  }
}

/**
 * A fatal shell error (a bad substitution, `${x?}`, an arithmetic error, `set -u`):
 * its message is already printed; a non-interactive shell exits with `status`, an
 * interactive one goes back to its prompt.
 */
export class ShellAbort {
  readonly status: number;
  constructor(status: number) {
    this.status = status;
  }
}

/** A builtin wrote to a pipe whose reader is gone: the stage ends as SIGPIPE would. */
export class BrokenPipe {
  readonly status = 141;
}

/** The shell process was killed; whatever it was doing just stops. */
export class ShellKilled {}

/** Ctrl-C in an interactive shell: the rest of the command line is dropped. */
export class Interrupted {}
