import { describe, expect, it } from 'vitest';
import { testLab } from '../../../../../test/kit/lab.ts';

describe('docker history', () => {
  it('shows the rows newest first, <missing> below a pulled image', async () => {
    const lab = testLab({ images: ['nginx:latest', 'alpine:latest'] });
    const r = await lab.docker('history nginx');
    expect(r.status).toBe(0);
    await expect(r.out).toMatchFileSnapshot('testdata/history-nginx.golden');
    expect((await lab.docker('image history nginx')).out).toBe(r.out);
    await expect((await lab.docker('history --no-trunc alpine')).out).toMatchFileSnapshot(
      'testdata/history-alpine-no-trunc.golden',
    );
  });

  it('prints bytes and RFC 3339 times with -H=false, and IDs with -q', async () => {
    const lab = testLab({ images: ['alpine:latest'] });
    const r = await lab.docker('history -H=false alpine');
    expect(r.out.split('\n')[0]).toBe(
      'IMAGE          CREATED AT             CREATED BY                                      SIZE      COMMENT',
    );
    expect(r.out.split('\n')[2]).toMatch(
      /^<missing> {6}2026-09-17T20:37:20Z {3}ADD alpine-minirootfs-3\.24\.2-x86_64\.tar\.gz \/… {3}8654336 {3}/,
    );
    expect((await lab.docker('history -q alpine')).out).toMatch(/^[0-9a-f]{12}\n<missing>\n$/);
    const f = await lab.docker(['history', '--format', '{{.ID}}|{{.CreatedSince}}|{{.Size}}', 'alpine']);
    expect(f.out).toMatch(/^[0-9a-f]{12}\|2 months ago\|0B\n<missing>\|2 months ago\|8\.65MB\n$/);
  });

  it("fills the rows of a commit's parent with the parent's ID and keeps its tags", async () => {
    const lab = testLab({ images: ['alpine:latest'] });
    await lab.docker('create --name c1 alpine');
    lab.engine.host().daemon.getContainer('c1').fs.writeFile('/one.txt', 'one\n');
    await lab.docker(['commit', '-m', 'first file', 'c1', 'snap']);
    const r = await lab.docker([
      'history',
      '--format',
      '{{.ID}} {{.CreatedBy}} {{.Size}} {{.Comment}}',
      'snap',
    ]);
    const alpine = (await lab.docker(['images', '-q', 'alpine'])).out.trim();
    const [top, parent, missing] = r.out.trim().split('\n');
    expect(top).toMatch(/^[0-9a-f]{12} \/bin\/sh 4B first file$/);
    expect(parent).toBe(`${alpine} CMD ["/bin/sh"] 0B buildkit.dockerfile.v0`);
    expect(missing).toMatch(/^<missing> ADD /);
  });

  it('fails for an image that is not here', async () => {
    const lab = testLab();
    expect(await lab.docker('history nothere')).toMatchObject({
      stderr: 'Error response from daemon: No such image: nothere:latest\n',
      status: 1,
    });
  });
});
