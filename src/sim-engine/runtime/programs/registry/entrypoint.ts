/** registry's /entrypoint.sh: a config file or a subcommand becomes `registry …`, then exec. */
import type { Program } from '../../../process/types.ts';
import { execCommand, shExecError } from '../support/exec.ts';
import { withSystem } from '../support/system-programs.ts';
import { registry } from './registry.ts';

const LOCAL = withSystem([['registry', registry]]);

export const registryEntrypoint: Program = async (ctx) => {
  let args = ctx.argv.slice(1);
  const first = args[0] ?? '';
  if (/\.ya?ml$/.test(first)) args = ['registry', 'serve', ...args];
  else if (['serve', 'garbage-collect', 'help'].includes(first) || first.startsWith('-'))
    args = ['registry', ...args];
  if (args.length === 0) return 0;
  return execCommand(ctx, args, {
    local: LOCAL,
    cannotRun: shExecError(ctx, ctx.argv[0] ?? '/entrypoint.sh', 12),
  });
};
