/**
 * A raw HTTP/1.1 exchange over a Unix socket, for tests that must send what no HTTP
 * client library would (any method, any bytes in the target, a lying Content-Length)
 * and read exactly what the server wrote back, framing included.
 */
import { connect } from 'node:net';

export interface RawResponse {
  /** everything read, as latin1 text */
  raw: string;
  status?: number;
  reason?: string;
  /** header lines in the order written */
  headers: [string, string][];
  /** the body, un-chunked when it was chunked */
  body: Buffer;
  /** what framing the body had, and whether it arrived complete */
  framing: 'length' | 'chunked' | 'close' | 'none';
  complete: boolean;
  /** the head could not be parsed as an HTTP/1.1 response */
  malformed?: string;
}

export function header(res: RawResponse, name: string): string | undefined {
  return res.headers.find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
}

/** Parse what arrived; `ended` says the server closed the connection. */
export function parseResponse(data: Buffer, ended: boolean): RawResponse {
  const raw = data.toString('latin1');
  const out: RawResponse = { raw, headers: [], body: Buffer.alloc(0), framing: 'none', complete: false };
  const end = raw.indexOf('\r\n\r\n');
  if (end < 0) return { ...out, malformed: ended ? 'no end of head' : undefined };
  const lines = raw.slice(0, end).split('\r\n');
  const status = /^HTTP\/1\.1 (\d{3}) ([^\r\n]*)$/.exec(lines[0]!);
  if (!status) return { ...out, malformed: `status line ${JSON.stringify(lines[0])}` };
  out.status = Number(status[1]);
  out.reason = status[2];
  for (const line of lines.slice(1)) {
    const m = /^([!#$%&'*+\-.^_`|~0-9A-Za-z]+): ?(.*)$/.exec(line);
    if (!m) return { ...out, malformed: `header line ${JSON.stringify(line)}` };
    out.headers.push([m[1]!, m[2]!]);
  }
  const rest = data.subarray(end + 4);
  const length = header(out, 'Content-Length');
  const chunked = header(out, 'Transfer-Encoding') === 'chunked';
  if (length !== undefined) {
    if (!/^\d+$/.test(length)) return { ...out, malformed: `Content-Length ${length}` };
    out.framing = 'length';
    out.body = rest.subarray(0, Number(length));
    out.complete = rest.length >= Number(length);
    return out;
  }
  if (chunked) {
    out.framing = 'chunked';
    const parts: Buffer[] = [];
    let at = 0;
    for (;;) {
      const eol = rest.indexOf('\r\n', at);
      if (eol < 0) break;
      const sizeText = rest.subarray(at, eol).toString('latin1');
      if (!/^[0-9a-fA-F]+$/.test(sizeText))
        return { ...out, malformed: `chunk size ${JSON.stringify(sizeText)}` };
      const size = parseInt(sizeText, 16);
      if (size === 0) {
        out.complete = rest.subarray(eol + 2, eol + 4).toString('latin1') === '\r\n';
        break;
      }
      if (rest.length < eol + 2 + size + 2) break;
      parts.push(rest.subarray(eol + 2, eol + 2 + size));
      at = eol + 2 + size + 2;
    }
    out.body = Buffer.concat(parts);
    return out;
  }
  // after a 101 the connection is a raw stream until it closes
  const bodyless =
    out.status === 204 ||
    out.status === 304 ||
    (out.status! >= 100 && out.status! < 200 && out.status !== 101);
  out.framing = bodyless ? 'none' : 'close';
  out.body = rest;
  out.complete = bodyless || ended;
  return out;
}

export interface ExchangeOptions {
  /** give up waiting for more after this long once the head is in, ms */
  settle?: number;
  /** give up waiting for the head after this long, ms */
  timeout?: number;
  /** bytes to send after the request (a hijacked stdin), and whether to half-close then */
  after?: Buffer | string;
  endAfter?: boolean;
  /** bytes to send later, each this many ms after the one before (typing) */
  typed?: { delay: number; data: string }[];
}

/**
 * Send `request` (bytes as given) and collect the answer: until the response is
 * complete, the server closes, or nothing more comes within `settle` ms of the head.
 */
export function exchange(
  socketPath: string,
  request: Buffer | string,
  o: ExchangeOptions = {},
): Promise<RawResponse> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const sock = connect(socketPath);
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const finish = (ended: boolean) => {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      sock.destroy();
      resolve(parseResponse(Buffer.concat(chunks), ended));
    };
    const arm = (ms: number) => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => finish(false), ms);
    };
    arm(o.timeout ?? 10_000);
    sock.on('connect', () => {
      sock.write(request);
      if (o.after !== undefined) sock.write(o.after);
      if (o.endAfter) sock.end();
      void (async () => {
        for (const t of o.typed ?? []) {
          await new Promise((r) => setTimeout(r, t.delay));
          if (!settled) sock.write(t.data);
        }
      })();
    });
    sock.on('data', (d: Buffer) => {
      chunks.push(d);
      const res = parseResponse(Buffer.concat(chunks), false);
      if (res.malformed) return finish(false);
      if (res.status !== undefined && res.complete && res.framing !== 'close') return finish(false);
      if (res.status !== undefined) arm(o.settle ?? 300);
    });
    sock.on('end', () => finish(true));
    sock.on('close', () => finish(true));
    sock.on('error', () => finish(true));
  });
}

/** A request's bytes: `METHOD target HTTP/1.1`, headers, and a body with its length. */
export function rawRequest(
  method: string,
  target: string,
  headers: Record<string, string> = {},
  body?: string | Buffer,
): Buffer {
  let b = body === undefined ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
  const chunked = Object.entries(headers).some(
    ([k, v]) => k.toLowerCase() === 'transfer-encoding' && v.toLowerCase() === 'chunked',
  );
  let head = `${method} ${target} HTTP/1.1\r\nHost: docker\r\n`;
  for (const [k, v] of Object.entries(headers)) head += `${k}: ${v}\r\n`;
  if (chunked) {
    // the body in one chunk, then the last
    const data = b ?? Buffer.alloc(0);
    const first =
      data.length > 0 ? [Buffer.from(`${data.length.toString(16)}\r\n`), data, Buffer.from('\r\n')] : [];
    b = Buffer.concat([...first, Buffer.from('0\r\n\r\n')]);
  } else if (b !== undefined && !Object.keys(headers).some((k) => k.toLowerCase() === 'content-length'))
    head += `Content-Length: ${b.length}\r\n`;
  head += 'Connection: close\r\n\r\n';
  return Buffer.concat([Buffer.from(head, 'utf8'), b ?? Buffer.alloc(0)]);
}
