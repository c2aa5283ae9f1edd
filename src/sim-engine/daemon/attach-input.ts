/**
 * What an attached client types, copied to a container's or an exec's stdin (moby
 * container/stream/attach.go CopyStreams, v28.5.2). With a TTY the detach keys are
 * watched for (copyEscapable): they end the attach and leave the process running. At
 * the client's end of input, the process's stdin is closed when the attach says so
 * and there is no TTY (`echo hi | docker run -i alpine cat`); otherwise the attach's
 * output ends instead — a terminal's input is never closed by a client going away.
 * Once the attach is over (the client gone, the process ended) nothing more is copied.
 */
import type { AsyncQueue } from '../api/stream.ts';
import type { StreamFrame } from '../api/transport.ts';
import { invalidParameter, systemError } from '../errdefs.ts';
import { DEFAULT_DETACH_KEYS, EscapeProxy, toBytes } from '../process/detach-keys.ts';
import type { Reader } from '../process/types.ts';

export interface StdinTarget {
  write(text: string): void;
  close(): void;
}

export interface CopyInputOptions {
  tty: boolean;
  /** the detach keys as bytes; empty for the default Ctrl-P Ctrl-Q */
  keys: string;
  /** StdinOnce for a container, always for an exec */
  closeStdin: boolean;
  /** the attach's output: closed when the attach ends */
  attach: AsyncQueue<StreamFrame>;
  /** the process's stdin now (a restarted container has a new one) */
  target(): StdinTarget | undefined;
  /** the detach keys were typed */
  detached(): void;
}

export async function copyInput(from: Reader, o: CopyInputOptions): Promise<void> {
  const proxy = o.tty ? new EscapeProxy(from, o.keys || DEFAULT_DETACH_KEYS) : undefined;
  const input = proxy ?? from;
  void proxy?.detached.then(() => {
    if (o.attach.closed) return;
    o.attach.close();
    o.detached();
  });
  for (;;) {
    const chunk = await input.read();
    if (o.attach.closed) return;
    if (chunk !== null) {
      o.target()?.write(chunk);
      continue;
    }
    if (o.closeStdin && !o.tty) o.target()?.close();
    else o.attach.close();
    return;
  }
}

/** An attach's `detachKeys` as bytes; a sequence that cannot be read is the client's mistake. */
export function attachDetachKeys(keys: string): string {
  if (keys === '') return '';
  try {
    return toBytes(keys);
  } catch {
    throw invalidParameter(`Invalid detach keys (${keys}) provided`);
  }
}

/** An exec's DetachKeys as bytes; exec create refuses a bad one with a plain error (a 500). */
export function execDetachKeys(keys: string): string {
  if (keys === '') return '';
  try {
    return toBytes(keys);
  } catch {
    throw systemError(`Invalid escape keys (${keys}) provided`);
  }
}
