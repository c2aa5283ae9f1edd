import { describe, expect, it } from 'vitest';
import { testLab } from '../../../../../test/kit/lab.ts';

describe('docker version', () => {
  it('prints the client and the server through the tabwriter', async () => {
    const r = await testLab().docker('version');
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    await expect(r.stdout).toMatchFileSnapshot('testdata/version.golden');
  });

  it('takes --format with the Go field names, and json with the JSON ones', async () => {
    const lab = testLab();
    const fmt = async (f: string) => (await lab.docker(['version', '--format', f])).stdout;
    expect(await fmt('{{.Client.Version}}')).toBe('28.5.2\n');
    expect(await fmt('{{.Server.Version}}')).toBe('28.5.2\n');
    expect(
      await fmt(
        'client API {{.Client.APIVersion}}, server API {{.Server.APIVersion}} (min {{.Server.MinAPIVersion}})',
      ),
    ).toBe('client API 1.51, server API 1.51 (min 1.24)\n');
    expect(
      await fmt('{{.Client.Os}}/{{.Client.Arch}} {{.Server.Os}}/{{.Server.Arch}} {{.Server.Experimental}}'),
    ).toBe('linux/amd64 linux/amd64 false\n');
    expect(await fmt('{{range .Server.Components}}{{.Name}} {{end}}')).toBe(
      'Engine containerd runc docker-init \n',
    );
    expect(await fmt('{{index (index .Server.Components 0).Details "BuildTime"}}')).toBe(
      'Wed Nov  5 14:43:20 2025\n',
    );
    await expect(await fmt('json')).toMatchFileSnapshot('testdata/version-json.golden');
  });

  it('fails a template on execution with status 1 and on parsing with 64', async () => {
    const lab = testLab();
    const bad = await lab.docker(['version', '--format', '{{.Nope}}']);
    expect(bad).toMatchObject({
      stdout: '\n',
      stderr:
        'template: version:1:2: executing "version" at <.Nope>: can\'t evaluate field Nope in type system.versionInfo\n',
      status: 1,
    });
    const unparsable = await lab.docker(['version', '--format', '{{']);
    expect(unparsable).toMatchObject({
      stdout: '',
      stderr: 'template parsing error: template: version:1: unclosed action\n',
      status: 64,
    });
  });

  it('prints the client part, then the error, when no daemon answers', async () => {
    const r = await testLab().docker('-H tcp://nowhere:2375 version');
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^Client: Docker Engine - Community\n Version: {11}28\.5\.2\n/);
    expect(r.stdout).toMatch(/ Context: {11}default\n$/);
    expect(r.stderr).toBe(
      'Cannot connect to the Docker daemon at tcp://nowhere:2375. Is the docker daemon running?\n',
    );
  });
});
