/**
 * envsubst (GNU gettext, in the nginx images for the templates script): stdin to
 * stdout with $VAR and ${VAR} replaced from the environment (empty when unset), only
 * those named in SHELL-FORMAT when one is given; `-v` lists the names.
 * And njs, nginx's JavaScript shell: its version (NJS_VERSION) only.
 */
import type { ProcessContext, Program } from '../../../process/types.ts';
import { readAll } from '../../../process/streams.ts';

const VAR = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/g;

const names = (format: string) => [...format.matchAll(VAR)].map((m) => m[1] ?? m[2]!);

function gettextVersion(ctx: ProcessContext): string {
  return ctx.fs.stat('/etc/alpine-release') ? '0.24.1' : '0.23.1';
}

export const envsubst: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  if (args[0] === '--version' || args[0] === '-V') {
    ctx.stdout.write(
      `envsubst (GNU gettext-runtime) ${gettextVersion(ctx)}\nCopyright (C) 2003-2025 Free Software Foundation, Inc.\nLicense GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>\nThis is free software: you are free to change and redistribute it.\nThere is NO WARRANTY, to the extent permitted by law.\nWritten by Bruno Haible.\n`,
    );
    return 0;
  }
  if (args[0] === '-v' || args[0] === '--variables') {
    if (args[1] === undefined) {
      ctx.stderr.write("envsubst: missing arguments\nTry 'envsubst --help' for more information.\n");
      return 1;
    }
    ctx.stdout.write([...new Set(names(args[1]))].map((n) => `${n}\n`).join(''));
    return 0;
  }
  const only = args[0] !== undefined ? new Set(names(args[0])) : undefined;
  const input = await readAll(ctx.stdin);
  ctx.stdout.write(
    input.replace(VAR, (whole, braced: string | undefined, bare: string | undefined) => {
      const name = braced ?? bare!;
      if (only && !only.has(name)) return whole;
      return ctx.env.get(name) ?? '';
    }),
  );
  return 0;
};

export const njs: Program = async (ctx) => {
  if (ctx.argv.includes('-v') || ctx.argv.includes('-V')) {
    ctx.stdout.write(`${ctx.env.get('NJS_VERSION') ?? '0.9.1'}\n`);
    return 0;
  }
  ctx.stderr.write('njs: this command is not simulated in Dockyard (only -v)\n');
  return 1;
};
