/**
 * The go command of the golang images (toolchain version from /usr/local/go/VERSION):
 * `version`, `env [VAR…]`, `mod init` (go.mod with the toolchain's version), `mod tidy`
 * and `mod download` (nothing to fetch: the subset imports only the standard library),
 * `run` (files or the module's package) and `build` (-o; the binary is an executable
 * whose tag `go-app` runs the compiled package, so it can be COPY'd into another
 * stage), `fmt`/`vet` (quiet), `test` (`[no test files]`), `get` (no module proxy).
 *
 * Differs from Go: the language is this folder's subset (see interp.ts) and only the
 * standard packages of run.ts exist; `go run` runs the program in its own process
 * instead of a child.
 */
import type { ProcessContext, Program } from '../../../process/types.ts';
import { compile, runMain, STD } from './run.ts';
import type { GoSource } from './run.ts';
import { parseFile } from './parser.ts';

export function goVersion(ctx: ProcessContext): string {
  try {
    return ctx.fs.readFile('/usr/local/go/VERSION').split('\n')[0]!.replace(/^go/, '');
  } catch {
    return ctx.env.get('GOLANG_VERSION') ?? '1.26.5';
  }
}

const abs = (ctx: ProcessContext, p: string) =>
  (p.startsWith('/') ? p : `${ctx.cwd === '/' ? '' : ctx.cwd}/${p}`).replace(/\/\.?$/, '') || '/';

/** The nearest go.mod from the working directory up: its folder and module path. */
function findModule(ctx: ProcessContext): { dir: string; path: string } | undefined {
  for (let dir = ctx.cwd; ; dir = dir.replace(/\/[^/]*$/, '') || '/') {
    const file = `${dir === '/' ? '' : dir}/go.mod`;
    if (ctx.fs.stat(file)?.kind === 'file') {
      const path = /^module\s+(\S+)/m.exec(ctx.fs.readFile(file))?.[1] ?? 'main';
      return { dir, path };
    }
    if (dir === '/') return undefined;
  }
}

const NO_MOD =
  "go: go.mod file not found in current directory or any parent directory; see 'go help modules'\n";

/** The package's sources: the .go files named, or those of a directory. */
function sources(
  ctx: ProcessContext,
  args: string[],
): { list: GoSource[]; header: string; name: string } | string {
  const goFiles = args.filter((a) => a.endsWith('.go'));
  if (goFiles.length) {
    const list: GoSource[] = [];
    for (const f of goFiles) {
      const path = abs(ctx, f);
      if (ctx.fs.stat(path)?.kind !== 'file') return `stat ${f}: no such file or directory\n`;
      list.push({
        name: f.startsWith('/') || f.startsWith('.') ? f : `./${f}`,
        path,
        source: ctx.fs.readFile(path),
      });
    }
    return {
      list,
      header: 'command-line-arguments',
      name: goFiles[0]!.replace(/^.*\//, '').replace(/\.go$/, ''),
    };
  }
  const mod = findModule(ctx);
  if (!mod) return NO_MOD;
  const dir = abs(ctx, args[0] ?? '.');
  let names: string[] = [];
  try {
    names = ctx.fs.readdir(dir).filter((n) => n.endsWith('.go') && !n.endsWith('_test.go'));
  } catch {
    // no such directory: no Go files
  }
  const rel = dir === mod.dir ? '' : dir.slice(mod.dir.length);
  if (!names.length) return `no Go files in ${dir}\n`;
  return {
    list: names.map((n) => ({ name: `./${n}`, path: `${dir}/${n}`, source: ctx.fs.readFile(`${dir}/${n}`) })),
    header: `${mod.path}${rel}`,
    name: (rel || mod.path).split('/').pop()!,
  };
}

/** Imports outside the subset's standard library: go's "no required module" error. */
function missingImports(ctx: ProcessContext, list: GoSource[]): string | undefined {
  for (const s of list) {
    let file;
    try {
      file = parseFile(s.source, s.name);
    } catch {
      return undefined;
    }
    for (const im of file.imports) {
      if (STD.has(im.path)) continue;
      const where = `${s.name.replace(/^\.\//, '')}:${im.pos.line}:${im.pos.col}`;
      if (!im.path.includes('.'))
        return `${where}: package ${im.path} is not in std (/usr/local/go/src/${im.path})\n`;
      return `${where}: no required module provides package ${im.path}; to add it:\n\tgo get ${im.path}\n`;
    }
  }
  void ctx;
  return undefined;
}

async function build(ctx: ProcessContext, args: string[], run: boolean): Promise<number> {
  let out: string | undefined;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-o') out = args[++i];
    else if (a.startsWith('-o=')) out = a.slice(3);
    else if (a === '-ldflags' || a === '-tags' || a === '-gcflags') i++;
    else if (a.startsWith('-') && !run) continue;
    else rest.push(a);
  }
  const programArgs = run
    ? rest.slice(rest.findIndex((a) => !a.endsWith('.go') && a !== '.' && !a.startsWith('./')) >>> 0)
    : [];
  const pkgArgs = run ? rest.filter((a) => !programArgs.includes(a)) : rest;
  const src = sources(ctx, pkgArgs.length ? pkgArgs : ['.']);
  if (typeof src === 'string') {
    ctx.stderr.write(src);
    return 1;
  }
  const missing = missingImports(ctx, src.list);
  if (missing) {
    ctx.stderr.write(missing);
    return 1;
  }
  await ctx.sleep(run ? 400 : 1200);
  const compiled = compile(ctx, src.list);
  if (compiled.errors) {
    ctx.stderr.write(`# ${src.header}\n${compiled.errors.join('\n')}\n`);
    return 1;
  }
  if (run) {
    const status = await runMain(ctx, src.list, compiled.files, [
      `/tmp/go-build${Math.floor(ctx.random() * 1e9)}/b001/exe/${src.name}`,
      ...programArgs,
    ]);
    if (status !== 0) {
      ctx.stderr.write(`exit status ${status}\n`);
      return 1;
    }
    return 0;
  }
  let target = abs(ctx, out ?? src.name);
  if (out?.endsWith('/') || ctx.fs.stat(target)?.kind === 'dir') target = `${target}/${src.name}`;
  const usesHttp = src.list.some((s) => s.source.includes('"net/http"'));
  ctx.fs.mkdir(target.replace(/\/[^/]*$/, '') || '/', { parents: true });
  ctx.fs.writeFile(
    target,
    `\x7fELF\x02\x01\x01 go-app\n${JSON.stringify({ module: src.header, sources: src.list })}\n`,
    {
      mode: 0o755,
      program: 'go-app',
      size: usesHttp ? 7_651_234 : 2_228_416,
      uid: ctx.user.uid,
      gid: ctx.user.gid,
    },
  );
  return 0;
}

export const go: Program = async (ctx) => {
  const version = goVersion(ctx);
  const [command, ...args] = ctx.argv.slice(1);
  switch (command) {
    case 'version':
      ctx.stdout.write(`go version go${version} linux/amd64\n`);
      return 0;
    case 'env': {
      const env: Record<string, string> = {
        GOARCH: ctx.env.get('GOARCH') ?? 'amd64',
        GOOS: ctx.env.get('GOOS') ?? 'linux',
        GOPATH: ctx.env.get('GOPATH') ?? '/go',
        GOROOT: '/usr/local/go',
        GOVERSION: `go${version}`,
        GOMOD: findModule(ctx)
          ? `${findModule(ctx)!.dir === '/' ? '' : findModule(ctx)!.dir}/go.mod`
          : '/dev/null',
        GOTOOLCHAIN: ctx.env.get('GOTOOLCHAIN') ?? 'local',
        CGO_ENABLED: ctx.env.get('CGO_ENABLED') ?? '1',
        GOCACHE: `${ctx.env.get('HOME') ?? '/root'}/.cache/go-build`,
        GOPROXY: 'https://proxy.golang.org,direct',
      };
      if (args.length) ctx.stdout.write(args.map((k) => `${env[k] ?? ''}\n`).join(''));
      else
        ctx.stdout.write(
          Object.entries(env)
            .map(([k, v]) => `${k}='${v}'\n`)
            .join(''),
        );
      return 0;
    }
    case 'mod': {
      const [sub, name] = args;
      if (sub === 'init') {
        const file = `${ctx.cwd === '/' ? '' : ctx.cwd}/go.mod`;
        if (ctx.fs.stat(file)) {
          ctx.stderr.write(`go: ${file} already exists\n`);
          return 1;
        }
        if (!name) {
          ctx.stderr.write(
            'go: cannot determine module path for source directory ' +
              ctx.cwd +
              " (outside GOPATH, module path must be specified)\n\nExample usage:\n\t'go mod init example.com/m' to initialize a v0 or v1 module\n\t'go mod init example.com/m/v2' to initialize a v2 module\n\nRun 'go help mod init' for more information.\n",
          );
          return 1;
        }
        ctx.fs.writeFile(file, `module ${name}\n\ngo ${version}\n`, { uid: ctx.user.uid, gid: ctx.user.gid });
        ctx.stderr.write(`go: creating new go.mod: module ${name}\n`);
        if (ctx.fs.readdir(ctx.cwd).some((n) => n.endsWith('.go')))
          ctx.stderr.write('go: to add module requirements and sums:\n\tgo mod tidy\n');
        return 0;
      }
      if (sub === 'tidy' || sub === 'download' || sub === 'verify') {
        if (!findModule(ctx)) {
          ctx.stderr.write(NO_MOD);
          return 1;
        }
        if (sub === 'verify') ctx.stdout.write('all modules verified\n');
        return 0;
      }
      ctx.stderr.write(`go mod ${sub ?? ''}: unknown command\nRun 'go help mod' for usage.\n`);
      return 2;
    }
    case 'run':
      return build(ctx, args, true);
    case 'build':
    case 'install':
      return build(ctx, args, false);
    case 'fmt':
    case 'vet':
      return 0;
    case 'test': {
      const mod = findModule(ctx);
      if (!mod) {
        ctx.stderr.write(NO_MOD);
        return 1;
      }
      ctx.stdout.write(`?   \t${mod.path}\t[no test files]\n`);
      return 0;
    }
    case 'get': {
      const pkg = args.find((a) => !a.startsWith('-')) ?? '';
      ctx.stderr.write(
        `go: module ${pkg.split('@')[0]}: Get "https://proxy.golang.org/${pkg.split('@')[0]!.toLowerCase()}/@v/list": dial tcp: lookup proxy.golang.org: no such host\n`,
      );
      return 1;
    }
    case undefined:
    case 'help':
      ctx.stderr.write(
        'Go is a tool for managing Go source code.\n\nUsage:\n\n\tgo <command> [arguments]\n\nThe commands are:\n\n\tbug         start a bug report\n\tbuild       compile packages and dependencies\n\tclean       remove object files and cached files\n\tdoc         show documentation for package or symbol\n\tenv         print Go environment information\n\tfix         update packages to use new APIs\n\tfmt         gofmt (reformat) package sources\n\tgenerate    generate Go files by processing source\n\tget         add dependencies to current module and install them\n\tinstall     compile and install packages and dependencies\n\tlist        list packages or modules\n\tmod         module maintenance\n\twork        workspace maintenance\n\trun         compile and run Go program\n\ttelemetry   manage telemetry data and settings\n\ttest        test packages\n\ttool        run specified go tool\n\tversion     print Go version\n\tvet         report likely mistakes in packages\n\nUse "go help <command>" for more information about a command.\n',
      );
      return command === undefined ? 2 : 0;
    default:
      ctx.stderr.write(`go ${command}: unknown command\nRun 'go help' for usage.\n`);
      return 2;
  }
};

/** gofmt: sources are taken as already formatted (printed as they are; -l and -w change nothing). */
export const gofmt: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  if (args.some((a) => a === '-l' || a === '-w' || a === '-d')) return 0;
  for (const f of args.filter((a) => !a.startsWith('-'))) {
    try {
      ctx.stdout.write(ctx.fs.readFile(abs(ctx, f)));
    } catch {
      ctx.stderr.write(`open ${f}: no such file or directory\n`);
      return 2;
    }
  }
  return 0;
};
