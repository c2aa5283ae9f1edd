/**
 * Nothing a client sends crashes the server: random methods, paths (real routes with
 * random parts, version prefixes, escapes, junk), queries, headers and bodies, written
 * as raw bytes, each get a well-formed HTTP/1.1 answer — a status line, header lines,
 * a body framed as its headers say — and the server still answers a ping afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exchange, rawRequest } from '../../../test/serve/raw-http.ts';
import { startServe, type Served } from './serve.ts';

let dir: string;
let served: Served;
let sock: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dockersim-prop-'));
  sock = join(dir, 'd.sock');
  served = await startServe({
    listen: { kind: 'socket', path: sock },
    images: ['alpine:latest', 'nginx:latest'],
    seed: 'prop',
  });
  // a running container and a stopped one for the names to hit
  const create = (name: string, body: object) =>
    exchange(
      sock,
      rawRequest(
        'POST',
        `/v1.51/containers/create?name=${name}`,
        { 'Content-Type': 'application/json' },
        JSON.stringify(body),
      ),
    );
  await create('web', { Image: 'nginx' });
  await create('done', { Image: 'alpine', Cmd: ['true'] });
  await exchange(sock, rawRequest('POST', '/v1.51/containers/web/start'));
  await exchange(sock, rawRequest('POST', '/v1.51/containers/done/start'));
});

afterAll(async () => {
  await served.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Routes of the Engine API and their methods, `{}` standing for a name or ID. */
const ROUTES: [string, string][] = [
  ['GET', '/_ping'],
  ['HEAD', '/_ping'],
  ['GET', '/version'],
  ['GET', '/info'],
  ['GET', '/events'],
  ['GET', '/system/df'],
  ['GET', '/containers/json'],
  ['POST', '/containers/create'],
  ['POST', '/containers/prune'],
  ['GET', '/containers/{}/json'],
  ['POST', '/containers/{}/start'],
  ['POST', '/containers/{}/stop'],
  ['POST', '/containers/{}/restart'],
  ['POST', '/containers/{}/kill'],
  ['POST', '/containers/{}/pause'],
  ['POST', '/containers/{}/unpause'],
  ['POST', '/containers/{}/wait'],
  ['GET', '/containers/{}/logs'],
  ['POST', '/containers/{}/attach'],
  ['HEAD', '/containers/{}/archive'],
  ['GET', '/containers/{}/archive'],
  ['PUT', '/containers/{}/archive'],
  ['POST', '/containers/{}/exec'],
  ['POST', '/containers/{}/update'],
  ['POST', '/containers/{}/rename'],
  ['GET', '/containers/{}/top'],
  ['GET', '/containers/{}/changes'],
  ['DELETE', '/containers/{}'],
  ['POST', '/exec/{}/start'],
  ['GET', '/exec/{}/json'],
  ['GET', '/images/json'],
  ['POST', '/images/create'],
  ['GET', '/images/{}/json'],
  ['GET', '/images/{}/history'],
  ['POST', '/images/{}/tag'],
  ['POST', '/images/{}/push'],
  ['DELETE', '/images/{}'],
  ['POST', '/commit'],
  ['POST', '/build'],
  ['GET', '/networks'],
  ['POST', '/networks/create'],
  ['GET', '/networks/{}'],
  ['POST', '/networks/{}/connect'],
  ['DELETE', '/networks/{}'],
  ['GET', '/volumes'],
  ['POST', '/volumes/create'],
  ['GET', '/volumes/{}'],
  ['DELETE', '/volumes/{}'],
  ['GET', '/swarm'],
  ['POST', '/swarm/init'],
  ['POST', '/swarm/leave'],
  ['GET', '/nodes'],
  ['GET', '/services'],
  ['POST', '/services/create'],
  ['GET', '/services/{}'],
  ['POST', '/services/{}/update'],
  ['GET', '/services/{}/logs'],
  ['DELETE', '/services/{}'],
  ['GET', '/tasks'],
  ['POST', '/secrets/create'],
  ['GET', '/configs'],
];

const NAMES = ['web', 'done', 'alpine', 'nothere', 'a%2Fb', '%zz', '..', '', 'x'.repeat(300), '%E2%82%AC'];
const segment = fc.oneof(fc.constantFrom(...NAMES), fc.stringMatching(/^[A-Za-z0-9._~-]{0,12}$/));
const prefix = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('/v1.51', '/v1.50', '') },
  { weight: 1, arbitrary: fc.constantFrom('/v1.24', '/v1.12', '/v9.99', '/v1', '/v.', '/v1.51/', '/vx') },
);
const otherMethod = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('GET', 'POST', 'DELETE', 'PUT', 'HEAD') },
  { weight: 1, arbitrary: fc.constantFrom('PATCH', 'OPTIONS', 'TRACE', 'BREW', 'get') },
);
/** a route with its own method most of the time, another now and then; or a junk path */
const target = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(
        prefix,
        fc.constantFrom(...ROUTES),
        segment,
        fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, otherMethod),
      )
      .map(([p, [m, r], s, other]) => [other ?? m, p + r.replace('{}', s)] as const),
  },
  { weight: 1, arbitrary: fc.tuple(otherMethod, fc.stringMatching(/^\/[\x21-\x7e]{0,40}$/)) },
);
const query = fc.oneof(
  fc.constant(''),
  fc
    .array(
      fc.tuple(
        fc.constantFrom(
          'all',
          'filters',
          'name',
          't',
          'condition',
          'signal',
          'tail',
          'stdout',
          'stream',
          'fromImage',
          'tag',
          'force',
          'x',
          '%zz',
        ),
        fc.oneof(
          fc.constantFrom('1', '0', '', '{"name":{"web":true}}', '%7B', 'bogus', 'none', 'alpine'),
          fc.stringMatching(/^[\x21-\x7e]{0,16}$/),
        ),
      ),
      { maxLength: 4 },
    )
    .map((pairs) => '?' + pairs.map(([k, v]) => `${k}=${v}`).join('&')),
  fc.stringMatching(/^\?[\x21-\x7e]{0,30}$/),
);
const contentType = fc.constantFrom(
  undefined,
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-tar',
  '/json',
  'a/b; x',
  '',
);
const body = fc.oneof(
  fc.constant(undefined),
  fc.json({ maxDepth: 3 }),
  fc.string({ maxLength: 60 }),
  fc.constantFrom(
    '{bad',
    '{}',
    'null',
    '[]',
    '{"Image":"alpine","Cmd":["true"]}',
    '{"Image":"alpine","Cmd":["sh","-c","echo hi; sleep 1"],"AttachStdout":true}',
    '{"Name":"n1"}',
    '{"Name":"s1","TaskTemplate":{"ContainerSpec":{"Image":"alpine","Args":["sleep","1d"]}}}',
    '{"ListenAddr":"0.0.0.0:2377"}',
    '{"Detach":false,"Tty":true}',
    '{"Cmd":["echo","x"],"AttachStdout":true}',
    '{} {}',
    '\u0000',
  ),
  fc.uint8Array({ maxLength: 1100 }).map((b) => Buffer.from(b)),
);
const extraHeaders = fc.oneof(
  { weight: 3, arbitrary: fc.constant({}) },
  fc.constant({ Connection: 'Upgrade', Upgrade: 'tcp' }),
  fc.constant({ 'Transfer-Encoding': 'chunked' }),
  fc.dictionary(
    fc.constantFrom('X-Registry-Auth', 'Upgrade', 'Connection', 'Transfer-Encoding', 'Accept', 'X-Junk'),
    fc.constantFrom('tcp', 'Upgrade', 'close', 'eyJ4Ijp9', 'chunked', '*/*', ''),
    { maxKeys: 2 },
  ),
);

const wellFormed = (status: number | undefined) => status !== undefined && status >= 100 && status <= 599;

describe('dockersim serve answers anything well-formed', () => {
  it('random requests: a status line, headers, a body framed as announced', async () => {
    await fc.assert(
      fc.asyncProperty(target, query, contentType, body, extraHeaders, async ([m, p], q, ct, b, extra) => {
        const headers: Record<string, string> = { ...extra };
        if (ct !== undefined) headers['Content-Type'] = ct;
        const res = await exchange(sock, rawRequest(m, p + q, headers, b), { timeout: 15_000, settle: 150 });
        expect(res.malformed, `${m} ${p}${q}: ${res.raw.slice(0, 300)}`).toBeUndefined();
        expect(wellFormed(res.status), `${m} ${p}${q}: ${res.raw.slice(0, 300)}`).toBe(true);
        // a JSON answer that arrived whole is JSON (a stream may stop mid-way at the deadline)
        const type = res.headers.find(([k]) => k === 'Content-Type')?.[1] ?? '';
        if (res.complete && type === 'application/json' && res.body.length > 0 && res.status !== 200)
          expect(() => JSON.parse(res.body.toString('utf8'))).not.toThrow();
      }),
      { numRuns: Number(process.env.RUNS ?? 250) },
    );
    const ping = await exchange(sock, rawRequest('GET', '/_ping'));
    expect(ping.body.toString()).toBe('OK');
  }, 240_000);

  it('bytes that are not HTTP never get a malformed answer', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 200 }), async (bytes) => {
        const junk = Buffer.concat([Buffer.from(bytes), Buffer.from('\r\n\r\n')]);
        const res = await exchange(sock, junk, { timeout: 1000 });
        // Node's parser may wait for more bytes of a request it can still read: no answer yet is fine
        if (res.raw !== '') expect(res.malformed, res.raw.slice(0, 200)).toBeUndefined();
      }),
      { numRuns: 60 },
    );
    const ping = await exchange(sock, rawRequest('GET', '/_ping'));
    expect(ping.status).toBe(200);
  }, 120_000);
});
