import { describe, expect, it } from 'vitest';
import { testLab } from '../../../../../test/kit/lab.ts';

describe('docker tag', () => {
  it('adds names to an image, including ones on another registry', async () => {
    const lab = testLab({ images: ['alpine:latest'] });
    for (const args of [
      'tag alpine myapp',
      'tag alpine:latest myapp:1.0',
      'image tag myapp:1.0 registry.example.com/team/myapp:1.0',
    ]) {
      expect(await lab.docker(args)).toMatchObject({ out: '', status: 0 });
    }
    // references are listed as the reference store sorts them: by full name
    expect((await lab.docker(['images', '--format', '{{.Repository}}:{{.Tag}} {{.ID}}'])).out).toMatch(
      /^alpine:latest (\w{12})\nmyapp:1\.0 \1\nmyapp:latest \1\nregistry\.example\.com\/team\/myapp:1\.0 \1\n$/,
    );
  });

  it('moves a tag that named another image', async () => {
    const lab = testLab({ images: ['alpine:latest', 'busybox:latest'] });
    await lab.docker('tag alpine box');
    await lab.docker('tag busybox box');
    const f = ['--format', '{{.ID}}'];
    expect((await lab.docker(['images', ...f, 'box'])).out).toBe(
      (await lab.docker(['images', ...f, 'busybox'])).out,
    );
  });

  it('checks both names as the client and the daemon do', async () => {
    const lab = testLab({ images: ['alpine:latest'] });
    const cases: [string, string][] = [
      ['tag nothere:latest foo', 'Error response from daemon: No such image: nothere:latest'],
      [
        'tag alpine Bad:Tag',
        'Error parsing reference: "Bad:Tag" is not a valid repository/tag: invalid reference format: repository name (library/Bad) must be lowercase',
      ],
      [
        'tag Bad foo',
        'Error parsing reference: "Bad" is not a valid repository/tag: invalid reference format: repository name (library/Bad) must be lowercase',
      ],
      [`tag alpine foo@sha256:${'a'.repeat(64)}`, 'refusing to create a tag with a digest reference'],
      [
        'tag alpine sha256:foo',
        'Error response from daemon: refusing to create an ambiguous tag using digest algorithm as name',
      ],
    ];
    for (const [args, err] of cases) {
      expect(await lab.docker(args)).toMatchObject({ stderr: err + '\n', status: 1 });
    }
    expect((await lab.docker(['tag', 'alpine', 'foo:bad tag'])).stderr).toBe(
      'Error parsing reference: "foo:bad tag" is not a valid repository/tag: invalid reference format\n',
    );
    expect((await lab.docker('tag alpine')).stderr).toMatch(/^docker: 'docker tag' requires 2 arguments\n/);
  });
});
