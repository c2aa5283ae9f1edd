/**
 * Runs the shells in a small simulated machine for tests: a MemFs with the shells
 * and a few stand-in utilities in /bin, a real ProcessTable and a virtual clock
 * driven as the headless runner drives it. The stand-ins (cat, head, yes, sleep, env,
 * true, false, seq) print what the GNU tools print for the cases the tests use, so
 * the shell tests do not depend on shell/utils.
 */
import { Clock } from '../../clock.ts';
import { MemFs } from '../../fs/mem-fs.ts';
import { toAbsolute } from '../../fs/path.ts';
import { drive } from '../../headless/drive.ts';
import { ProcessTable } from '../../process/kernel.ts';
import type { Program, ProgramRegistry, Reader } from '../../process/types.ts';
import { Random } from '../../random.ts';
import { SHELL_PROGRAMS } from '../program.ts';

export const T0 = 1_795_860_000_000;

const readAll = async (r: Reader) => {
  let s = '';
  for (let c = await r.read(); c !== null; c = await r.read()) s += c;
  return s;
};

const cat: Program = async (ctx) => {
  const files = ctx.argv.slice(1);
  if (!files.length || (files.length === 1 && files[0] === '-')) {
    for (let c = await ctx.stdin.read(); c !== null; c = await ctx.stdin.read()) ctx.stdout.write(c);
    return 0;
  }
  let status = 0;
  for (const f of files) {
    if (f === '-') {
      for (let c = await ctx.stdin.read(); c !== null; c = await ctx.stdin.read()) ctx.stdout.write(c);
      continue;
    }
    try {
      ctx.stdout.write(ctx.fs.readFile(toAbsolute(ctx.cwd, f)));
    } catch {
      ctx.stderr.write(`cat: ${f}: No such file or directory\n`);
      status = 1;
    }
  }
  return status;
};

const head: Program = async (ctx) => {
  const a = ctx.argv.slice(1);
  let n = 10;
  if (a[0] === '-n') n = Number(a[1]);
  else if (a[0] && /^-\d+$/.test(a[0])) n = Number(a[0].slice(1));
  let buf = '';
  let out = 0;
  for (let c = await ctx.stdin.read(); c !== null; c = await ctx.stdin.read()) {
    buf += c;
    let nl: number;
    while (out < n && (nl = buf.indexOf('\n')) >= 0) {
      ctx.stdout.write(buf.slice(0, nl + 1));
      buf = buf.slice(nl + 1);
      out++;
    }
    if (out >= n) return 0;
  }
  if (out < n && buf) ctx.stdout.write(buf);
  return 0;
};

const yes: Program = async (ctx) => {
  const text = (ctx.argv.slice(1).join(' ') || 'y') + '\n';
  for (;;) {
    ctx.stdout.write(text.repeat(64));
    await ctx.sleep(0);
  }
};

const sleep: Program = async (ctx) => {
  await ctx.sleep(Number(ctx.argv[1] ?? 0) * 1000);
  return 0;
};

const env: Program = async (ctx) => {
  ctx.stdout.write([...ctx.env].map(([k, v]) => `${k}=${v}\n`).join(''));
  return 0;
};

const seq: Program = async (ctx) => {
  const [a, b] = ctx.argv.slice(1).map(Number);
  const from = b === undefined ? 1 : a!;
  const to = b === undefined ? a! : b;
  let out = '';
  for (let i = from; i <= to; i++) out += `${i}\n`;
  ctx.stdout.write(out);
  return 0;
};

/** Prints its arguments one per line in brackets, to show word splitting. */
const args: Program = async (ctx) => {
  ctx.stdout.write(ctx.argv.map((a, i) => (i ? `[${a}]\n` : '')).join(''));
  return 0;
};

/** Reads all its input and prints how much it got. */
const count: Program = async (ctx) => {
  const s = await readAll(ctx.stdin);
  ctx.stdout.write(`${s.length}\n`);
  return 0;
};

/** grep with -c, -v, -E and -q, JavaScript regular expressions standing in for POSIX ones. */
const grep: Program = async (ctx) => {
  const a = ctx.argv.slice(1);
  const flags = a.filter((x) => /^-[cvEq]+$/.test(x)).join('');
  const [pattern, ...files] = a.filter((x) => !/^-[cvEq]+$/.test(x));
  const re = new RegExp(pattern ?? '');
  const text = files.length
    ? files.map((f) => ctx.fs.readFile(toAbsolute(ctx.cwd, f))).join('')
    : await readAll(ctx.stdin);
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const hits = lines.filter((l) => re.test(l) !== flags.includes('v'));
  if (flags.includes('c')) ctx.stdout.write(`${hits.length}\n`);
  else if (!flags.includes('q')) ctx.stdout.write(hits.map((l) => l + '\n').join(''));
  return hits.length ? 0 : 1;
};

/** GNU echo: -n, -e, -E. */
const echo: Program = async (ctx) => {
  const a = ctx.argv.slice(1);
  let n = false;
  while (a[0] && /^-[neE]+$/.test(a[0])) n ||= a.shift()!.includes('n');
  ctx.stdout.write(a.join(' ') + (n ? '' : '\n'));
  return 0;
};

/** ls: names, one a line (or the files named). */
const ls: Program = async (ctx) => {
  const a = ctx.argv.slice(1).filter((x) => !x.startsWith('-'));
  let out = '';
  let status = 0;
  for (const target of a.length ? a : ['.']) {
    const p = toAbsolute(ctx.cwd, target);
    const st = ctx.fs.stat(p);
    if (!st) {
      ctx.stderr.write(`ls: cannot access '${target}': No such file or directory\n`);
      status = 2;
    } else if (st.kind === 'dir')
      out += ctx.fs
        .readdir(p)
        .map((n) => n + '\n')
        .join('');
    else out += target + '\n';
  }
  ctx.stdout.write(out);
  return status;
};

export const TEST_PROGRAMS: Record<string, Program> = {
  ls,
  grep,
  echo,
  cat,
  head,
  yes,
  sleep,
  env,
  seq,
  args,
  count,
  true: async () => 0,
  false: async () => 1,
};

export interface Machine {
  fs: MemFs;
  clock: Clock;
  table: ProcessTable;
}

export interface MachineOptions {
  /** the tag of /bin/sh: `sh@dash` (default) or `sh@busybox` */
  sh?: string;
  files?: Record<string, string>;
  programs?: Record<string, Program>;
  firstPid?: number;
}

export function machine(options: MachineOptions = {}): Machine {
  const clock = new Clock(T0);
  const fs = new MemFs({ now: () => clock.now() });
  for (const d of ['/bin', '/usr/bin', '/tmp', '/root', '/etc', '/home']) fs.mkdir(d, { parents: true });
  fs.writeFile(
    '/etc/passwd',
    'root:x:0:0:root:/root:/bin/bash\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n',
  );
  const programs = new Map<string, Program>([
    ...SHELL_PROGRAMS,
    ...Object.entries({ ...TEST_PROGRAMS, ...options.programs }),
  ]);
  const tags: Record<string, string> = {
    bash: 'bash',
    sh: options.sh ?? 'sh@dash',
    dash: 'dash',
    ash: 'ash',
  };
  for (const name of Object.keys(TEST_PROGRAMS).concat(Object.keys(options.programs ?? {})))
    tags[name] = name;
  // the shells in /bin (and /usr/bin, as on merged-/usr Debian), the utilities in /usr/bin
  for (const [name, tag] of Object.entries(tags)) {
    const shell = ['bash', 'sh', 'dash', 'ash'].includes(name);
    for (const dir of shell ? ['/bin', '/usr/bin'] : ['/usr/bin'])
      fs.writeFile(`${dir}/${name}`, '', { mode: 0o755, program: tag, size: 1000 });
  }
  for (const [path, text] of Object.entries(options.files ?? {})) {
    fs.mkdir(path.slice(0, path.lastIndexOf('/')) || '/', { parents: true });
    fs.writeFile(path, text, { mode: path.endsWith('.sh') ? 0o755 : 0o644 });
  }
  const table = new ProcessTable({
    clock,
    random: new Random('shell-tests'),
    hostname: 'box',
    programs: programs as ProgramRegistry,
    firstPid: options.firstPid ?? 2,
  });
  return { fs, clock, table };
}

export interface RunResult {
  status: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr in the order written */
  out: string;
  finished: boolean;
}

export interface RunOptions {
  stdin?: string | Reader;
  cwd?: string;
  env?: Record<string, string>;
  tty?: boolean;
  /** virtual ms to give up after */
  limit?: number;
}

/** Run `argv` as the program tagged `tag` (`bash`, `sh@busybox`) and drive the clock until it ends. */
export async function run(
  m: Machine,
  tag: string,
  argv: string[],
  yieldToEngine: () => Promise<void>,
  options: RunOptions = {},
): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  let out = '';
  // a runaway test (an endless loop writing) is stopped rather than left to fill memory
  const cap = () => {
    if (out.length > 1_000_000) proc.kill('SIGKILL');
  };
  let input = typeof options.stdin === 'string' ? options.stdin : undefined;
  const stdin: Reader =
    options.stdin !== undefined && typeof options.stdin !== 'string'
      ? options.stdin
      : {
          read: async () => {
            const v = input || null;
            input = undefined;
            return v;
          },
        };
  const proc = m.table.spawn(tag, argv, {
    fs: m.fs,
    env: new Map(Object.entries({ PATH: '/usr/bin:/bin', HOME: '/root', ...options.env })),
    cwd: options.cwd ?? '/tmp',
    stdin,
    stdout: {
      write: (t) => {
        stdout += t;
        out += t;
        cap();
      },
    },
    stderr: {
      write: (t) => {
        stderr += t;
        out += t;
        cap();
      },
    },
    tty: options.tty ?? false,
  });
  const r = await drive(proc.wait(), { clock: m.clock, yieldToEngine, limit: options.limit ?? 600_000 });
  return { status: r.finished ? (r.value as number) : -1, stdout, stderr, out, finished: r.finished };
}
