/**
 * gosu 1.19 (tianon/gosu): `gosu user-spec command [args]` runs the command as that
 * user, replacing itself (exec). The server images' entrypoints use it to drop root.
 */
import type { ProcessContext, Program } from '../../process/types.ts';
import { execCommand } from './support/exec.ts';
import { lookupUser } from './support/users.ts';

const USAGE = (arg0: string) => `Usage: ${arg0} user-spec command [args]
   eg: ${arg0} tianon bash
       ${arg0} nobody:root bash -c 'whoami && id'
       ${arg0} 1000:1 id

${arg0} version: 1.19 (go1.24.6 on linux/amd64; gc)
${arg0} license: Apache-2.0 (full text at https://github.com/tianon/gosu)

`;

export function makeGosu(local: ReadonlyMap<string, Program>): Program {
  return async (ctx: ProcessContext) => {
    const arg0 = ctx.argv[0] ?? 'gosu';
    const args = ctx.argv.slice(1);
    if (args[0] === '--version') {
      ctx.stdout.write('1.19\n');
      return 0;
    }
    if (args.length < 2) {
      ctx.stderr.write(USAGE(arg0));
      return args.length === 0 || args[0] === '--help' || args[0] === '-h' ? 0 : 1;
    }
    const user = lookupUser(ctx.fs, args[0]!);
    if (!user) {
      ctx.stderr.write(
        `error: failed switching to "${args[0]}": unable to find user ${args[0]}: no matching entries in passwd file\n`,
      );
      return 1;
    }
    return execCommand(ctx, args.slice(1), {
      local,
      user,
      cannotRun: (name) => `error: exec: "${name}": executable file not found in $PATH\n`,
    });
  };
}
