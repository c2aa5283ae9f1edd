import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { testLab } from '../../test/kit/lab.ts';
import { ApiLog, exchange, goQueryEscape, goQueryString } from './api-log.ts';

describe('the query string as the docker CLI puts it on the wire', () => {
  it("sorts the keys (url.Values.Encode) and escapes as Go's QueryEscape", () => {
    expect(goQueryString({ stream: '1', stdout: '1', stderr: '1' })).toBe('stderr=1&stdout=1&stream=1');
    expect(goQueryString({ filters: '{"label":{"a b=*~":true}}' })).toBe(
      'filters=%7B%22label%22%3A%7B%22a+b%3D%2A~%22%3Atrue%7D%7D',
    );
    expect(goQueryEscape('é/-_.~')).toBe('%C3%A9%2F-_.~');
    expect(goQueryString({})).toBe('');
  });

  it('repeats a key the client sends once with its values on lines (t=a&t=b)', () => {
    expect(goQueryString({ t: 'web:1\nweb:latest', q: '1' })).toBe('q=1&t=web%3A1&t=web%3Alatest');
  });

  it('any query: decoded again, the same values; keys in order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1 }), fc.string()), (query) => {
        const encoded = goQueryString(query);
        const decoded = [...new URLSearchParams(encoded)];
        const keys = Object.keys(query)
          .filter((k) => !['t', 'changes', 'nocache-filter'].includes(k))
          .sort();
        expect(decoded.map(([k]) => k).filter((k) => keys.includes(k))).toEqual(keys);
        for (const k of keys) expect(new URLSearchParams(encoded).get(k)).toBe(query[k]);
        expect(encoded).toMatch(/^[A-Za-z0-9\-_.~%+=&]*$/);
      }),
    );
  });

  it('an exchange has no status until its answer comes', () => {
    const e = exchange({
      method: 'POST',
      path: '/v1.51/containers/x/wait',
      query: { condition: 'next-exit' },
    });
    expect(e).toEqual({
      method: 'POST',
      path: '/v1.51/containers/x/wait?condition=next-exit',
      requestBody: undefined,
    });
  });
});

describe('ApiLog', () => {
  it("keeps a command's requests in the order the CLI sent them, each answered when its answer comes", async () => {
    const lab = testLab({ images: ['alpine:latest'] });
    const log = new ApiLog(lab.engine, ['node1']);
    const changes: string[] = [];
    log.onChange((node) => changes.push(node));
    await lab.docker('run -d --name web alpine sleep 1000');
    // before any command nothing is kept
    expect(log.last('node1')).toBeUndefined();

    log.begin('node1', 'docker run -d --name db alpine sleep 1000');
    await lab.docker('run -d --name db alpine sleep 1000');
    const run = log.last('node1')!;
    const shown = run.requests.map(
      (r) => `${r.method} ${r.path.replace(/[0-9a-f]{64}/, '<ID>')} ${r.status}`,
    );
    expect(shown).toEqual([
      'HEAD /_ping 200',
      'POST /v1.51/containers/create?name=db 201',
      // the wait is answered only when the container exits
      'POST /v1.51/containers/<ID>/wait?condition=next-exit undefined',
      'POST /v1.51/containers/<ID>/start 204',
    ]);
    expect(run.requests[1]!.requestBody).toContain('"Image": "alpine"');
    expect(run.requests[1]!.responseBody).toContain('"Id"');

    log.begin('node1', 'docker stop db');
    const before = changes.length;
    await lab.docker('stop db');
    // the old command's wait got its answer: it is filled in, and no longer shown
    expect(run.requests[2]!.status).toBe(200);
    expect(log.last('node1')!.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'HEAD /_ping',
      'POST /v1.51/containers/db/stop',
    ]);
    expect(changes.length - before).toBe(4);
    log.dispose();
  });
});
