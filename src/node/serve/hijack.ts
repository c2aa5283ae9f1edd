/**
 * Attach and exec start take the connection over (moby's Hijack): the docker CLI asks
 * for `Connection: Upgrade` / `Upgrade: tcp`, the daemon answers `101 UPGRADED` on the
 * raw socket, and from then on the container's output goes down the socket (stdcopy
 * frames, or raw with a TTY) while what the client writes is the container's stdin;
 * when the output ends the daemon closes its side (CloseWrite). An attach that fails
 * in the daemon is written raw, `HTTP/1.1 404 Not Found` and the message, which the CLI
 * reports as "unable to upgrade to tcp, received 404".
 */
import type { Duplex } from 'node:stream';
import { commonHeaders } from '../../sim-engine/api/router.ts';
import type { ApiResponse, ApiStream } from '../../sim-engine/api/transport.ts';
import type { Reader } from '../../sim-engine/process/types.ts';
import { statusText } from './headers.ts';
import { streamChunks } from './response.ts';

const ATTACH = /^(?:\/v[0-9.]+)?\/containers\/[^/]+\/attach$/;
const EXEC_START = /^(?:\/v[0-9.]+)?\/exec\/[^/]+\/start$/;

/** The endpoints whose handler hijacks the connection. */
export function hijackKind(method: string, path: string): 'attach' | 'exec' | undefined {
  if (method !== 'POST') return undefined;
  if (ATTACH.test(path)) return 'attach';
  if (EXEC_START.test(path)) return 'exec';
  return undefined;
}

/**
 * What the client writes after the upgrade, as the container's stdin: text decoded as it
 * comes, null once the client closes its side.
 */
export class SocketReader implements Reader {
  readonly #chunks: string[] = [];
  readonly #decoder = new TextDecoder();
  #waiting: ((chunk: string | null) => void) | undefined;
  #ended = false;

  constructor(socket: Duplex, already: Buffer) {
    if (already.length > 0) this.#push(this.#decoder.decode(already, { stream: true }));
    socket.on('data', (data: Buffer) => this.#push(this.#decoder.decode(data, { stream: true })));
    socket.on('end', () => this.end());
    socket.on('close', () => this.end());
  }

  #push(text: string): void {
    if (text === '' || this.#ended) return;
    const waiting = this.#waiting;
    if (waiting) {
      this.#waiting = undefined;
      waiting(text);
    } else this.#chunks.push(text);
  }

  end(): void {
    if (this.#ended) return;
    const rest = this.#decoder.decode();
    if (rest) this.#push(rest);
    this.#ended = true;
    const waiting = this.#waiting;
    this.#waiting = undefined;
    waiting?.(this.#chunks.shift() ?? null);
  }

  read(): Promise<string | null> {
    if (this.#chunks.length > 0) return Promise.resolve(this.#chunks.shift()!);
    if (this.#ended) return Promise.resolve(null);
    return new Promise((resolve) => (this.#waiting = resolve));
  }
}

/**
 * What a pseudo-terminal's line discipline echoes of what is typed (ECHO, ECHOE,
 * ECHOCTL, ICRNL with ONLCR): the real CLI puts its own terminal in raw mode and shows
 * only what comes back, so without the echo a user of `docker run -it` would type blind.
 * The engine's terminals do not echo (a lesson page's terminal shows the keys itself);
 * over the wire the echo is made here, as the daemon reads the input. Until the 101 is
 * written it is held.
 */
export class TtyEcho implements Reader {
  readonly #from: Reader;
  #sink: ((text: string) => void) | undefined;
  #held = '';
  /** characters typed on the current line, which a backspace may take back */
  #column = 0;

  constructor(from: Reader) {
    this.#from = from;
  }

  /** Where the echo goes from now on (the socket, after the 101); undefined: no echo. */
  start(sink: ((text: string) => void) | undefined): void {
    if (sink && this.#held) sink(this.#held);
    this.#held = '';
    this.#sink = sink;
  }

  async read(): Promise<string | null> {
    const chunk = await this.#from.read();
    if (chunk !== null) {
      const echo = this.#echo(chunk);
      if (this.#sink) this.#sink(echo);
      else this.#held += echo;
    }
    return chunk;
  }

  #echo(chunk: string): string {
    let out = '';
    for (const ch of chunk) {
      if (ch === '\r' || ch === '\n') {
        out += '\r\n';
        this.#column = 0;
      } else if (ch === '\x7f' || ch === '\b') {
        if (this.#column > 0) {
          out += '\b \b';
          this.#column--;
        }
      } else if (ch === '\x15') {
        out += '\b \b'.repeat(this.#column);
        this.#column = 0;
      } else if (ch === '\x03' || ch === '\x1c') {
        out += ch === '\x03' ? '^C' : '^\\';
        this.#column = 0;
      } else if (ch >= ' ' || ch === '\t') {
        out += ch;
        this.#column++;
      }
      // other control characters (Ctrl-D, the detach keys) echo nothing
    }
    return out;
  }
}

/**
 * The 101 answer. Exec start also copies the headers the middlewares had set before the
 * hijack (Header.WriteSubset: sorted); attach writes none.
 */
export function upgradedHead(kind: 'attach' | 'exec', contentType: string): string {
  let head = `HTTP/1.1 101 UPGRADED\r\nContent-Type: ${contentType}\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n`;
  if (kind === 'exec') {
    for (const [k, v] of Object.entries(commonHeaders()).sort(([a], [b]) => (a < b ? -1 : 1)))
      head += `${k}: ${v}\r\n`;
  }
  return head + '\r\n';
}

/** An attach the daemon refused after it took the connection (postContainersAttach). */
export function rawError(res: ApiResponse): string {
  const message =
    typeof res.body === 'string' ? res.body : ((res.body as { message?: string })?.message ?? '');
  return `HTTP/1.1 ${res.status} ${statusText(res.status)}\r\nContent-Type: application/vnd.docker.raw-stream\r\n\r\n${message}\r\n`;
}

/** Copy the output down the socket until it ends or the client goes; then close our side. */
export async function pipeHijacked(
  socket: Duplex,
  stream: ApiStream,
  onError?: (err: unknown) => void,
): Promise<void> {
  let gone = false;
  const onClose = () => {
    gone = true;
    stream.close();
  };
  socket.on('close', onClose);
  try {
    for await (const chunk of streamChunks(stream, '\r\n')) {
      if (gone) break;
      socket.write(chunk);
    }
  } catch (err) {
    // the output failing ends the connection as its end does
    onError?.(err);
  } finally {
    stream.close();
    // CloseWrite: the client reads to the end, then closes the connection itself
    if (!gone) socket.end();
  }
}
