/**
 * apk (apk-tools 2.14) on Alpine images: update, add (--no-cache, --update, -q,
 * --virtual NAME), del, info, search (names only), --version. Indexes are fetched
 * when none is cached, so `apk add` works on a fresh image (unlike apt); after
 * `apk update` they are cached in /var/cache/apk. Installing really adds the programs.
 */
import type { ProcessContext, Program } from '../../../process/types.ts';
import { parseOptions } from '../support/getopt.ts';
import { strftime } from '../support/time.ts';
import {
  ALPINE_BASE,
  ALPINE_BASE_BYTES,
  ALPINE_PACKAGES,
  ALPINE_PROVIDES,
  ALPINE_SCRIPTS,
} from './alpine.ts';
import { placeFiles, removeFiles } from './install-files.ts';
import { ALPINE_FILES } from './package-files.ts';

const DB = '/lib/apk/db/installed';
const CACHE = '/var/cache/apk';

function repositories(ctx: ProcessContext): string[] {
  try {
    return ctx.fs
      .readFile('/etc/apk/repositories')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('#'));
  } catch {
    const v = alpineBranch(ctx);
    return [
      `https://dl-cdn.alpinelinux.org/alpine/${v}/main`,
      `https://dl-cdn.alpinelinux.org/alpine/${v}/community`,
    ];
  }
}

function alpineBranch(ctx: ProcessContext): string {
  try {
    const v = ctx.fs.readFile('/etc/alpine-release').trim().split('.');
    return `v${v[0]}.${v[1]}`;
  } catch {
    return 'v3.22';
  }
}

function busyboxVersion(ctx: ProcessContext): string {
  return alpineBranch(ctx) === 'v3.20' ? '1.36.1-r29' : '1.37.0-r18';
}

/** The dependencies of a virtual package (`apk add --virtual .build-deps …`), as recorded. */
function virtualDeps(ctx: ProcessContext): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let text: string;
  try {
    text = ctx.fs.readFile(DB);
  } catch {
    return out;
  }
  for (const block of text.split('\n\n')) {
    const name = /^P:(.+)$/m.exec(block)?.[1];
    const deps = /^D:(.*)$/m.exec(block)?.[1];
    if (name && deps !== undefined)
      out.set(
        name,
        deps.split(' ').filter((d) => d !== ''),
      );
  }
  return out;
}

/** Installed packages beyond the base image: name -> version. */
function installedExtras(ctx: ProcessContext): Map<string, string> {
  const out = new Map<string, string>();
  let text: string;
  try {
    text = ctx.fs.readFile(DB);
  } catch {
    return out;
  }
  for (const block of text.split('\n\n')) {
    const name = /^P:(.+)$/m.exec(block)?.[1];
    const version = /^V:(.+)$/m.exec(block)?.[1];
    if (!name) continue;
    if (/^R:removed$/m.test(block)) out.delete(name);
    else out.set(name, version ?? '');
  }
  return out;
}

function isInstalled(ctx: ProcessContext, name: string): boolean {
  return name in ALPINE_BASE || installedExtras(ctx).has(name);
}

function indexesCached(ctx: ProcessContext): boolean {
  try {
    return ctx.fs.readdir(CACHE).some((n) => n.startsWith('APKINDEX'));
  } catch {
    return false;
  }
}

function fetchLines(ctx: ProcessContext, quiet: boolean): void {
  if (quiet) return;
  for (const repo of repositories(ctx)) ctx.stdout.write(`fetch ${repo}/x86_64/APKINDEX.tar.gz\n`);
}

function cacheIndexes(ctx: ProcessContext): void {
  ctx.fs.mkdir(CACHE, { parents: true });
  repositories(ctx).forEach((repo, i) =>
    ctx.fs.writeFile(`${CACHE}/APKINDEX.${(0x3a5f9c1e + i * 0x1111).toString(16)}.tar.gz`, `${repo}\n`),
  );
}

function totals(ctx: ProcessContext): string {
  const extras = installedExtras(ctx);
  const bytes =
    ALPINE_BASE_BYTES + [...extras.keys()].reduce((s, n) => s + (ALPINE_PACKAGES[n]?.[1] ?? 0), 0);
  return `OK: ${Math.round(bytes / 1048576)} MiB in ${Object.keys(ALPINE_BASE).length + extras.size} packages`;
}

/** What to install for `names`, dependencies first, as apk orders them. */
function plan(ctx: ProcessContext, names: string[]): string[] {
  const out: string[] = [];
  const visit = (name: string) => {
    if (out.includes(name) || isInstalled(ctx, name)) return;
    const row = ALPINE_PACKAGES[name];
    if (!row) return;
    for (const dep of row[2]) visit(dep);
    out.push(name);
  };
  for (const n of names) visit(n);
  return out;
}

export const apk: Program = async (ctx) => {
  const parsed = parseOptions(ctx.argv.slice(1), {
    options: [
      { key: 'no-cache', long: 'no-cache' },
      { key: 'update', short: 'U', long: 'update-cache' },
      { key: 'update', long: 'update' },
      { key: 'q', short: 'q', long: 'quiet' },
      { key: 'v', short: 'v', long: 'verbose' },
      { key: 'virtual', short: 't', long: 'virtual', arg: 'required' },
      { key: 'V', short: 'V', long: 'version' },
      { key: 'h', short: 'h', long: 'help' },
      { key: 'force', long: 'force' },
      { key: 'no-progress', long: 'no-progress' },
      { key: 'repository', short: 'X', long: 'repository', arg: 'required' },
      { key: 'r', short: 'r', long: 'rdepends' },
      { key: 'purge', long: 'purge' },
    ],
  });
  if (!parsed.ok) {
    const e = parsed.error;
    ctx.stderr.write(`apk: unrecognized option: ${e.option.replace(/^--/, '')}\n`);
    return 1;
  }
  const o = parsed.options;
  const quiet = o.has('q');
  const [command, ...args] = parsed.operands;
  if (o.has('V')) {
    ctx.stdout.write('apk-tools 2.14.9, compiled for x86_64.\n');
    return 0;
  }
  if (command === undefined || o.has('h')) {
    ctx.stdout.write(
      'apk-tools 2.14.9, compiled for x86_64.\n\nusage: apk [<OPTIONS>...] COMMAND [<ARGUMENTS>...]\n',
    );
    return command === undefined && !o.has('h') ? 1 : 0;
  }
  const out = (line: string) => !quiet && ctx.stdout.write(line + '\n');
  const needsRoot = ['add', 'del', 'update', 'upgrade', 'fix'].includes(command);
  if (needsRoot && ctx.user.uid !== 0) {
    ctx.stderr.write(
      'ERROR: Unable to lock database: Permission denied\nERROR: Failed to open apk database: Permission denied\n',
    );
    return 99;
  }
  switch (command) {
    case 'update': {
      fetchLines(ctx, quiet);
      await ctx.sleep(500);
      if (!o.has('no-cache')) cacheIndexes(ctx);
      const branch = alpineBranch(ctx);
      repositories(ctx).forEach((repo, i) =>
        out(
          `${branch}.${i === 0 ? '2-41-g5b1a8f0d3c1' : '2-40-g2c6f8c4b0f9'}`.replace(
            /^v(\d+\.\d+)\./,
            'v$1.',
          ) + ` [${repo}]`,
        ),
      );
      out('OK: 26520 distinct packages available');
      return 0;
    }
    case 'add': {
      if (!indexesCached(ctx) || o.has('no-cache') || o.has('update')) {
        fetchLines(ctx, quiet);
        await ctx.sleep(500);
        if (!o.has('no-cache')) cacheIndexes(ctx);
      }
      const names = args.map((a) => a.replace(/[<>=~].*$/, ''));
      const unknown = names.filter((n) => !ALPINE_PACKAGES[ALPINE_PROVIDES[n] ?? n] && !(n in ALPINE_BASE));
      if (unknown.length > 0) {
        ctx.stderr.write('ERROR: unable to select packages:\n');
        for (const n of unknown)
          ctx.stderr.write(`  ${n} (no such package):\n    required by: world[${n}]\n`);
        return unknown.length;
      }
      const wanted = names.map((n) => ALPINE_PROVIDES[n] ?? n);
      const steps = plan(ctx, wanted);
      const virtual = o.last('virtual');
      const total = steps.length + (virtual ? 1 : 0);
      let i = 0;
      for (const name of steps) {
        i++;
        const [version] = ALPINE_PACKAGES[name]!;
        out(`(${i}/${total}) Installing ${name} (${version})`);
        placeFiles(ctx.fs, ALPINE_FILES[name] ?? []);
        const script = ALPINE_SCRIPTS[name];
        if (script === 'post-install') out(`Executing ${name}-${version}.post-install`);
        ctx.fs.mkdir('/lib/apk/db', { parents: true });
        ctx.fs.writeFile(DB, `P:${name}\nV:${version}\n\n`, { append: true });
      }
      if (virtual) {
        const version = strftime('%Y%m%d.%H%M%S', ctx.now());
        out(`(${total}/${total}) Installing ${virtual} (${version})`);
        ctx.fs.mkdir('/lib/apk/db', { parents: true });
        ctx.fs.writeFile(DB, `P:${virtual}\nV:${version}\nD:${wanted.join(' ')}\n\n`, { append: true });
      }
      await ctx.sleep(steps.length * 50);
      if (steps.length > 0) {
        for (const name of steps)
          if (ALPINE_SCRIPTS[name] === 'trigger')
            out(`Executing ${name}-${ALPINE_PACKAGES[name]![0]}.trigger`);
        out(`Executing busybox-${busyboxVersion(ctx)}.trigger`);
      }
      let world: string[] = [];
      try {
        world = ctx.fs
          .readFile('/etc/apk/world')
          .split('\n')
          .filter((l) => l !== '');
      } catch {
        // no world file yet
      }
      const added = virtual ? [virtual] : wanted;
      ctx.fs.mkdir('/etc/apk', { parents: true });
      ctx.fs.writeFile('/etc/apk/world', [...new Set([...world, ...added])].sort().join('\n') + '\n');
      out(totals(ctx));
      return 0;
    }
    case 'del': {
      const extras = installedExtras(ctx);
      const removing = args
        .filter((n) => extras.has(ALPINE_PROVIDES[n] ?? n))
        .map((n) => ALPINE_PROVIDES[n] ?? n);
      // dependencies nothing else needs go too
      const virtuals = virtualDeps(ctx);
      const depsOf = (names: string[]): Set<string> => {
        const seen = new Set<string>();
        const walk = (n: string) => {
          for (const d of ALPINE_PACKAGES[n]?.[2] ?? virtuals.get(n) ?? []) {
            if (seen.has(d)) continue;
            seen.add(d);
            walk(d);
          }
        };
        names.forEach(walk);
        return seen;
      };
      // what the world still asks for, and its dependencies, stays
      let world: string[] = [];
      try {
        world = ctx.fs
          .readFile('/etc/apk/world')
          .split('\n')
          .filter((l) => l !== '' && !removing.includes(l));
      } catch {
        // no world file
      }
      const needed = depsOf(world);
      for (const w of world) needed.add(w);
      const all = new Set(removing);
      for (const dep of depsOf(removing)) if (extras.has(dep) && !needed.has(dep)) all.add(dep);
      if (removing.length > 0) ctx.fs.writeFile('/etc/apk/world', world.join('\n') + '\n');
      let i = 0;
      const list = [...all];
      for (const name of list) {
        i++;
        out(`(${i}/${list.length}) Purging ${name} (${extras.get(name)})`);
        removeFiles(ctx.fs, ALPINE_FILES[name] ?? []);
        ctx.fs.writeFile(DB, `P:${name}\nR:removed\n\n`, { append: true });
      }
      if (list.length > 0) out(`Executing busybox-${busyboxVersion(ctx)}.trigger`);
      out(totals(ctx));
      return 0;
    }
    case 'info': {
      const names = [...Object.keys(ALPINE_BASE), ...installedExtras(ctx).keys()].sort();
      if (args.length === 0) {
        ctx.stdout.write(names.map((n) => n + '\n').join(''));
        return 0;
      }
      for (const n of args) {
        const row = ALPINE_PACKAGES[n];
        if (!row) continue;
        ctx.stdout.write(
          `${n}-${row[0]} description:\n${n}\n\n${n}-${row[0]} webpage:\nhttps://pkgs.alpinelinux.org/package/${alpineBranch(ctx)}/main/x86_64/${n}\n\n${n}-${row[0]} installed size:\n${Math.ceil(row[1] / 1024)} KiB\n\n`,
        );
      }
      return 0;
    }
    case 'search':
      for (const [n, row] of Object.entries(ALPINE_PACKAGES))
        if (args.every((a) => n.includes(a))) ctx.stdout.write(`${n}-${row[0]}\n`);
      return 0;
    case 'upgrade':
    case 'fix':
      if (!indexesCached(ctx)) fetchLines(ctx, quiet);
      out(totals(ctx));
      return 0;
    case 'cache':
      return 0;
    default:
      ctx.stderr.write(`apk: unknown command '${command}'\n`);
      return 1;
  }
};
