/**
 * What a builtin is given and what it is. Builtins run inside the shell (they can
 * change its variables, directory and options), with the command's redirected
 * descriptors.
 */
import type { DialectName } from '../dialect.ts';
import type { Interp } from '../interp.ts';
import type { Io } from '../io.ts';

export interface BuiltinCall {
  readonly sh: Interp;
  /** argv[0] is the name the builtin was called by */
  readonly argv: string[];
  readonly io: Io;
  /** Print an error as this builtin does (`bash: line 1: cd: …`, `sh: 1: cd: …`). */
  error(msg: string): void;
}

export interface Builtin {
  run(call: BuiltinCall): Promise<number> | number;
  /**
   * A POSIX special builtin (`export`, `set`, `exit`…): in dash and ash it is found
   * before functions, and assignments before it stay.
   */
  special?: boolean;
  /** only these shells have it (`source`, `local`, `[[`…) */
  dialects?: readonly DialectName[];
}

/**
 * Write to stdout; false (after the shell's message) when descriptor 1 is closed
 * (`echo a >&-`), and the builtin should end with status 1.
 */
export function writeOut(call: BuiltinCall, text: string): boolean {
  if (call.io.get(1)) {
    call.io.stdout.write(text);
    return true;
  }
  const name = call.argv[0]!;
  switch (call.sh.dialect.name) {
    case 'bash':
      call.error('write error: Bad file descriptor');
      break;
    case 'dash':
      call.error(`${name}: I/O error`);
      break;
    case 'busybox':
      call.sh.error('write error: Bad file descriptor', undefined, call.io);
  }
  return false;
}
