/**
 * The router's ApiResponse → bytes on the wire, as dockerd's handlers write them:
 * JSON through Go's json.Encoder (a newline after the value), a small body with its
 * Content-Length and a larger one chunked (Go buffers 2048 bytes before it chunks),
 * streams flushed as they come — JSON messages one a line (`\r\n` from moby's
 * streamformatter, `\n` from the events encoder), container output in stdcopy frames
 * (an 8-byte header: stream, three zero bytes, the length big-endian) or raw for a TTY.
 */
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { ApiResponse, ApiStream, StreamFrame } from '../../sim-engine/api/transport.ts';
import { commonHeaders } from '../../sim-engine/api/router.ts';
import { goHeaderList, statusText, type HeaderOptions } from './headers.ts';
import { tarBytes } from './tar.ts';

/** net/http's bufferBeforeChunkingSize */
const CHUNKING_THRESHOLD = 2048;

/**
 * A bigint (events' timeNano, which passes 2^53) stands in the JSON text as a string
 * with this mark until it is put back as a bare number; the mark is new each run, so
 * no value a client set can carry it.
 */
const BIGINT_MARK = `\u0000${randomUUID()}:`;
const BIGINT_STRING = new RegExp(`"\\\\u0000${BIGINT_MARK.slice(1)}(-?\\d+)"`, 'g');

/** Go's json.Encoder with SetEscapeHTML(false): JSON.stringify's text but U+2028/9 escaped. */
export function goJson(value: unknown): string {
  const text =
    JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? `${BIGINT_MARK}${v}` : v)) ?? 'null';
  return (
    text
      .replace(BIGINT_STRING, '$1')
      .replace(/\u2028/g, '\\u2028')
      .replace(/\u2029/g, '\\u2029') + '\n'
  );
}

function contentType(headers: Record<string, string>): string {
  return headers['Content-Type'] ?? '';
}

/** The body's bytes, by the media type the handler set. */
export function bodyBytes(res: ApiResponse): Buffer | undefined {
  if (res.body === undefined) return undefined;
  const type = contentType(res.headers);
  if (type === 'application/x-tar') return tarBytes(res.body);
  if (typeof res.body === 'string' && !type.startsWith('application/json'))
    return Buffer.from(res.body, 'utf8');
  return Buffer.from(goJson(res.body), 'utf8');
}

/** A status whose response has no body (net/http's bodyAllowedForStatus) */
const bodyless = (status: number) => (status >= 100 && status < 200) || status === 204 || status === 304;

export interface WriteContext {
  /** the request was a HEAD: headers only */
  head: boolean;
  /** virtual now, for Date */
  now: () => number;
  /** the newline after each JSON message of a stream */
  messageNewline: string;
  /** told when a stream fails part-way (the response just ends, as a Go handler's would) */
  onError?: (err: unknown) => void;
}

/**
 * Write the status line and headers as Go orders them. A connection kept alive gets no
 * `Connection: keep-alive` (Node adds one unless the header is removed); one closing
 * after this response says `Connection: close`, as Go does.
 */
export function writeHead(
  out: ServerResponse,
  status: number,
  headers: Record<string, string>,
  o: Omit<HeaderOptions, 'close'>,
): void {
  const close = !out.shouldKeepAlive;
  if (!close) out.removeHeader('Connection');
  out.writeHead(status, goHeaderList(headers, { ...o, close }));
}

/** Write a whole response: headers, then the body or the stream until it ends. */
export async function writeResponse(out: ServerResponse, res: ApiResponse, ctx: WriteContext): Promise<void> {
  if (res.stream) {
    writeHead(out, res.status, res.headers, { now: ctx.now(), chunked: !ctx.head });
    out.flushHeaders();
    if (ctx.head) {
      res.stream.close();
      out.end();
      return;
    }
    await pipeStream(out, res.stream, ctx.messageNewline, ctx.onError);
    return;
  }
  const body = bodyless(res.status) ? undefined : (bodyBytes(res) ?? Buffer.alloc(0));
  const small = body !== undefined && body.length <= CHUNKING_THRESHOLD;
  // Go sets a length it knows, except for a HEAD the handler wrote nothing to
  const known = small && !(ctx.head && body.length === 0);
  writeHead(out, res.status, res.headers, {
    now: ctx.now(),
    contentLength: known ? body.length : undefined,
    chunked: body !== undefined && !small && !ctx.head,
  });
  if (body === undefined || ctx.head) out.end();
  else if (small) out.end(body);
  else {
    out.write(body);
    out.end();
  }
}

/** A stdcopy frame: the stream byte, three zeros, the payload's length (big-endian). */
export function frame(f: StreamFrame): Buffer {
  const payload = Buffer.from(f.data, 'utf8');
  const header = Buffer.alloc(8);
  header[0] = f.stream;
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
}

/** What a stream item is on the wire. */
export function streamChunks(stream: ApiStream, newline: string): AsyncIterable<Buffer> {
  if (stream.kind === 'json') {
    const messages = stream.messages;
    return (async function* () {
      for await (const m of messages) yield Buffer.from(goJson(m).slice(0, -1) + newline, 'utf8');
    })();
  }
  const { frames, tty } = stream;
  return (async function* () {
    for await (const f of frames) if (f.data !== '') yield tty ? Buffer.from(f.data, 'utf8') : frame(f);
  })();
}

/**
 * Copy a stream to the response until it ends or the client goes away; then close it,
 * so the engine stops feeding it (logs -f, events).
 */
export async function pipeStream(
  out: ServerResponse,
  stream: ApiStream,
  newline: string,
  onError?: (err: unknown) => void,
): Promise<void> {
  let gone = false;
  const onClose = () => {
    gone = true;
    stream.close();
  };
  out.on('close', onClose);
  try {
    for await (const chunk of streamChunks(stream, newline)) {
      if (gone) break;
      out.write(chunk);
    }
  } catch (err) {
    // a stream that fails ends the response, as a Go handler returning mid-stream does
    onError?.(err);
  } finally {
    out.off('close', onClose);
    stream.close();
    if (!gone) out.end();
  }
}

/** The message of an error answer (JSON or plain text). */
export function errorMessage(res: ApiResponse): string {
  const body = res.body as { message?: string } | string | undefined;
  return typeof body === 'string' ? body : (body?.message ?? '');
}

/** A whole response as bytes, for a socket that is no longer Node's HTTP server's. */
export function rawResponse(res: ApiResponse, now: number, head: boolean): Buffer {
  const body = res.status === 204 || res.status === 304 ? undefined : (bodyBytes(res) ?? Buffer.alloc(0));
  const list = goHeaderList(res.headers, { now, contentLength: body?.length, close: true });
  let text = `HTTP/1.1 ${res.status} ${statusText(res.status)}\r\n`;
  for (let i = 0; i < list.length; i += 2) text += `${list[i]}: ${list[i + 1]}\r\n`;
  text += '\r\n';
  return Buffer.concat([Buffer.from(text, 'latin1'), head || !body ? Buffer.alloc(0) : body]);
}

/** The engine threw where no route catches: a 500, as moby answers an unexpected error. */
export function internalError(res: ServerResponse, err: unknown, now: number): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const message = err instanceof Error ? err.message : String(err);
  const body = Buffer.from(goJson({ message }), 'utf8');
  writeHead(
    res,
    500,
    { 'Content-Type': 'application/json', ...commonHeaders() },
    { now, contentLength: body.length },
  );
  res.end(body);
}
