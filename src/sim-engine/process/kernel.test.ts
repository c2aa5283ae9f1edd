import { describe, expect, it } from 'vitest';
import { Clock } from '../clock.ts';
import { MemFs } from '../fs/mem-fs.ts';
import { Random } from '../random.ts';
import { ProcessTable } from './kernel.ts';
import type { ProcessSpawnOptions } from './kernel.ts';
import { CollectingWriter, LineReader, Pipe, readAll, StringReader } from './streams.ts';
import type { Program, ProcessContext } from './types.ts';

/** Let every pending promise callback run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const T0 = 1_800_000_000_000;

const sleeper: Program = async (ctx) => {
  await ctx.sleep(Number(ctx.argv[1] ?? 1000) * 1000);
  ctx.stdout.write('woke\n');
  return 0;
};
const echo: Program = async (ctx) => {
  ctx.stdout.write(ctx.argv.slice(1).join(' ') + '\n');
  return 0;
};
const cat: Program = async (ctx) => {
  ctx.stdout.write(await readAll(ctx.stdin));
  return 0;
};
const yes: Program = async (ctx) => {
  for (;;) {
    ctx.stdout.write('y\n');
    await ctx.sleep(1);
  }
};
const head1: Program = async (ctx) => {
  const line = await new LineReader(ctx.stdin).readLine();
  ctx.stdout.write(`${line}\n`);
  return 0;
};
/** A tiny "sh -c": runs each `;`-separated command as a child and waits for it. */
const sh: Program = async (ctx) => {
  let status = 0;
  for (const command of (ctx.argv[2] ?? '').split(';')) {
    const argv = command.trim().split(/\s+/);
    status = await ctx.spawn(argv, {}).wait();
  }
  return status;
};

function setup(firstPid = 1) {
  const clock = new Clock(T0);
  const programs = new Map<string, Program>([
    ['sleep', sleeper],
    ['echo', echo],
    ['cat', cat],
    ['yes', yes],
    ['head', head1],
    ['sh', sh],
  ]);
  const table = new ProcessTable({ clock, random: new Random(1), hostname: 'c0ffee', programs, firstPid });
  const fs = new MemFs({ now: () => clock.now() });
  fs.mkdir('/bin');
  for (const name of programs.keys())
    fs.writeFile(`/bin/${name}`, '', { mode: 0o755, program: `${name}@busybox` });
  fs.writeFile('/bin/script', '#!/bin/sh\n', { mode: 0o755 });
  const out = new CollectingWriter();
  const err = new CollectingWriter();
  const opts: ProcessSpawnOptions = { fs, stdout: out, stderr: err, env: new Map([['PATH', '/bin']]) };
  return { clock, table, fs, out, err, opts };
}

describe('ProcessTable: running programs', () => {
  it('numbers processes from firstPid and resolves wait with the status', async () => {
    const { table, out, opts } = setup(2);
    const a = table.spawn('echo@busybox', ['echo', 'hi'], opts);
    const b = table.spawn(async () => 3, ['three'], opts);
    expect([a.pid, b.pid]).toEqual([2, 3]);
    expect(await a.wait()).toBe(0);
    expect(await b.wait()).toBe(3);
    expect(out.text).toBe('hi\n');
    expect(a.exitCode).toBe(0);
    expect(a.argv).toEqual(['echo', 'hi']);
    expect(a.startedAt).toBe(T0);
  });

  it('gives a program its variant, env copy, user and hostname', async () => {
    const { table, opts } = setup();
    let seen: ProcessContext | undefined;
    const env = new Map([['A', '1']]);
    await table
      .spawn(
        async (ctx) => {
          seen = ctx;
          ctx.env.set('B', '2');
          return 0;
        },
        ['x'],
        { ...opts, env, variant: 'gnu', user: { name: 'app', uid: 1000, gid: 1000 } },
      )
      .wait();
    expect(seen?.variant).toBe('gnu');
    expect(seen?.hostname).toBe('c0ffee');
    expect(seen?.user.uid).toBe(1000);
    expect(env.has('B')).toBe(false);
  });

  it('ends a program that throws with status 1 and a message, never rejecting', async () => {
    const { table, err, opts } = setup(2);
    const sync = table.spawn(
      () => {
        throw new Error('boom');
      },
      ['sync'],
      opts,
    );
    const async = table.spawn(async () => Promise.reject(new TypeError('bad')), ['async'], opts);
    expect(await sync.wait()).toBe(1);
    expect(await async.wait()).toBe(1);
    expect(err.text).toBe('sync: internal error: boom\nasync: internal error: bad\n');
  });

  it('normalises exit statuses to 8 bits', async () => {
    const { table, opts } = setup();
    expect(await table.spawn(async () => 256, ['x'], opts).wait()).toBe(0);
    expect(await table.spawn(async () => -1, ['x'], opts).wait()).toBe(255);
    expect(await table.spawn(async (ctx) => (ctx.exit(300), 0), ['x'], opts).wait()).toBe(44);
  });

  it('sleeps on the virtual clock', async () => {
    const { table, clock, out, opts } = setup();
    const p = table.spawn('sleep', ['sleep', '5'], opts);
    clock.advanceBy(4999);
    await settle();
    expect(p.exitCode).toBeUndefined();
    clock.advanceBy(1);
    expect(await p.wait()).toBe(0);
    expect(out.text).toBe('woke\n');
  });

  it('starts children by PATH, scripts by their interpreter, and 127 for unknown commands', async () => {
    const { table, out, opts } = setup();
    const status = await table.spawn('sh', ['sh', '-c', 'echo a b; echo c'], opts).wait();
    expect(status).toBe(0);
    expect(out.text).toBe('a b\nc\n');
    expect(await table.spawn('sh', ['sh', '-c', 'nope'], opts).wait()).toBe(127);
    const ran = table.exec(['script', 'arg'], opts);
    expect(ran.ok && ran.proc.argv).toEqual(['/bin/sh', '/bin/script', 'arg']);
    const missing = table.exec(['nope'], opts);
    expect(missing).toEqual({ ok: false, resolution: { ok: false, error: 'ENOENT', path: 'nope' } });
  });

  it('lists running processes for ps, with titles and parents', async () => {
    const { table, opts } = setup();
    table.spawn(
      async (ctx) => {
        ctx.setTitle?.('nginx: master process nginx -g daemon off;');
        ctx.spawn(['sleep', '100'], {});
        await ctx.sleep(1e9);
        return 0;
      },
      ['nginx', '-g', 'daemon off;'],
      opts,
    );
    await settle();
    expect(table.list()).toEqual([
      { pid: 1, ppid: 0, user: 'root', args: 'nginx: master process nginx -g daemon off;', started: T0 },
      { pid: 2, ppid: 1, user: 'root', args: 'sleep 100', started: T0 },
    ]);
  });
});

describe('ProcessTable: signals', () => {
  it('ends a process by the default action, 128+n', async () => {
    const { table, opts } = setup(2);
    const p = table.spawn('sleep', ['sleep'], opts);
    const q = table.spawn('sleep', ['sleep'], opts);
    const r = table.spawn('sleep', ['sleep'], opts);
    p.kill('SIGTERM');
    q.kill('SIGINT');
    r.kill('SIGWINCH');
    expect(await p.wait()).toBe(143);
    expect(await q.wait()).toBe(130);
    expect(r.exitCode).toBeUndefined();
    expect(table.kill(r.pid, 'SIGKILL')).toBe(true);
    expect(await r.wait()).toBe(137);
    expect(table.kill(r.pid, 'SIGKILL')).toBe(false);
  });

  it('lets PID 1 ignore unhandled TERM, so docker stop waits and kills (137)', async () => {
    const { table, clock, opts } = setup();
    const init = table.spawn('sleep', ['sleep', '1000'], opts);
    table.kill(1, 'SIGTERM');
    clock.after(10_000, () => table.kill(1, 'SIGKILL'));
    clock.advanceBy(9_999);
    await settle();
    expect(init.exitCode).toBeUndefined();
    clock.advanceBy(1);
    expect(await init.wait()).toBe(137);
  });

  it('keeps PID 1 alive against SIGKILL from inside its namespace', async () => {
    const { table, opts } = setup();
    let ctxOf2: ProcessContext | undefined;
    const init = table.spawn('sleep', ['sleep'], opts);
    table.spawn(
      async (ctx) => {
        ctxOf2 = ctx;
        return ctx.sleep(1e9).then(() => 0);
      },
      ['sh'],
      opts,
    );
    expect(ctxOf2?.kill?.(1, 'SIGKILL')).toBe(true);
    expect(ctxOf2?.kill?.(99, 'SIGKILL')).toBe(false);
    await settle();
    expect(init.exitCode).toBeUndefined();
  });

  it('runs handlers instead of the default action', async () => {
    const { table, out, opts } = setup();
    const p = table.spawn(
      async (ctx) => {
        ctx.onSignal('SIGTERM', () => {
          ctx.stdout.write('graceful\n');
          ctx.exit(0);
        });
        ctx.onSignal('SIGKILL', () => ctx.stdout.write('never\n'));
        await ctx.sleep(1e9);
        return 1;
      },
      ['nginx'],
      opts,
    );
    p.kill('SIGTERM');
    expect(await p.wait()).toBe(0);
    expect(out.text).toBe('graceful\n');
  });

  it('kills the whole namespace when PID 1 ends, and reparents orphans to PID 1', async () => {
    const { table, clock, opts } = setup();
    const init = table.spawn('sleep', ['sleep', '10'], opts);
    const parent = table.spawn(
      async (ctx) => {
        ctx.spawn(['sleep', '100'], {});
        return 0;
      },
      ['sh'],
      opts,
    );
    await parent.wait();
    expect(table.list().map((p) => [p.pid, p.ppid])).toEqual([
      [1, 0],
      [3, 1],
    ]);
    const orphan = table.get(3)!;
    clock.advanceBy(10_000);
    expect(await init.wait()).toBe(0);
    expect(await orphan.wait()).toBe(137);
    expect(table.size).toBe(0);
  });

  it('stops code after the end: a killed sleeper never wakes, its writes are dropped', async () => {
    const { table, clock, out, opts } = setup(2);
    const p = table.spawn('sleep', ['sleep', '1'], opts);
    p.kill('SIGKILL');
    clock.advanceBy(5_000);
    await settle();
    expect(out.text).toBe('');
    expect(clock.pending).toBe(0);
  });

  it('stops and continues with SIGSTOP/SIGCONT', async () => {
    const { table, clock, out, opts } = setup(2);
    const p = table.spawn('sleep', ['sleep', '1'], opts);
    p.kill('SIGSTOP');
    clock.advanceBy(2_000);
    await settle();
    expect(out.text).toBe('');
    expect(table.get(p.pid)?.stopped).toBe(true);
    p.kill('SIGCONT');
    expect(await p.wait()).toBe(0);
    expect(out.text).toBe('woke\n');
  });
});

describe('ProcessTable: exec', () => {
  /** A shell that traps TERM, then execs argv[1…] (an entrypoint's `exec "$@"`). */
  const entrypoint: Program = async (ctx) => {
    ctx.onSignal('SIGTERM', () => ctx.exit(99));
    ctx.stdout.write('entrypoint\n');
    await ctx.exec!(ctx.argv.slice(1), {});
    ctx.stdout.write('never\n');
    return 1;
  };

  it('keeps the pid, shows the new argv, and ends with the new program', async () => {
    const { table, opts, out } = setup();
    const init = table.spawn(entrypoint, ['entrypoint', 'echo', 'hello'], opts);
    expect(await init.wait()).toBe(0);
    expect(out.text).toBe('entrypoint\nhello\n');
    expect(init.pid).toBe(1);
  });

  it("resets caught signals: an exec'd sleep as PID 1 ignores TERM as on Linux", async () => {
    const { table, clock, opts } = setup();
    const init = table.spawn(entrypoint, ['entrypoint', 'sleep', '1000'], opts);
    await settle();
    expect(table.list().map((p) => `${p.pid} ${p.args}`)).toEqual(['1 sleep 1000']);
    table.kill(1, 'SIGTERM');
    await settle();
    expect(init.exitCode).toBeUndefined();
    clock.after(10_000, () => table.kill(1, 'SIGKILL'));
    clock.advanceBy(10_000);
    expect(await init.wait()).toBe(137);
  });

  it('ends with 127 when there is nothing to run', async () => {
    const { table, opts, out } = setup();
    const init = table.spawn(entrypoint, ['entrypoint', 'nothere'], opts);
    expect(await init.wait()).toBe(127);
    expect(out.text).toBe('entrypoint\n');
  });
});

describe('ProcessTable: freezer', () => {
  it('holds sleeps, writes and signals until thawed', async () => {
    const { table, clock, out, opts } = setup();
    const writer = table.spawn(
      async (ctx) => {
        ctx.onSignal('SIGUSR1', () => ctx.stdout.write('usr1\n'));
        await ctx.sleep(1000);
        ctx.stdout.write('after sleep\n');
        await ctx.sleep(1e9);
        return 0;
      },
      ['app'],
      opts,
    );
    table.freeze();
    writer.kill('SIGUSR1');
    clock.advanceBy(5000);
    await settle();
    expect(out.text).toBe('');
    table.thaw();
    await settle();
    expect(out.text).toBe('after sleep\nusr1\n');
  });

  it('still kills a frozen process with SIGKILL', async () => {
    const { table, opts } = setup();
    const p = table.spawn('sleep', ['sleep'], opts);
    table.freeze();
    table.killAll();
    expect(await p.wait()).toBe(137);
  });
});

describe('ProcessTable: pipes', () => {
  it('ends the input of a | b when the writer and its children are done', async () => {
    const { table, out, opts } = setup(2);
    const pipe = new Pipe();
    const a = table.spawn('sh', ['sh', '-c', 'echo one; echo two'], { ...opts, stdout: pipe });
    const b = table.spawn('cat', ['cat'], { ...opts, stdin: pipe });
    expect(await a.wait()).toBe(0);
    expect(await b.wait()).toBe(0);
    expect(out.text).toBe('one\ntwo\n');
  });

  it('ends the writer with SIGPIPE (141) once the reader is gone', async () => {
    const { table, clock, out, opts } = setup(2);
    const pipe = new Pipe();
    const y = table.spawn('yes', ['yes'], { ...opts, stdout: pipe });
    const h = table.spawn('head', ['head', '-1'], { ...opts, stdin: pipe });
    expect(await h.wait()).toBe(0);
    clock.advanceBy(10);
    expect(await y.wait()).toBe(141);
    expect(out.text).toBe('y\n');
  });

  it('does not let a killed reader swallow input meant for the next one', async () => {
    const { table, out, opts } = setup(2);
    const pipe = new Pipe();
    const first = table.spawn('cat', ['cat'], { ...opts, stdin: pipe, stdout: new CollectingWriter() });
    await settle();
    const second = table.spawn('cat', ['cat'], { ...opts, stdin: pipe });
    await settle();
    first.kill('SIGKILL');
    pipe.write('hello\n');
    pipe.close();
    expect(await second.wait()).toBe(0);
    expect(out.text).toBe('hello\n');
  });

  it('reads fixed input through the context', async () => {
    const { table, out, opts } = setup();
    await table.spawn('cat', ['cat'], { ...opts, stdin: new StringReader('abc') }).wait();
    expect(out.text).toBe('abc');
  });
});

describe('ProcessTable: network', () => {
  it('closes a process listeners when it ends', async () => {
    const { clock, opts } = setup();
    const closed: number[] = [];
    const table = new ProcessTable({
      clock,
      random: new Random(1),
      hostname: 'h',
      programs: new Map(),
      network: {
        listen: (port, handler, protocol = 'tcp') => ({
          port,
          protocol,
          ...handler,
          close: () => closed.push(port),
        }),
        resolve: () => undefined,
        http: () => Promise.reject(new Error('no')),
        line: () => Promise.reject(new Error('no')),
        addresses: () => [],
      },
    });
    const p = table.spawn(
      async (ctx) => {
        ctx.net.listen(80, { http: () => ({ status: 200, headers: {}, body: '' }) });
        const l = ctx.net.listen(81, {});
        l.close();
        await ctx.sleep(1e9);
        return 0;
      },
      ['nginx'],
      opts,
    );
    await settle();
    expect(closed).toEqual([81]);
    p.kill('SIGKILL');
    expect(closed).toEqual([81, 80]);
  });

  it('keeps a background child listening and writing after its parent ends', async () => {
    const { table, clock, out, opts } = setup(2);
    const server: Program = async (ctx) => {
      ctx.net.listen(8000, {});
      await ctx.sleep(1000);
      ctx.stdout.write('still here\n');
      await ctx.sleep(1e9);
      return 0;
    };
    const closed: number[] = [];
    const net = {
      ...table.network,
      listen: (port: number) => ({ port, protocol: 'tcp' as const, close: () => closed.push(port) }),
    };
    (table.programs as Map<string, Program>).set('server', server);
    const shell = table.spawn(
      async (ctx) => {
        ctx.spawn(['server'], { program: 'server' });
        return 0;
      },
      ['sh'],
      { ...opts, net },
    );
    await shell.wait();
    clock.advanceBy(1000);
    await settle();
    expect(out.text).toBe('still here\n');
    expect(closed).toEqual([]);
    expect(table.list().map((p) => [p.args, p.ppid])).toEqual([['server', 0]]);
  });
});
