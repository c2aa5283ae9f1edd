/**
 * yarn 1.22.22 (the node images' classic yarn) and corepack. yarn: `--version`,
 * `install` (or bare `yarn`) from package.json, `add [-D] <pkg>`, `remove`, and
 * `run <script>` / `start` / `test` / `yarn <script>` with yarn's own lines (the
 * `[1/4] Resolving packages...` steps, `success Saved lockfile.`, `Done in 2.05s.`,
 * `$ node server.js`). It shares npm's registry table and node_modules layout and
 * writes yarn.lock. corepack: `--version`; `enable`/`disable`/`prepare` accepted
 * quietly (pnpm itself is not simulated).
 */
import type { ProcessContext, Program } from '../../../process/types.ts';
import { dir, readPackage, resolveTree, writeModules } from './npm.ts';
import { pick } from './registry-table.ts';

const V = '1.22.22';
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)}s`;

async function install(ctx: ProcessContext, command: string, add: string[], dev: boolean): Promise<number> {
  const started = ctx.now();
  ctx.stdout.write(`yarn ${command} v${V}\n`);
  let pkg = readPackage(ctx);
  if (!pkg && !add.length) {
    ctx.stdout.write('info No lockfile found.\n');
    pkg = {};
  }
  const hadLock = ctx.fs.stat(`${dir(ctx)}/yarn.lock`) !== undefined;
  if (!hadLock && pkg) ctx.stdout.write('info No lockfile found.\n');
  pkg ??= {};
  if (add.length) {
    const field = dev ? 'devDependencies' : 'dependencies';
    const deps = { ...(pkg[field] ?? {}) };
    for (const spec of add) {
      const at = spec.lastIndexOf('@');
      const [name, range] = at > 0 ? [spec.slice(0, at), spec.slice(at + 1)] : [spec, undefined];
      deps[name] = `^${pick(name, range)?.version ?? '1.0.0'}`;
    }
    pkg[field] = Object.fromEntries(Object.entries(deps).sort(([a], [b]) => (a < b ? -1 : 1)));
    ctx.fs.writeFile(`${dir(ctx)}/package.json`, `${JSON.stringify(pkg, null, 2)}\n`, {
      uid: ctx.user.uid,
      gid: ctx.user.gid,
    });
  }
  const wanted = { ...(pkg.dependencies ?? {}), ...(pkg.devDependencies ?? {}) };
  const tree = resolveTree(wanted);
  const upToDate = hadLock && !add.length && ctx.fs.stat(`${dir(ctx)}/node_modules`) !== undefined;
  ctx.stdout.write('[1/4] Resolving packages...\n');
  if (upToDate) {
    await ctx.sleep(120);
    ctx.stdout.write(`success Already up-to-date.\nDone in ${seconds(ctx.now() - started)}.\n`);
    return 0;
  }
  await ctx.sleep(600 + tree.size * 20);
  ctx.stdout.write(
    '[2/4] Fetching packages...\n[3/4] Linking dependencies...\n[4/4] Building fresh packages...\n',
  );
  writeModules(ctx, tree, new Set(Object.keys(wanted)), 'yarn');
  ctx.stdout.write(`success Saved lockfile.\n`);
  if (add.length) {
    ctx.stdout.write(
      `success Saved ${tree.size} new ${tree.size === 1 ? 'dependency' : 'dependencies'}.\ninfo Direct dependencies\n`,
    );
    add.forEach((spec, i) => {
      const name = spec.lastIndexOf('@') > 0 ? spec.slice(0, spec.lastIndexOf('@')) : spec;
      ctx.stdout.write(`${i === add.length - 1 ? '└─' : '├─'} ${name}@${tree.get(name) ?? '1.0.0'}\n`);
    });
  }
  ctx.stdout.write(`Done in ${seconds(ctx.now() - started)}.\n`);
  return 0;
}

async function run(ctx: ProcessContext, name: string, extra: string[]): Promise<number> {
  const started = ctx.now();
  ctx.stdout.write(`yarn run v${V}\n`);
  const pkg = readPackage(ctx);
  const command = pkg?.scripts?.[name];
  if (command === undefined) {
    ctx.stderr.write(
      `error ${pkg ? `Command "${name}" not found.` : `Couldn't find a package.json file in "${ctx.cwd}"`}\ninfo Visit https://yarnpkg.com/en/docs/cli/run for documentation about this command.\n`,
    );
    return 1;
  }
  const full = extra.length ? `${command} ${extra.join(' ')}` : command;
  ctx.stdout.write(`$ ${full}\n`);
  const env = new Map(ctx.env);
  env.set('PATH', `${dir(ctx)}/node_modules/.bin:${ctx.env.get('PATH') ?? ''}`);
  env.set('npm_lifecycle_event', name);
  const child = ctx.spawn(['sh', '-c', full], { env });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) ctx.onSignal(signal, (s) => child.kill(s));
  const status = await child.wait();
  if (status !== 0) {
    ctx.stderr.write(
      `error Command failed with exit code ${status}.\ninfo Visit https://yarnpkg.com/en/docs/cli/run for documentation about this command.\n`,
    );
    return status;
  }
  ctx.stdout.write(`Done in ${seconds(ctx.now() - started)}.\n`);
  return 0;
}

export const yarn: Program = async (ctx) => {
  const [command, ...rest] = ctx.argv.slice(1);
  const dev = rest.some((a) => a === '-D' || a === '--dev');
  const names = rest.filter((a) => !a.startsWith('-'));
  switch (command) {
    case '--version':
    case '-v':
    case 'version':
      ctx.stdout.write(`${V}\n`);
      return 0;
    case undefined:
    case 'install':
      return install(ctx, 'install', [], false);
    case 'add':
      return install(ctx, 'add', names, dev);
    case 'run':
      return run(ctx, names[0] ?? '', names.slice(1));
    default: {
      if (command.startsWith('-')) return install(ctx, 'install', [], false);
      return run(ctx, command, rest);
    }
  }
};

export const corepack: Program = async (ctx) => {
  const [command] = ctx.argv.slice(1);
  if (command === '--version' || command === '-v') {
    ctx.stdout.write('0.34.0\n');
    return 0;
  }
  if (command === 'enable' || command === 'disable' || command === 'prepare' || command === 'install')
    return 0;
  ctx.stderr.write(
    `Usage Error: The provided arguments are insufficient or invalid\n\n$ corepack <command>\n`,
  );
  return 1;
};
