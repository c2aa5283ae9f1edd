/**
 * node's `process` object: env (a copy of the environment), argv, pid, version(s),
 * platform, cwd(), uptime(), memoryUsage(), exit()/exitCode, nextTick, stdout/stderr
 * `write`, and `on(event)` for the signals (through ctx.onSignal, so PID 1 with a
 * handler stops as the script says and PID 1 without one ignores TERM/INT as node
 * does), 'exit', and 'uncaughtException'.
 */
import type { SignalName } from '../../../process/types.ts';
import type { NodeRuntime } from './runtime.ts';
import { JsFunction, toStr } from './values.ts';
import type { JsValue, JsObject } from './values.ts';

/** Thrown through the interpreter by process.exit(); the program returns its code. */
export class ProcessExit extends Error {
  readonly code: number;
  constructor(code: number) {
    super('process.exit');
    this.code = code;
  }
}

const SIGNALS = new Set(['SIGTERM', 'SIGINT', 'SIGHUP', 'SIGQUIT', 'SIGUSR1', 'SIGUSR2', 'SIGWINCH']);

export interface ProcessHooks {
  exitListeners: JsValue[];
  uncaughtListeners: JsValue[];
}

export function makeProcess(
  rt: NodeRuntime,
  argv: string[],
  write: (text: string, err: boolean) => void,
): { process: JsObject; hooks: ProcessHooks } {
  const { ctx } = rt;
  const hooks: ProcessHooks = { exitListeners: [], uncaughtListeners: [] };
  const env = rt.obj();
  for (const [k, v] of ctx.env) env.props.set(k, v);
  const started = ctx.now();
  const stream = (err: boolean) =>
    rt.obj(
      {
        write: rt.fn('write', (_t, [chunk]) => (write(toStr(chunk), err), true)),
        isTTY: ctx.tty ? true : undefined,
        columns: ctx.tty ? 80 : undefined,
      },
      'WriteStream',
    );
  const process: JsObject = rt.obj(
    {
      env,
      argv: rt.arr(argv),
      argv0: 'node',
      execPath: '/usr/local/bin/node',
      pid: ctx.pid,
      ppid: 0,
      title: 'node',
      version: `v${rt.version}`,
      versions: rt.obj({ node: rt.version, v8: '11.3.244.8-node.31', uv: '1.51.0' }),
      platform: 'linux',
      arch: 'x64',
      exitCode: undefined,
      stdout: stream(false),
      stderr: stream(true),
      stdin: rt.obj({ isTTY: ctx.tty ? true : undefined }, 'ReadStream'),
    },
    'process',
  );
  process.props.set(
    'cwd',
    rt.fn('cwd', () => ctx.cwd),
  );
  process.props.set(
    'uptime',
    rt.fn('uptime', () => (ctx.now() - started) / 1000 + 0.031),
  );
  process.props.set(
    'memoryUsage',
    rt.fn('memoryUsage', () =>
      rt.obj({
        rss: 44_015_616,
        heapTotal: 5_898_240,
        heapUsed: 4_180_264,
        external: 1_480_917,
        arrayBuffers: 10_515,
      }),
    ),
  );
  process.props.set(
    'exit',
    rt.fn('exit', (_t, [code]) => {
      const status = code === undefined ? Number(process.get('exitCode') ?? 0) : Number(code);
      throw new ProcessExit(status);
    }),
  );
  process.props.set(
    'nextTick',
    rt.fn('nextTick', (_t, [fn, ...args]) => {
      void Promise.resolve().then(() => rt.invoke(fn, undefined, args));
      return undefined;
    }),
  );
  const on = rt.fn('on', (_t, [event, fn]) => {
    const name = toStr(event);
    if (SIGNALS.has(name) && fn instanceof JsFunction) {
      ctx.onSignal(name as SignalName, () => {
        void rt.invoke(fn, process, [name]);
      });
    } else if (name === 'exit') hooks.exitListeners.push(fn);
    else if (name === 'uncaughtException') hooks.uncaughtListeners.push(fn);
    return process;
  });
  process.props.set('on', on);
  process.props.set('once', on);
  process.props.set('addListener', on);
  process.props.set(
    'removeAllListeners',
    rt.fn('removeAllListeners', () => process),
  );
  return { process, hooks };
}
