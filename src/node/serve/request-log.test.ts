/**
 * `dockersim serve --log-requests FILE`: each request the daemons receive, as it arrives,
 * one JSON line — hijacked ones and refused ones too, the body as sent.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exchange, rawRequest } from '../../../test/serve/raw-http.ts';
import { loggedRequest, RequestLogError, requestLog, type LoggedRequest } from './request-log.ts';
import { startServe } from './serve.ts';

describe('the request log', () => {
  it('writes what each node received, in the order it came: method, path, query as sent, body text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dockersim-log-'));
    const file = join(dir, 'requests.jsonl');
    const served = await startServe({
      listen: { kind: 'socket', path: join(dir, 'd.sock') },
      nodes: 2,
      images: ['alpine:latest'],
      ports: false,
      logRequests: file,
    });
    try {
      const [one, two] = served.endpoints.map((e) => e.listen.kind === 'socket' && e.listen.path) as string[];
      await exchange(one!, rawRequest('HEAD', '/_ping'));
      const body = '{"Image":"alpine","Cmd":["true"]}';
      const created = await exchange(
        one!,
        rawRequest(
          'POST',
          '/v1.51/containers/create?name=a%20b',
          { 'Content-Type': 'application/json' },
          body,
        ),
      );
      expect(created.status).toBe(400);
      await exchange(two!, rawRequest('GET', '/v1.51/containers/json?all=1&filters=%7B%7D'));
      await exchange(one!, rawRequest('POST', '/v1.51/containers/nothere/attach?stream=1&stdout=1'));
      const lines = readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as LoggedRequest);
      expect(lines).toEqual([
        { node: 'node1', method: 'HEAD', path: '/_ping', query: '' },
        { node: 'node1', method: 'POST', path: '/v1.51/containers/create', query: 'name=a%20b', body },
        { node: 'node2', method: 'GET', path: '/v1.51/containers/json', query: 'all=1&filters=%7B%7D' },
        {
          node: 'node1',
          method: 'POST',
          path: '/v1.51/containers/nothere/attach',
          query: 'stream=1&stdout=1',
        },
      ]);
    } finally {
      await served.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a path is logged with its escapes decoded, as the router reads it', () => {
    expect(loggedRequest('node1', { method: 'GET', path: '/v1.51/containers/a%25b/json' }).path).toBe(
      '/v1.51/containers/a%b/json',
    );
  });

  it('a log that cannot be written stops serve from starting, saying why', () => {
    expect(() => requestLog('/nonexistent/dir/requests.jsonl')).toThrow(RequestLogError);
    expect(() => requestLog('/nonexistent/dir/requests.jsonl')).toThrow(
      /^cannot write the request log: ENOENT/,
    );
  });
});
