/**
 * `GET /containers/{id}/logs` and `POST /containers/{id}/attach`: the json-file log
 * replayed (with `tail`, `since`, `until`, timestamps) and, with `follow`, new lines
 * until the container stops; attach streams output as it is written.
 */
import { AsyncQueue } from '../api/stream.ts';
import type { StreamFrame } from '../api/transport.ts';
import { invalidParameter } from '../errdefs.ts';
import { copyInput } from './attach-input.ts';
import type { Reader } from '../process/types.ts';
import type { Container, LogEntry } from './container.ts';
import type { Daemon } from './daemon.ts';
import type { Instant } from './instant.ts';
import { isoSeconds } from './instant.ts';

export interface LogsOptions {
  stdout: boolean;
  stderr: boolean;
  follow: boolean;
  /** 'all' or a number of lines */
  tail: string;
  timestamps: boolean;
  /** seconds since the epoch (fractional), 0 for none */
  since: number;
  until: number;
}

/** jsonmessage.RFC3339NanoFixed: always nine fractional digits. */
export function fixedNano(t: Instant): string {
  return `${isoSeconds(t.ms)}.${String(t.ms % 1000).padStart(3, '0')}${String(t.nano).padStart(6, '0')}Z`;
}

function frame(entry: LogEntry, timestamps: boolean): StreamFrame {
  return {
    stream: entry.stream === 'stderr' ? 2 : 1,
    data: timestamps ? `${fixedNano(entry.time)} ${entry.text}` : entry.text,
  };
}

export function containerLogs(d: Daemon, c: Container, o: LogsOptions): AsyncQueue<StreamFrame> {
  if (!o.stdout && !o.stderr) throw invalidParameter('Bad parameters: you must choose at least one stream');
  if (c.hostConfig.LogConfig.Type === 'none') {
    throw invalidParameter('configured logging driver does not support reading');
  }
  const wanted = (e: LogEntry) => (e.stream === 'stdout' ? o.stdout : o.stderr);
  const inWindow = (e: LogEntry) => {
    const secs = e.time.ms / 1000;
    return (!o.since || secs >= o.since) && (!o.until || secs <= o.until);
  };
  let past = c.logs.filter((e) => wanted(e) && inWindow(e));
  if (o.tail !== 'all' && o.tail !== '') {
    const n = Number(o.tail);
    if (Number.isInteger(n) && n >= 0) past = n === 0 ? [] : past.slice(-n);
  }
  let unsubscribe = () => {};
  const queue = new AsyncQueue<StreamFrame>(() => unsubscribe());
  for (const e of past) queue.push(frame(e, o.timestamps));
  const following =
    o.follow && (c.isRunning || c.status === 'restarting') && (!o.until || o.until * 1000 > d.clock.now());
  if (!following) {
    queue.close();
    return queue;
  }
  const onLine = (e: LogEntry) => {
    if (wanted(e) && inWindow(e)) queue.push(frame(e, o.timestamps));
  };
  c.subscribers.add(onLine);
  const onExit = () => {
    if (c.status !== 'restarting') queue.close();
    else c.exitWaiters.push(onExit);
  };
  c.exitWaiters.push(onExit);
  c.removeWaiters.push(() => queue.close());
  unsubscribe = () => c.subscribers.delete(onLine);
  return queue;
}

export interface AttachOptions {
  stdout: boolean;
  stderr: boolean;
  /** past log lines first (`logs=1`) */
  logs: boolean;
  stream: boolean;
  stdin?: Reader;
  /** the detach keys as bytes (the route checked them); empty for Ctrl-P Ctrl-Q */
  detachKeys?: string;
}

export function containerAttach(d: Daemon, c: Container, o: AttachOptions): AsyncQueue<StreamFrame> {
  if (c.removalInProgress) throw invalidParameter(`container ${c.id} is being removed`);
  d.containerEvent(c, 'attach');
  let unsubscribe = () => {};
  const queue = new AsyncQueue<StreamFrame>(() => unsubscribe());
  if (o.logs) {
    for (const e of c.logs) {
      if (e.stream === 'stdout' ? o.stdout : o.stderr)
        queue.push({ stream: e.stream === 'stderr' ? 2 : 1, data: e.text });
    }
  }
  if (!o.stream) {
    queue.close();
    return queue;
  }
  const onRaw = (stream: 'stdout' | 'stderr', text: string) => {
    if (stream === 'stdout' ? o.stdout : o.stderr)
      queue.push({ stream: stream === 'stderr' ? 2 : 1, data: text });
  };
  c.rawSubscribers.add(onRaw);
  unsubscribe = () => c.rawSubscribers.delete(onRaw);
  c.exitWaiters.push(() => queue.close());
  c.removeWaiters.push(() => queue.close());
  if (o.stdin && c.config.OpenStdin) void pumpStdin(d, c, o.stdin, queue, o.detachKeys ?? '');
  return queue;
}

/** Copy what the client types into the container's stdin (attach-input.ts). */
async function pumpStdin(
  d: Daemon,
  c: Container,
  stdin: Reader,
  attach: AsyncQueue<StreamFrame>,
  keys: string,
): Promise<void> {
  // docker run attaches before it starts the container: hold input until it runs
  if (!c.running) await new Promise<void>((resolve) => c.startWaiters.push(resolve));
  await copyInput(stdin, {
    tty: c.config.Tty,
    keys,
    closeStdin: c.config.StdinOnce ?? false,
    attach,
    target: () => c.running?.stdin,
    detached: () => d.containerEvent(c, 'detach'),
  });
}
