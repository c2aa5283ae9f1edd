/**
 * An Engine API transport over the wire: the in-process ApiTransport's shape
 * (api/transport.ts), sent as HTTP to a real daemon, or to `dockersim serve`, at a
 * DOCKER_HOST address. This is what lets the grader (and any client written against
 * ApiClient) read a real Docker Engine exactly as it reads the simulated one.
 *
 * The reverse of serve's response.ts: a JSON body is decoded to its value, a tar body
 * (`GET /containers/{id}/archive`) to the entries the router carries (TarArchive), and
 * any other body is kept as text. Header names come back in Go's canonical form
 * (`Api-Version`, `Ostype`, `X-Docker-Container-Path-Stat`), as the router writes them.
 *
 * Not carried: streams (logs, events, attach). The grader reads none of them; a client
 * that needs one gets the whole body as text once the daemon ends it.
 */
import { request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import type { ApiRequest, ApiResponse, ApiTransport } from '../../sim-engine/api/transport.ts';
import { canonicalHeaders } from '../serve/headers.ts';
import { parseTar } from '../serve/tar.ts';

/** Where a DOCKER_HOST points: a Unix socket, or a host and port (TLS is not spoken). */
export type EngineAddress = { kind: 'socket'; path: string } | { kind: 'tcp'; host: string; port: number };

export class EngineUrlError extends Error {}

/**
 * A DOCKER_HOST value as the docker CLI takes it: `unix:///path`, `tcp://host:port`
 * (`tcp://host` means port 2375), or `http://host:port`. `ssh://` and `npipe://` are
 * docker's too, but not reachable from here, so they are refused by name.
 */
export function parseEngineUrl(url: string): EngineAddress {
  const m = /^([a-z]+):\/\/(.*)$/.exec(url.trim());
  if (!m) throw new EngineUrlError(`unable to parse docker host \`${url}\``);
  const [, scheme, rest] = m as unknown as [string, string, string];
  if (scheme === 'unix') {
    if (!rest.startsWith('/')) throw new EngineUrlError(`unix socket path must be absolute: ${url}`);
    return { kind: 'socket', path: rest };
  }
  if (scheme === 'tcp' || scheme === 'http') {
    const hp = /^(\[[0-9a-fA-F:]+\]|[^:/[\]]+)(?::(\d+))?\/?$/.exec(rest);
    if (!hp) throw new EngineUrlError(`invalid address in ${url}: want tcp://HOST:PORT`);
    const port = hp[2] === undefined ? 2375 : Number(hp[2]);
    if (port < 1 || port > 65535) throw new EngineUrlError(`invalid port in ${url}`);
    return { kind: 'tcp', host: hp[1]!.replace(/^\[|\]$/g, ''), port };
  }
  throw new EngineUrlError(
    `${scheme}:// is not supported here: give unix:///path/to/docker.sock or tcp://HOST:PORT`,
  );
}

function queryString(query: Record<string, string> | undefined): string {
  const q = new URLSearchParams(query ?? {}).toString();
  return q ? `?${q}` : '';
}

function decode(res: IncomingMessage, bytes: Buffer): unknown {
  if (bytes.length === 0) return undefined;
  const type = res.headers['content-type'] ?? '';
  if (type.startsWith('application/json')) {
    try {
      return JSON.parse(bytes.toString('utf8'));
    } catch {
      return bytes.toString('utf8');
    }
  }
  if (type === 'application/x-tar') return parseTar(bytes);
  return bytes.toString('utf8');
}

/**
 * The transport to the daemon at `address`. A daemon that cannot be reached makes the
 * request fail with Node's reason (ECONNREFUSED, ENOENT), which ApiClient callers show.
 */
export function wireTransport(address: EngineAddress, timeoutMs = 60_000): ApiTransport {
  return (request: ApiRequest): Promise<ApiResponse> =>
    new Promise((resolve, reject) => {
      const headers: Record<string, string> = { 'User-Agent': 'dockersim-grade', ...request.headers };
      let payload: Buffer | undefined;
      if (request.body !== undefined) {
        payload = Buffer.from(
          typeof request.body === 'string' ? request.body : JSON.stringify(request.body),
          'utf8',
        );
        headers['Content-Type'] ??= 'application/json';
        headers['Content-Length'] = String(payload.length);
      }
      // over a socket there is no host name: docker's client says api.moby.localhost
      if (address.kind === 'socket') headers['Host'] = 'api.moby.localhost';
      const options: RequestOptions = {
        method: request.method,
        path: `${request.path}${queryString(request.query)}`,
        headers,
        timeout: timeoutMs,
        ...(address.kind === 'socket'
          ? { socketPath: address.path }
          : { host: address.host, port: address.port }),
      };
      const req = httpRequest(options, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: canonicalHeaders(res.headers),
            body: request.method === 'HEAD' ? undefined : decode(res, Buffer.concat(chunks)),
          }),
        );
      });
      req.on('timeout', () => req.destroy(new Error(`no answer from the daemon in ${timeoutMs / 1000} s`)));
      req.on('error', reject);
      req.end(payload);
    });
}
