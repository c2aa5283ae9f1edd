/**
 * nodemon (installed by npm into node_modules/.bin): its startup lines in colour, the
 * script run as a child `node`, and after it ends the "clean exit" or "app crashed"
 * line, then waiting — until a signal, which it passes to the child.
 *
 * Differs from nodemon: files are not watched, so an edit does not restart the app
 * (`docker restart` does).
 */
import type { Program } from '../../../process/types.ts';
import { NPM } from './registry-table.ts';

const yellow = (s: string) => `\x1b[33m${s}\x1b[39m`;
const green = (s: string) => `\x1b[32m${s}\x1b[39m`;
const red = (s: string) => `\x1b[31m${s}\x1b[39m`;

export const nodemon: Program = async (ctx) => {
  const args = ctx.argv.slice(1).filter((a) => !a.startsWith('-'));
  if (ctx.argv.includes('-v') || ctx.argv.includes('--version')) {
    ctx.stdout.write(`${NPM['nodemon']!.version}\n`);
    return 0;
  }
  let script: string | undefined = args[0];
  if (script === undefined) {
    try {
      script = (
        JSON.parse(ctx.fs.readFile(`${ctx.cwd === '/' ? '' : ctx.cwd}/package.json`)) as { main?: string }
      ).main;
    } catch {
      // no package.json: index.js
    }
    script ??= 'index.js';
  }
  const command = ['node', script, ...args.slice(1)];
  ctx.stdout.write(
    `${yellow(`[nodemon] ${NPM['nodemon']!.version}`)}\n${yellow('[nodemon] to restart at any time, enter `rs`')}\n${yellow('[nodemon] watching path(s): *.*')}\n${yellow('[nodemon] watching extensions: js,mjs,cjs,json')}\n${green(`[nodemon] starting \`${command.join(' ')}\``)}\n`,
  );
  const child = ctx.spawn(command, {});
  let stopping = false;
  let done: (code: number) => void = () => {};
  const stopped = new Promise<number>((resolve) => (done = resolve));
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGQUIT'] as const)
    ctx.onSignal(signal, (s) => {
      stopping = true;
      child.kill(s);
      void child.wait().then(() => done(0));
    });
  const status = await child.wait();
  if (stopping) return stopped;
  ctx.stdout.write(
    status === 0
      ? `${green('[nodemon] clean exit - waiting for changes before restart')}\n`
      : `${red('[nodemon] app crashed - waiting for file changes before starting...')}\n`,
  );
  return stopped;
};
