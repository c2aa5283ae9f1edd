import { describe, expect, it } from 'vitest';
import { digestOf } from '../../../images/index.ts';
import { TestLab } from '../testing/harness.ts';
import { registryStorage } from './storage.ts';

const start = async (tag = '3') => {
  const lab = new TestLab();
  const c = lab.container('library/registry', tag);
  const run = c.run(c.argv());
  await lab.advance(0);
  return { lab, c, run };
};

describe('registry', () => {
  it('logs its start as distribution does', async () => {
    const { run } = await start('2');
    const lines = run.err.text.trim().split('\n');
    expect(lines.map((l) => /msg="([^"]*)"/.exec(l)![1])).toEqual([
      expect.stringMatching(/^No HTTP secret provided/),
      'redis not configured',
      expect.stringMatching(/^Starting upload purge in \d+m0s$/),
      'using inmemory blob descriptor cache',
      'listening on [::]:5000',
    ]);
    expect(lines[1]).toMatch(
      /^time="2026-11-28T05:21:18\.\d+Z" level=info msg="redis not configured" go\.version=go1\.20\.8 instance\.id=[0-9a-f-]{36} service=registry version=2\.8\.3$/,
    );
  });

  it('answers the API, stores pushes on disk, and logs each request', async () => {
    const { c, run } = await start();
    const base = await c.http(5000, '/v2/');
    expect(base).toMatchObject({ status: 200, body: '{}' });
    expect(base.headers['Docker-Distribution-Api-Version']).toBe('registry/2.0');
    expect((await c.http(5000, '/v2/_catalog')).body).toBe('{"repositories":[]}\n');
    const layer = 'layer bytes';
    const digest = digestOf(layer);
    const started = await c.http(5000, '/v2/myapp/blobs/uploads/', 'POST');
    expect(started.status).toBe(202);
    const location = started.headers['Location']!;
    expect((await c.http(5000, `${location}?digest=${digest}`, 'PUT', {}, layer)).status).toBe(201);
    const manifest = JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      layers: [{ digest }],
    });
    const put = await c.http(5000, '/v2/myapp/manifests/latest', 'PUT', {}, manifest);
    expect(put.status).toBe(201);
    expect((await c.http(5000, '/v2/_catalog')).body).toBe('{"repositories":["myapp"]}\n');
    expect((await c.http(5000, '/v2/myapp/tags/list')).body).toBe('{"name":"myapp","tags":["latest"]}\n');
    const got = await c.http(5000, '/v2/myapp/manifests/latest');
    expect(got.body).toBe(manifest);
    expect(got.headers['Content-Type']).toBe('application/vnd.oci.image.manifest.v1+json');
    expect((await c.http(5000, '/v2/nope/tags/list')).body).toBe(
      '{"errors":[{"code":"NAME_UNKNOWN","message":"repository name not known to registry","detail":{"name":"nope"}}]}\n',
    );
    expect(
      c.fs.readFile(
        '/var/lib/registry/docker/registry/v2/repositories/myapp/_manifests/tags/latest/current/link',
      ),
    ).toBe(put.headers['Docker-Content-Digest']);
    expect(run.out.text).toContain(
      '172.17.0.1 - - [28/Nov/2026:05:21:18 +0000] "GET /v2/ HTTP/1.1" 200 2 "" "curl/8.14.1"\n',
    );
    expect(run.err.text).toContain('msg="response completed"');
    expect(registryStorage(c.fs).repositories()).toEqual(['myapp']);
  });

  it('ends with status 2 on docker stop (a Go program as PID 1)', async () => {
    const { c, run } = await start();
    await c.stop();
    expect(run.proc.exitCode).toBe(2);
  });

  it("serves blobs through the repositories that link them, mounts across repositories, and answers distribution's errors", async () => {
    const { c } = await start('2');
    const layer = 'layer bytes';
    const digest = digestOf(layer);
    const put = await c.http(5000, `/v2/one/blobs/uploads/?digest=${digest}`, 'POST', {}, layer);
    expect(put.status).toBe(201);
    expect((await c.http(5000, `/v2/one/blobs/${digest}`, 'HEAD')).status).toBe(200);
    // another repository does not have it until it mounts it
    const other = await c.http(5000, `/v2/two/blobs/${digest}`, 'HEAD');
    expect(other.status).toBe(404);
    expect((await c.http(5000, `/v2/two/blobs/${digest}`)).body).toBe(
      `{"errors":[{"code":"BLOB_UNKNOWN","message":"blob unknown to registry","detail":"${digest}"}]}\n`,
    );
    const mounted = await c.http(5000, `/v2/two/blobs/uploads/?mount=${digest}&from=one`, 'POST');
    expect(mounted.status).toBe(201);
    expect(mounted.headers['Location']).toBe(`/v2/two/blobs/${digest}`);
    expect(mounted.headers['Docker-Content-Digest']).toBe(digest);
    expect((await c.http(5000, `/v2/two/blobs/${digest}`)).body).toBe(layer);
    // a mount from where the blob is not starts an ordinary upload, which can be cancelled
    const missing = digestOf('nothing');
    const started = await c.http(5000, `/v2/three/blobs/uploads/?mount=${missing}&from=one`, 'POST');
    expect(started.status).toBe(202);
    expect((await c.http(5000, started.headers['Location']!, 'DELETE')).status).toBe(204);
    expect((await c.http(5000, started.headers['Location']!, 'PATCH')).status).toBe(404);
    // an unknown tag is MANIFEST_UNKNOWN, in a known repository or not (distribution 2.8's ErrTagUnknown)
    const unknownTag =
      '{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown","detail":{"Tag":"1"}}]}\n';
    expect((await c.http(5000, '/v2/nope/manifests/1')).body).toBe(unknownTag);
    expect((await c.http(5000, '/v2/one/manifests/1')).body).toBe(unknownTag);
    expect((await c.http(5000, `/v2/one/manifests/${missing}`)).body).toBe(
      `{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown","detail":{"Name":"one","Revision":"${missing}"}}]}\n`,
    );
  });
});
