import { describe, expect, it } from 'vitest';
import { testLab } from '../../../../../test/kit/lab.ts';

describe('docker inspect', () => {
  it('tries each kind in docker order: a container shadows a network of the same name', async () => {
    const lab = testLab({ images: ['alpine:latest'] });
    await lab.docker('network create appnet');
    expect((await lab.docker(['inspect', '-f', '{{.Name}} {{.Driver}}', 'appnet'])).stdout).toBe(
      'appnet bridge\n',
    );
    await lab.docker('run -d --name appnet alpine sleep 300');
    expect((await lab.docker(['inspect', '-f', '{{.Name}}', 'appnet'])).stdout).toBe('/appnet\n');
    expect((await lab.docker(['inspect', '--type', 'network', '-f', '{{.Name}}', 'appnet'])).stdout).toBe(
      'appnet\n',
    );
    expect((await lab.docker(['inspect', '-f', '{{.Os}}/{{.Architecture}}', 'alpine'])).stdout).toBe(
      'linux/amd64\n',
    );
  });

  it('prints [] then "No such object" when nothing matches', async () => {
    const lab = testLab({ images: ['alpine:latest'] });
    expect(await lab.docker('inspect nothere')).toMatchObject({
      stdout: '[]\n',
      stderr: 'Error: No such object: nothere\n',
      status: 1,
    });
    expect(await lab.docker(['inspect', 'alpine', 'nothere', '--format', '{{.Os}}'])).toMatchObject({
      stdout: 'linux\n',
      stderr: 'Error: No such object: nothere\n',
      status: 1,
    });
    // not a valid reference is skipped like not found
    expect((await lab.docker(['inspect', '-f', '{{.Name}}', 'UPPER'])).stderr).toBe(
      'Error: No such object: UPPER\n',
    );
  });

  it('with --type, gives the error of that kind', async () => {
    const lab = testLab();
    expect((await lab.docker(['inspect', '--type', 'volume', 'nothere'])).stderr).toBe(
      'Error response from daemon: get nothere: no such volume\n',
    );
    expect((await lab.docker(['inspect', '--type', 'bogus', 'x'])).stderr).toBe(
      'unknown type: "bogus": must be one of "config", "container", "image", "network", "node", "plugin", "secret", "service", "task", "volume"\n',
    );
    expect((await lab.docker(['inspect', '--type=', 'x'])).stderr).toMatch(
      /^type is empty: must be one of "config", /,
    );
  });

  it('warns that --size only applies to containers', async () => {
    const lab = testLab();
    await lab.docker('volume create data');
    expect(await lab.docker(['inspect', '-s', '-f', '{{.Name}}', 'data'])).toMatchObject({
      stdout: 'data\n',
      stderr: 'WARNING: --size ignored for volume\n',
      status: 0,
    });
  });
});
