/**
 * npm (the images' bundled npm, by node major): `--version`, `init -y`, `install`/`i`/
 * `ci`/`add` (from package.json or named packages, `-D`, `--omit=dev`), `uninstall`,
 * `ls`, `start`/`test`/`run <script>` (the `> name@version script` banner, then
 * `sh -c` with node_modules/.bin on PATH, signals forwarded), and `npx <bin>`.
 *
 * Installing writes what a learner inspects: node_modules/<name>/package.json for the
 * package and every package of its tree, node_modules/.bin for commands,
 * package-lock.json (lockfile v3), and the dependency in package.json; then npm's
 * summary (`added 66 packages, and audited 67 packages in 2s`, funding, vulnerabilities).
 *
 * Differs from npm: "the registry" is registry-table.ts and always reachable; a
 * package it does not list installs as that name at 1.0.0 without dependencies (its
 * module is empty). Packages' code is not downloaded: express, body-parser, cors,
 * dotenv, morgan, redis and nodemon behave natively (natives.ts, nodemon.ts).
 */
import type { ProcessContext, Program } from '../../../process/types.ts';
import { LATEST_NPM, NPM, npmVersion, pick } from './registry-table.ts';
import { nodeVersion } from './node.ts';
import { isoString } from './values.ts';

interface PackageJson {
  name?: string;
  version?: string;
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  [k: string]: unknown;
}

const home = (ctx: ProcessContext) =>
  ctx.env.get('HOME') ?? (ctx.user.uid === 0 ? '/root' : `/home/${ctx.user.name}`);

function logLine(ctx: ProcessContext): string {
  const stamp = isoString(ctx.now()).slice(0, 23).replace(/[:.]/g, '_');
  return `npm error A complete log of this run can be found in: ${home(ctx)}/.npm/_logs/${stamp}Z-debug-0.log\n`;
}

export function readPackage(ctx: ProcessContext): PackageJson | undefined {
  try {
    return JSON.parse(ctx.fs.readFile(`${dir(ctx)}/package.json`)) as PackageJson;
  } catch {
    return undefined;
  }
}

export const dir = (ctx: ProcessContext) => (ctx.cwd === '/' ? '' : ctx.cwd);

function noPackageJson(ctx: ProcessContext): number {
  const path = `${ctx.cwd === '/' ? '' : ctx.cwd}/package.json`;
  ctx.stderr.write(
    `npm error code ENOENT\nnpm error syscall open\nnpm error path ${path}\nnpm error errno -2\nnpm error enoent Could not read package.json: Error: ENOENT: no such file or directory, open '${path}'\nnpm error enoent This is related to npm not being able to find a file.\nnpm error enoent\n${logLine(ctx)}`,
  );
  return 254;
}

const elapsed = (ms: number) => (ms < 1000 ? `${ms}ms` : `${Math.round(ms / 1000)}s`);

/** The packages a set of dependencies brings: name → version. */
export function resolveTree(deps: Record<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, range] of Object.entries(deps)) {
    const p = pick(name, range);
    out.set(name, p?.version ?? /\d+\.\d+\.\d+/.exec(range)?.[0] ?? '1.0.0');
    for (const d of p?.tree ?? []) if (!out.has(d)) out.set(d, NPM[d]?.version ?? '1.0.0');
  }
  return out;
}

export function writeModules(
  ctx: ProcessContext,
  tree: Map<string, string>,
  top: Set<string>,
  lockfile: 'npm' | 'yarn' = 'npm',
): void {
  const owner = { uid: ctx.user.uid, gid: ctx.user.gid };
  const root = `${dir(ctx)}/node_modules`;
  ctx.fs.mkdir(root, { parents: true, ...owner });
  for (const [name, version] of tree) {
    const at = `${root}/${name}`;
    ctx.fs.mkdir(at, { parents: true, ...owner });
    const bin = top.has(name) ? NPM[name]?.bin : undefined;
    ctx.fs.writeFile(
      `${at}/package.json`,
      `${JSON.stringify({ name, version, main: 'index.js', ...(bin ? { bin: { [bin]: `bin/${bin}.js` } } : {}) }, null, 2)}\n`,
      owner,
    );
    ctx.fs.writeFile(
      `${at}/index.js`,
      `'use strict';\n\nmodule.exports = require('./lib/${name.replace(/^@.*\//, '')}');\n`,
      owner,
    );
    if (bin) {
      ctx.fs.mkdir(`${at}/bin`, { parents: true, ...owner });
      ctx.fs.writeFile(`${at}/bin/${bin}.js`, '#!/usr/bin/env node\n', {
        ...owner,
        mode: 0o755,
        program: bin,
      });
      ctx.fs.mkdir(`${root}/.bin`, { parents: true, ...owner });
      if (!ctx.fs.lstat(`${root}/.bin/${bin}`))
        ctx.fs.symlink(`../${name}/bin/${bin}.js`, `${root}/.bin/${bin}`);
    }
  }
  const pkg = readPackage(ctx) ?? {};
  const lock = {
    name: pkg.name ?? ctx.cwd.split('/').pop(),
    version: pkg.version ?? '1.0.0',
    lockfileVersion: 3,
    requires: true,
    packages: {
      '': { name: pkg.name, version: pkg.version, dependencies: pkg.dependencies ?? {} },
      ...Object.fromEntries(
        [...tree].sort().map(([name, version]) => [
          `node_modules/${name}`,
          {
            version,
            resolved: `https://registry.npmjs.org/${name}/-/${name.replace(/^@.*\//, '')}-${version}.tgz`,
            license: 'MIT',
          },
        ]),
      ),
    },
  };
  if (lockfile === 'yarn') {
    const entries = [...tree]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(
        ([name, version]) =>
          `${name}@^${version}:\n  version "${version}"\n  resolved "https://registry.yarnpkg.com/${name}/-/${name.replace(/^@.*\//, '')}-${version}.tgz"\n`,
      );
    ctx.fs.writeFile(
      `${dir(ctx)}/yarn.lock`,
      `# THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.\n# yarn lockfile v1\n\n\n${entries.join('\n')}`,
      owner,
    );
  } else ctx.fs.writeFile(`${dir(ctx)}/package-lock.json`, `${JSON.stringify(lock, null, 2)}\n`, owner);
}

function installedNames(ctx: ProcessContext): string[] {
  try {
    return ctx.fs.readdir(`${dir(ctx)}/node_modules`).filter((n) => !n.startsWith('.'));
  } catch {
    return [];
  }
}

async function install(ctx: ProcessContext, args: string[], ci: boolean): Promise<number> {
  const dev = args.some((a) => a === '-D' || a === '--save-dev');
  const omitDev = args.some((a) => a === '--omit=dev' || a === '--production' || a === '--only=production');
  const named = args.filter((a) => !a.startsWith('-'));
  let pkg = readPackage(ctx);
  if (ci && !ctx.fs.stat(`${dir(ctx)}/package-lock.json`)) {
    ctx.stderr.write(
      `npm error code EUSAGE\nnpm error\nnpm error The \`npm ci\` command can only install with an existing package-lock.json or\nnpm error npm-shrinkwrap.json with lockfileVersion >= 1. Run an install with npm@5 or\nnpm error later to generate a package-lock.json file, then try again.\nnpm error\nnpm error Clean install a project\nnpm error\nnpm error Usage:\nnpm error npm ci\nnpm error\nnpm error Run "npm help ci" for more info\n${logLine(ctx)}`,
    );
    return 1;
  }
  if (!pkg && !named.length && ci) return noPackageJson(ctx);
  const before = new Set(installedNames(ctx));
  if (named.length) {
    pkg ??= {};
    const field = dev ? 'devDependencies' : 'dependencies';
    const deps = { ...(pkg[field] ?? {}) };
    for (const spec of named) {
      const at = spec.lastIndexOf('@');
      const [name, range] = at > 0 ? [spec.slice(0, at), spec.slice(at + 1)] : [spec, undefined];
      const version = pick(name, range)?.version ?? /\d+\.\d+\.\d+/.exec(range ?? '')?.[0] ?? '1.0.0';
      deps[name] = `^${version}`;
    }
    pkg[field] = Object.fromEntries(Object.entries(deps).sort(([a], [b]) => (a < b ? -1 : 1)));
    ctx.fs.writeFile(`${dir(ctx)}/package.json`, `${JSON.stringify(pkg, null, 2)}\n`, {
      uid: ctx.user.uid,
      gid: ctx.user.gid,
    });
  }
  const wanted = { ...(pkg?.dependencies ?? {}), ...(omitDev ? {} : (pkg?.devDependencies ?? {})) };
  const tree = resolveTree(wanted);
  if (ci) ctx.fs.rm(`${dir(ctx)}/node_modules`, { recursive: true, force: true });
  const added = [...tree.keys()].filter((n) => ci || !before.has(n)).length;
  const ms = added ? 900 + added * 25 : 180 + tree.size * 4;
  await ctx.sleep(ms);
  if (tree.size || pkg) writeModules(ctx, tree, new Set(Object.keys(wanted)));
  const funding = Object.keys(wanted).reduce((n, name) => n + (pick(name, wanted[name])?.funding ?? 0), 0);
  const audited = `audited ${tree.size + 1} package${tree.size ? 's' : ''} in ${elapsed(ms)}`;
  let out = added
    ? `\nadded ${added} package${added === 1 ? '' : 's'}, and ${audited}\n`
    : `\nup to date, ${audited}\n`;
  if (funding)
    out += `\n${funding} package${funding === 1 ? ' is' : 's are'} looking for funding\n  run \`npm fund\` for details\n`;
  out += '\nfound 0 vulnerabilities\n';
  ctx.stdout.write(out);
  notice(ctx);
  return 0;
}

/** npm's notice of a newer npm, once a run, on stderr. */
function notice(ctx: ProcessContext): void {
  const mine = npmVersion(nodeVersion(ctx));
  if (mine === LATEST_NPM) return;
  const kind = mine.split('.')[0] === LATEST_NPM.split('.')[0] ? 'minor' : 'major';
  ctx.stderr.write(
    `npm notice\nnpm notice New ${kind} version of npm available! ${mine} -> ${LATEST_NPM}\nnpm notice Changelog: https://github.com/npm/cli/releases/tag/v${LATEST_NPM}\nnpm notice To update run: npm install -g npm@${LATEST_NPM}\nnpm notice\n`,
  );
}

async function runScript(ctx: ProcessContext, name: string, extra: string[]): Promise<number> {
  const pkg = readPackage(ctx);
  if (!pkg) return noPackageJson(ctx);
  let command = pkg.scripts?.[name];
  if (command === undefined && name === 'start' && ctx.fs.stat(`${dir(ctx)}/server.js`))
    command = 'node server.js';
  if (command === undefined) {
    ctx.stderr.write(
      `npm error Missing script: "${name}"\nnpm error\nnpm error To see a list of scripts, run:\nnpm error   npm run\n${logLine(ctx)}`,
    );
    return 1;
  }
  const full = extra.length ? `${command} ${extra.join(' ')}` : command;
  const id = pkg.name ? `${pkg.name}${pkg.version ? `@${pkg.version}` : ''} ` : '';
  ctx.stdout.write(`\n> ${id}${name}\n> ${full}\n\n`);
  const env = new Map(ctx.env);
  env.set('PATH', `${dir(ctx)}/node_modules/.bin:${ctx.env.get('PATH') ?? ''}`);
  env.set('npm_lifecycle_event', name);
  env.set('npm_lifecycle_script', command);
  if (pkg.name) env.set('npm_package_name', pkg.name);
  if (pkg.version) env.set('npm_package_version', pkg.version);
  env.set('npm_command', name === 'start' || name === 'test' ? name : 'run-script');
  const child = ctx.spawn(['sh', '-c', full], { env });
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP', 'SIGQUIT'] as const)
    ctx.onSignal(signal, (s) => child.kill(s));
  const status = await child.wait();
  if (status !== 0)
    ctx.stderr.write(
      `npm error code ${status}\nnpm error path ${ctx.cwd}\nnpm error command failed\nnpm error command sh -c ${full}\n${logLine(ctx)}`,
    );
  return status;
}

function init(ctx: ProcessContext): number {
  const name = (ctx.cwd.split('/').pop() || 'root').toLowerCase();
  const pkg = {
    name,
    version: '1.0.0',
    main: 'index.js',
    scripts: { test: 'echo "Error: no test specified" && exit 1' },
    keywords: [],
    author: '',
    license: 'ISC',
    description: '',
  };
  const text = `${JSON.stringify(pkg, null, 2)}\n`;
  ctx.fs.writeFile(`${dir(ctx)}/package.json`, text, { uid: ctx.user.uid, gid: ctx.user.gid });
  ctx.stdout.write(`Wrote to ${dir(ctx)}/package.json:\n\n${text}\n\n\n`);
  return 0;
}

function list(ctx: ProcessContext): number {
  const pkg = readPackage(ctx) ?? {};
  const deps = { ...(pkg.dependencies ?? {}), ...(pkg.devDependencies ?? {}) };
  const names = Object.keys(deps).sort();
  const lines = names.map((n, i) => {
    let version: string;
    try {
      version = (
        JSON.parse(ctx.fs.readFile(`${dir(ctx)}/node_modules/${n}/package.json`)) as { version: string }
      ).version;
    } catch {
      return `${i === names.length - 1 ? '└──' : '├──'} UNMET DEPENDENCY ${n}@${deps[n]}`;
    }
    return `${i === names.length - 1 ? '└──' : '├──'} ${n}@${version}`;
  });
  ctx.stdout.write(
    `${pkg.name ?? ''}${pkg.version ? `@${pkg.version}` : ''} ${ctx.cwd}\n${lines.length ? lines.join('\n') : '└── (empty)'}\n\n`,
  );
  return 0;
}

const USAGE = (v: string) => `npm <command>

Usage:

npm install        install all the dependencies in your project
npm install <foo>  add the <foo> dependency to your project
npm test           run this project's tests
npm run <foo>      run the script named <foo>
npm <command> -h   quick help on <command>
npm -l             display usage info for all commands
npm help <term>    search for help on <term>
npm help npm       more involved overview

All commands:

    access, adduser, audit, bugs, cache, ci, completion,
    config, dedupe, deprecate, diff, dist-tag, docs, doctor,
    edit, exec, explain, explore, find-dupes, fund, get, help,
    help-search, init, install, install-ci-test, install-test,
    link, ll, login, logout, ls, org, outdated, owner, pack,
    ping, pkg, prefix, profile, prune, publish, query, rebuild,
    repo, restart, root, run-script, sbom, search, set,
    shrinkwrap, star, stars, start, stop, team, test, token,
    undeprecate, uninstall, unpublish, unstar, update, version,
    view, whoami

Specify configs in the ini-formatted file:
    /root/.npmrc
or on the command line via: npm <command> --key=value

More configuration info: npm help config
Configuration fields: npm help 7 config

npm@${v} /usr/local/lib/node_modules/npm
`;

export const npm: Program = async (ctx) => {
  const version = npmVersion(nodeVersion(ctx));
  const args = ctx.argv.slice(1);
  const [command, ...rest] = args;
  switch (command) {
    case undefined:
      ctx.stdout.write(USAGE(version));
      return 1;
    case '-v':
    case '--version':
      ctx.stdout.write(`${version}\n`);
      return 0;
    case 'init':
      return init(ctx);
    case 'install':
    case 'i':
    case 'add':
      return install(ctx, rest, false);
    case 'ci':
    case 'clean-install':
      return install(ctx, rest, true);
    case 'uninstall':
    case 'remove':
    case 'rm': {
      const pkg = readPackage(ctx);
      if (!pkg) return noPackageJson(ctx);
      for (const name of rest.filter((a) => !a.startsWith('-'))) {
        delete pkg.dependencies?.[name];
        delete pkg.devDependencies?.[name];
      }
      ctx.fs.writeFile(`${dir(ctx)}/package.json`, `${JSON.stringify(pkg, null, 2)}\n`);
      const removed = rest.filter((n) => ctx.fs.stat(`${dir(ctx)}/node_modules/${n}`));
      for (const n of removed) ctx.fs.rm(`${dir(ctx)}/node_modules/${n}`, { recursive: true });
      await ctx.sleep(300);
      ctx.stdout.write(
        `\nremoved ${removed.length} package${removed.length === 1 ? '' : 's'}, and audited ${installedNames(ctx).length + 1} packages in 300ms\n\nfound 0 vulnerabilities\n`,
      );
      return 0;
    }
    case 'ls':
    case 'list':
      return list(ctx);
    case 'start':
    case 'test':
    case 't':
    case 'stop':
    case 'restart':
      return runScript(ctx, command === 't' ? 'test' : command, rest[0] === '--' ? rest.slice(1) : rest);
    case 'run':
    case 'run-script': {
      const [name, ...more] = rest;
      if (name === undefined) {
        const pkg = readPackage(ctx);
        if (!pkg) return noPackageJson(ctx);
        const scripts = Object.entries(pkg.scripts ?? {});
        const life = scripts.filter(([k]) => ['start', 'test', 'stop', 'restart'].includes(k));
        const other = scripts.filter(([k]) => !['start', 'test', 'stop', 'restart'].includes(k));
        let out = '';
        if (life.length)
          out += `Lifecycle scripts included in ${pkg.name ?? ''}${pkg.version ? `@${pkg.version}` : ''}:\n${life.map(([k, v]) => `  ${k}\n    ${v}`).join('\n')}\n`;
        if (other.length)
          out += `${life.length ? '\n' : ''}available via \`npm run-script\`:\n${other.map(([k, v]) => `  ${k}\n    ${v}`).join('\n')}\n`;
        ctx.stdout.write(out);
        return 0;
      }
      return runScript(ctx, name, more[0] === '--' ? more.slice(1) : more);
    }
    default:
      ctx.stderr.write(
        `Unknown command: "${command}"\n\nTo see a list of supported npm commands, run:\n  npm help\n`,
      );
      return 1;
  }
};

/** npx: run a command of node_modules/.bin (as `npm exec` does for an installed one). */
export const npx: Program = async (ctx) => {
  const [name, ...rest] = ctx.argv.slice(1).filter((a) => a !== '-y' && a !== '--yes');
  if (name === undefined) {
    ctx.stderr.write(`npm error could not determine executable to run\n${logLine(ctx)}`);
    return 1;
  }
  const env = new Map(ctx.env);
  env.set('PATH', `${dir(ctx)}/node_modules/.bin:${ctx.env.get('PATH') ?? ''}`);
  const child = ctx.spawn([name, ...rest], { env });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) ctx.onSignal(signal, (s) => child.kill(s));
  return child.wait();
};
