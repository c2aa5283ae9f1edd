/**
 * The python images' other scripts: python3-config (its real answers for the image's
 * version), idle3 (no display and no Tk in a container: IDLE's own complaint), and
 * pydoc3 (its usage; documentation itself is not simulated).
 */
import type { Program } from '../../../process/types.ts';
import { pythonVersion } from './runtime.ts';

export const python3Config: Program = async (ctx) => {
  const version = pythonVersion(ctx);
  const mm = version.split('.').slice(0, 2).join('.');
  const inc = `-I/usr/local/include/python${mm} -I/usr/local/include/python${mm}`;
  const answers: Record<string, string> = {
    '--prefix': '/usr/local',
    '--exec-prefix': '/usr/local',
    '--includes': inc,
    '--cflags': `${inc}  -Wsign-compare -DNDEBUG -g -fwrapv -O3 -Wall`,
    '--libs': ' -ldl  -lm ',
    '--ldflags': ' -L/usr/local/lib  -ldl  -lm ',
    '--extension-suffix': `.cpython-${mm.replace('.', '')}-x86_64-linux-gnu.so`,
    '--abiflags': '',
    '--configdir': `/usr/local/lib/python${mm}/config-${mm}-x86_64-linux-gnu`,
  };
  const args = ctx.argv.slice(1).filter((a) => a !== '--embed');
  if (!args.length || args.some((a) => !(a in answers))) {
    ctx.stderr.write(
      `Usage: ${ctx.argv[0] ?? 'python3-config'} --prefix|--exec-prefix|--includes|--libs|--cflags|--ldflags|--extension-suffix|--help|--abiflags|--configdir|--embed\n`,
    );
    return args.includes('--help') ? 0 : 2;
  }
  ctx.stdout.write(args.map((a) => `${answers[a]}\n`).join(''));
  return 0;
};

export const idle3: Program = async (ctx) => {
  ctx.stderr.write("** IDLE can't import Tkinter.\nYour Python may not be configured for Tk. **\n");
  return 1;
};

export const pydoc3: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  if (!args.length || args[0] === '-h') {
    ctx.stdout.write(
      "pydoc - the Python documentation tool\n\npydoc <name> ...\n    Show text documentation on something.  <name> may be the name of a\n    Python keyword, topic, function, module, or package, or a dotted\n    reference to a class or function within a module or module in a\n    package.  If <name> contains a '/', it is used as the path to a\n    Python source file to document. If name is 'keywords', 'topics',\n    or 'modules', a listing of these things is displayed.\n",
    );
    return 0;
  }
  ctx.stderr.write('pydoc3: documentation is not simulated in Dockyard\n');
  return 1;
};
