/**
 * The `flask` command pip installs with Flask: `flask run` finds the application
 * (--app or FLASK_APP, else app.py or wsgi.py), honours --host/--port/--debug and
 * FLASK_RUN_HOST, FLASK_RUN_PORT, FLASK_DEBUG (127.0.0.1:5000 by default, so
 * unreachable from outside the container unless told 0.0.0.0), and serves it.
 */
import type { ProcessContext } from '../../../process/types.ts';
import { PythonProcess } from './runtime.ts';
import { PyError, PyInstance } from './values.ts';
import type { Py } from './values.ts';

const NOT_FOUND =
  "Usage: flask run [OPTIONS]\nTry 'flask run --help' for help.\n\nError: Could not locate a Flask application. Use the 'flask --app' option, 'FLASK_APP' environment variable, or a 'wsgi.py' or 'app.py' file in the current directory.\n";

export async function flaskCli(ctx: ProcessContext): Promise<number> {
  const args = ctx.argv.slice(1);
  let app = ctx.env.get('FLASK_APP');
  let host = ctx.env.get('FLASK_RUN_HOST') ?? '127.0.0.1';
  let port = Number(ctx.env.get('FLASK_RUN_PORT') ?? 5000);
  let debug = ['1', 'true', 'True'].includes(ctx.env.get('FLASK_DEBUG') ?? '');
  let command: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = () => (a.includes('=') ? a.slice(a.indexOf('=') + 1) : (args[++i] ?? ''));
    if (a === '--version') {
      const proc = new PythonProcess(ctx, { unbuffered: true, argv: [], scriptDir: ctx.cwd });
      ctx.stdout.write(`Python ${proc.version}\nFlask 3.1.2\nWerkzeug 3.1.3\n`);
      return 0;
    }
    if (a.startsWith('--app') || a === '-A') app = value();
    else if (a.startsWith('--host') || a === '-h') host = value();
    else if (a.startsWith('--port') || a === '-p') port = Number(value());
    else if (a === '--debug') debug = true;
    else if (a === '--no-debug') debug = false;
    else if (!a.startsWith('-')) command ??= a;
  }
  if (command !== 'run') {
    ctx.stdout.write(
      `Usage: flask [OPTIONS] COMMAND [ARGS]...\n\n  A general utility script for Flask applications.\n\nCommands:\n  routes  Show the routes for the app.\n  run     Run a development server.\n  shell   Run a shell in the app context.\n`,
    );
    return command === undefined ? 0 : 2;
  }
  let file: string | undefined;
  let attr = 'app';
  if (app) {
    const [mod, a] = app.split(':') as [string, string | undefined];
    if (a) attr = a.replace(/\(\)$/, '');
    file = mod.endsWith('.py') ? mod : `${mod.replace(/\./g, '/')}.py`;
  } else file = ['wsgi.py', 'app.py'].find((f) => ctx.fs.stat(`${ctx.cwd}/${f}`));
  const path = file && (file.startsWith('/') ? file : `${ctx.cwd === '/' ? '' : ctx.cwd}/${file}`);
  if (!path || !ctx.fs.stat(path)) {
    ctx.stderr.write(NOT_FOUND);
    return 2;
  }
  const proc = new PythonProcess(ctx, {
    unbuffered: false,
    argv: [path],
    scriptDir: path.slice(0, path.lastIndexOf('/')) || '/',
  });
  try {
    const name = path.slice(path.lastIndexOf('/') + 1).replace(/\.py$/, '');
    const mod = await proc.runModule(path, name);
    const application = mod.attrs.get(attr) ?? mod.attrs.get('application');
    if (!(application instanceof PyInstance)) {
      ctx.stderr.write(NOT_FOUND);
      return 2;
    }
    const run = proc.interp.getattr(application, 'run');
    const kwargs = new Map<string, Py>([
      ['host', host],
      ['port', BigInt(port)],
      ['debug', debug],
      ['_cli_name', app ?? name],
    ]);
    await proc.interp.call(run, [], kwargs);
    return 0;
  } catch (error) {
    proc.flush();
    if (error instanceof PyError) {
      if (error.exc.cls.name === 'KeyboardInterrupt') return 0;
      ctx.stderr.write(proc.interp.traceback(error));
      return 1;
    }
    throw error;
  }
}
