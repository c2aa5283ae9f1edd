import { describe, expect, it } from 'vitest';
import { testLab } from '../../../../../test/kit/lab.ts';

describe('docker image inspect', () => {
  it("prints Engine 28's JSON: Config last, sorted, with its always-present fields", async () => {
    const lab = testLab({ images: ['alpine:latest', 'nginx:latest'] });
    const r = await lab.docker('image inspect alpine');
    expect(r.status).toBe(0);
    await expect(r.out).toMatchFileSnapshot('testdata/inspect-alpine.golden');
    const [nginx] = JSON.parse((await lab.docker('image inspect nginx')).out) as Record<string, unknown>[];
    expect(Object.keys(nginx!)).toEqual([
      'Id',
      'RepoTags',
      'RepoDigests',
      'Parent',
      'Comment',
      'Created',
      'DockerVersion',
      'Author',
      'Architecture',
      'Os',
      'Size',
      'GraphDriver',
      'RootFS',
      'Metadata',
      'Config',
    ]);
    expect(Object.keys(nginx!['Config'] as object)).toEqual([
      'Cmd',
      'Entrypoint',
      'Env',
      'ExposedPorts',
      'Labels',
      'OnBuild',
      'StopSignal',
      'User',
      'Volumes',
      'WorkingDir',
    ]);
    const data = (nginx!['GraphDriver'] as { Data: Record<string, string> }).Data;
    expect(Object.keys(data)).toEqual(['LowerDir', 'MergedDir', 'UpperDir', 'WorkDir']);
    expect(data['LowerDir']!.split(':')).toHaveLength(6);
  });

  it('runs templates on the typed response: Go field names, typed nils, time.Time', async () => {
    const lab = testLab({ images: ['nginx:latest', 'alpine:latest'] });
    const f = await lab.docker([
      'image',
      'inspect',
      '--format',
      '{{.ID}} {{.Config.Cmd}} {{.Config.Entrypoint}} {{len .RootFS.Layers}} {{.Metadata.LastTagTime}}',
      'nginx',
    ]);
    expect(f.out).toMatch(
      /^sha256:[0-9a-f]{64} \[nginx -g daemon off;\] \[\/docker-entrypoint\.sh\] 7 0001-01-01 00:00:00 \+0000 UTC\n$/,
    );
    const a = await lab.docker([
      'image',
      'inspect',
      '-f',
      '{{.Config.Entrypoint}} {{.Config.Labels}}',
      'alpine',
    ]);
    expect(a.out).toBe('[] map[]\n');
    // `.Id` is not a field of the typed struct: docker falls back to the raw JSON
    expect((await lab.docker(['image', 'inspect', '-f', '{{.Id}}', 'alpine'])).out).toMatch(/^sha256:/);
    const j = await lab.docker(['image', 'inspect', '-f', '{{json .Config}}', 'nginx']);
    expect(j.out).toContain('"Labels":{"maintainer":"NGINX Docker Maintainers <docker-maint@nginx.com>"}');
    expect(j.out).not.toContain('"OnBuild"');
  });

  it('prints [] and the error for an image that is not here', async () => {
    const lab = testLab({ images: ['alpine:latest'] });
    expect(await lab.docker('image inspect nothere')).toMatchObject({
      stdout: '[]\n',
      stderr: 'Error response from daemon: No such image: nothere:latest\n',
      status: 1,
    });
    const two = await lab.docker(['image', 'inspect', '-f', '{{.Os}}', 'nothere', 'alpine']);
    expect(two).toMatchObject({
      stdout: 'linux\n',
      stderr: 'Error response from daemon: No such image: nothere:latest\n',
      status: 1,
    });
  });

  it('records when an image was last tagged', async () => {
    const lab = testLab({ images: ['alpine:latest'] });
    await lab.docker('tag alpine mine');
    const r = await lab.docker(['image', 'inspect', '-f', '{{.Metadata.LastTagTime}}', 'mine']);
    expect(r.out).toMatch(/^2026-11-28 10:00:\d\d\.\d+ \+0000 UTC\n$/);
  });
});
