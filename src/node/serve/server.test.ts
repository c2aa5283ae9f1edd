import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exchange, header, rawRequest, type RawResponse } from '../../../test/serve/raw-http.ts';
import { startServe, type Served } from './serve.ts';

let dir: string;
let served: Served;
let sock: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dockersim-serve-'));
  sock = join(dir, 'd.sock');
  served = await startServe({
    listen: { kind: 'socket', path: sock },
    images: ['alpine:latest'],
    seed: 'serve',
  });
});

afterAll(async () => {
  await served.close();
  rmSync(dir, { recursive: true, force: true });
});

const send = (method: string, target: string, headers: Record<string, string> = {}, body?: string) =>
  exchange(sock, rawRequest(method, target, headers, body));

const names = (res: RawResponse) => res.headers.map(([k]) => k);
const json = (res: RawResponse) => JSON.parse(res.body.toString('utf8')) as unknown;

describe('dockersim serve: HTTP as dockerd writes it', () => {
  it("GET /_ping: OK with the handler's headers sorted, then Date and Content-Length", async () => {
    const res = await send('GET', '/_ping');
    expect(res.status).toBe(200);
    expect(res.body.toString()).toBe('OK');
    expect(names(res)).toEqual([
      'Api-Version',
      'Builder-Version',
      'Cache-Control',
      'Content-Type',
      'Docker-Experimental',
      'Ostype',
      'Pragma',
      'Server',
      'Swarm',
      'Date',
      'Content-Length',
      'Connection',
    ]);
    expect(header(res, 'Api-Version')).toBe('1.51');
    expect(header(res, 'Server')).toBe('Docker/28.5.2 (linux)');
    expect(header(res, 'Ostype')).toBe('linux');
    expect(header(res, 'Swarm')).toBe('inactive');
    expect(header(res, 'Date')).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
  });

  it('HEAD /_ping: no body, the Content-Length of 0 the handler sets', async () => {
    const res = await send('HEAD', '/_ping');
    expect(res.status).toBe(200);
    expect(header(res, 'Content-Length')).toBe('0');
    expect(res.body.length).toBe(0);
  });

  it('a JSON answer ends with a newline (json.Encoder); a large one is chunked', async () => {
    const small = await send('GET', '/v1.51/containers/json');
    expect(small.body.toString()).toBe('[]\n');
    expect(header(small, 'Content-Length')).toBe('3');
    const big = await send('GET', '/v1.51/info');
    expect(big.framing).toBe('chunked');
    expect(big.complete).toBe(true);
    expect(json(big)).toMatchObject({ ServerVersion: '28.5.2', Name: 'node1' });
  });

  it('errors: the Engine API shape and its status', async () => {
    const missing = await send('GET', '/v1.51/containers/nothere/json');
    expect(missing.status).toBe(404);
    expect(missing.body.toString()).toBe('{"message":"No such container: nothere"}\n');
    const notFound = await send('GET', '/v1.51/nope');
    expect(notFound.status).toBe(404);
    // the test's requests ask Connection: close, which Go's server echoes after the length
    expect(names(notFound)).toEqual(['Content-Type', 'Date', 'Content-Length', 'Connection']);
    const badJson = await send(
      'POST',
      '/v1.51/networks/create',
      { 'Content-Type': 'application/json' },
      '{bad',
    );
    expect(badJson.status).toBe(400);
    expect(json(badJson)).toEqual({
      message: "invalid JSON: invalid character 'b' looking for beginning of object key string",
    });
  });

  it('version negotiation: too new and too old are refused, a supported prefix is served', async () => {
    expect((await send('GET', '/v1.52/version')).status).toBe(400);
    const old = await send('GET', '/v1.23/version');
    expect(old.status).toBe(400);
    expect(header(old, 'Content-Type')).toBe('text/plain; charset=utf-8');
    expect((await send('GET', '/v1.24/version')).status).toBe(200);
  });

  it('an unclean path is redirected to the clean one (gorilla/mux)', async () => {
    const res = await send('GET', '//v1.51/containers//json?all=1');
    expect(res.status).toBe(301);
    expect(header(res, 'Location')).toBe('/v1.51/containers/json?all=1');
  });

  it("a bad escape in the path is the server's own 400", async () => {
    const res = await send('GET', '/v1.51/containers/j%zzson');
    expect(res.status).toBe(400);
    expect(res.body.toString()).toBe('400 Bad Request');
  });

  it('a method no route takes is page not found', async () => {
    expect((await send('PATCH', '/v1.51/containers/json')).status).toBe(404);
    expect((await send('OPTIONS', '/_ping')).status).toBe(404);
  });

  it('escaped slashes stay inside the name they escape', async () => {
    const res = await send('GET', '/v1.51/containers/a%2Fb/json');
    // mux matches the unescaped path: a/b is two segments, no route
    expect(res.status).toBe(404);
    expect(json(res)).toEqual({ message: 'page not found' });
  });
});

describe('dockersim serve: streams and hijacked connections', () => {
  it('runs a container attached: 101 UPGRADED, stdcopy frames, then the exit code from wait', async () => {
    const create = await send(
      'POST',
      '/v1.51/containers/create',
      { 'Content-Type': 'application/json' },
      JSON.stringify({
        Image: 'alpine',
        Cmd: ['sh', '-c', 'echo out; echo err >&2'],
        AttachStdout: true,
        AttachStderr: true,
      }),
    );
    expect(create.status).toBe(201);
    const id = (json(create) as { Id: string }).Id;
    const attached = exchange(
      sock,
      rawRequest('POST', `/v1.51/containers/${id}/attach?stream=1&stdout=1&stderr=1`, {
        Connection: 'Upgrade',
        Upgrade: 'tcp',
      }),
      { settle: 2000 },
    );
    // the wait answers its head at once and its body at the exit
    const waited = exchange(sock, rawRequest('POST', `/v1.51/containers/${id}/wait?condition=next-exit`), {
      settle: 5000,
    });
    await new Promise((r) => setTimeout(r, 100));
    expect((await send('POST', `/v1.51/containers/${id}/start`)).status).toBe(204);
    const res = await attached;
    expect(res.raw).toMatch(
      /^HTTP\/1\.1 101 UPGRADED\r\nContent-Type: application\/vnd\.docker\.multiplexed-stream\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n/,
    );
    const frames = res.body;
    expect([...frames.subarray(0, 8)]).toEqual([1, 0, 0, 0, 0, 0, 0, 4]);
    expect(frames.subarray(8, 12).toString()).toBe('out\n');
    expect([...frames.subarray(12, 20)]).toEqual([2, 0, 0, 0, 0, 0, 0, 4]);
    expect(frames.subarray(20).toString()).toBe('err\n');
    const wait = await waited;
    expect(wait.status).toBe(200);
    expect(wait.framing).toBe('chunked');
    expect(json(wait)).toEqual({ StatusCode: 0 });
  });

  it("copies the client's stdin to the container after the upgrade", async () => {
    const create = await send(
      'POST',
      '/v1.51/containers/create',
      { 'Content-Type': 'application/json' },
      JSON.stringify({
        Image: 'alpine',
        Cmd: ['cat'],
        AttachStdin: true,
        AttachStdout: true,
        OpenStdin: true,
        StdinOnce: true,
      }),
    );
    const id = (json(create) as { Id: string }).Id;
    const attached = exchange(
      sock,
      rawRequest('POST', `/v1.51/containers/${id}/attach?stream=1&stdin=1&stdout=1`, {
        Connection: 'Upgrade',
        Upgrade: 'tcp',
      }),
      { settle: 2000, after: 'piped text\n', endAfter: true },
    );
    await new Promise((r) => setTimeout(r, 100));
    await send('POST', `/v1.51/containers/${id}/start`);
    const res = await attached;
    expect(res.body.subarray(8).toString()).toBe('piped text\n');
  });

  it("with a TTY: raw output, into which the keys are echoed as the container's terminal would", async () => {
    const create = await send(
      'POST',
      '/v1.51/containers/create',
      { 'Content-Type': 'application/json' },
      JSON.stringify({
        Image: 'alpine',
        Cmd: ['sh'],
        Tty: true,
        OpenStdin: true,
        StdinOnce: true,
        AttachStdin: true,
        AttachStdout: true,
        AttachStderr: true,
      }),
    );
    const id = (json(create) as { Id: string }).Id;
    const attached = exchange(
      sock,
      rawRequest('POST', `/v1.51/containers/${id}/attach?stream=1&stdin=1&stdout=1&stderr=1`, {
        Connection: 'Upgrade',
        Upgrade: 'tcp',
      }),
      {
        settle: 2000,
        typed: [
          { delay: 300, data: 'echo hi\r' },
          { delay: 200, data: 'exit 3\r' },
        ],
      },
    );
    await new Promise((r) => setTimeout(r, 100));
    await send('POST', `/v1.51/containers/${id}/start`);
    const res = await attached;
    expect(header(res, 'Content-Type')).toBe('application/vnd.docker.raw-stream');
    expect(res.body.toString()).toBe('/ # echo hi\r\nhi\r\n/ # exit 3\r\n');
    const inspect = await send('GET', `/v1.51/containers/${id}/json`);
    expect((json(inspect) as { State: { ExitCode: number } }).State.ExitCode).toBe(3);
  });

  it('an attach the daemon refuses is written raw on the connection', async () => {
    const res = await exchange(
      sock,
      rawRequest('POST', '/v1.51/containers/nothere/attach?stream=1&stdout=1', {
        Connection: 'Upgrade',
        Upgrade: 'tcp',
      }),
    );
    expect(res.raw).toBe(
      'HTTP/1.1 404 Not Found\r\nContent-Type: application/vnd.docker.raw-stream\r\n\r\nNo such container: nothere\r\n',
    );
  });

  it('logs: stdcopy frames for a container without a TTY', async () => {
    const create = await send(
      'POST',
      '/v1.51/containers/create?name=logger',
      { 'Content-Type': 'application/json' },
      JSON.stringify({ Image: 'alpine', Cmd: ['echo', 'logged'] }),
    );
    expect(create.status).toBe(201);
    await send('POST', '/v1.51/containers/logger/start');
    await new Promise((r) => setTimeout(r, 200));
    const res = await send('GET', '/v1.51/containers/logger/logs?stdout=1&stderr=1');
    expect(header(res, 'Content-Type')).toBe('application/vnd.docker.multiplexed-stream');
    expect(res.framing).toBe('chunked');
    expect([...res.body.subarray(0, 8)]).toEqual([1, 0, 0, 0, 0, 0, 0, 7]);
    expect(res.body.subarray(8).toString()).toBe('logged\n');
  });

  it('a pull streams JSON messages, each ending with CRLF', async () => {
    const res = await send('POST', '/v1.51/images/create?fromImage=busybox&tag=latest');
    expect(res.status).toBe(200);
    const text = res.body.toString();
    expect(text.endsWith('\r\n')).toBe(true);
    const messages = text
      .trimEnd()
      .split('\r\n')
      .map((l) => JSON.parse(l) as { status?: string });
    expect(messages[0]).toEqual({ status: 'Pulling from library/busybox', id: 'latest' });
    expect(messages.at(-1)?.status).toBe('Status: Downloaded newer image for busybox:latest');
  });
});
