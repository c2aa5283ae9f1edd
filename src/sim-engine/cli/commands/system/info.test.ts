import { describe, expect, it } from 'vitest';
import { testLab } from '../../../../../test/kit/lab.ts';

describe('docker info', () => {
  it("prints the client, with its plugins, then the server in docker's line order", async () => {
    const lab = testLab({ images: ['alpine:latest'], nodes: ['manager1'] });
    await lab.docker('run -d --name web alpine sleep 100');
    await lab.docker('create --name later alpine');
    const r = await lab.docker('info');
    expect(r.status).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot('testdata/info.golden');
    // the daemon's warnings come last, on stderr
    expect(r.stderr).toMatch(
      /^\[DEPRECATION NOTICE\]: API is accessible on http:\/\/0\.0\.0\.0:2375 without encryption\.\n/,
    );
    expect(r.stderr).toMatch(/Learn more at: https:\/\/docs\.docker\.com\/go\/api-security\/\n$/);
  });

  it('runs --format on the Go struct, and json on the JSON names', async () => {
    const lab = testLab({ images: ['alpine:latest', 'nginx:latest'] });
    const fmt = async (f: string, cmd = 'info') =>
      (await lab.docker([...cmd.split(' '), '--format', f])).stdout;
    expect(
      await fmt(
        '{{.Containers}} {{.ContainersRunning}} {{.ContainersPaused}} {{.ContainersStopped}} {{.Images}}',
      ),
    ).toBe('0 0 0 0 2\n');
    expect(await fmt('{{.Driver}} {{.LoggingDriver}} {{.OSType}} {{.Architecture}} {{.DockerRootDir}}')).toBe(
      'overlay2 json-file linux x86_64 /var/lib/docker\n',
    );
    expect(await fmt('{{.Swarm.LocalNodeState}} {{.DefaultRuntime}} {{.Plugins.Volume}}')).toBe(
      'inactive runc [local]\n',
    );
    expect(
      await fmt(
        '{{.CPUCfsPeriod}} {{.HTTPProxy}}|{{.Runtimes.runc.Path}} {{.RegistryConfig.InsecureRegistryCIDRs}}',
      ),
    ).toBe('true |runc [::1/128 127.0.0.0/8]\n');
    expect(await fmt('{{.Swarm}}')).toBe('{  inactive false  [] 0 0 <nil> []}\n');
    expect(await fmt('{{.ServerVersion}}', 'system info')).toBe('28.5.2\n');
    expect(await fmt('{{json .ClientInfo}}')).toBe(
      '{"Debug":false,"Platform":{"Name":"Docker Engine - Community"},"Version":"28.5.2","DefaultAPIVersion":"1.51","GitCommit":"ecc6942","GoVersion":"go1.24.9","Os":"linux","Arch":"amd64","BuildTime":"Wed Nov  5 14:43:20 2025","Context":"default","Plugins":[{"SchemaVersion":"0.1.0","Vendor":"Docker Inc.","Version":"v0.29.1","ShortDescription":"Docker Buildx","URL":"https://github.com/docker/buildx","Name":"buildx","Path":"/usr/libexec/docker/cli-plugins/docker-buildx"},{"SchemaVersion":"0.1.0","Vendor":"Docker Inc.","Version":"v2.40.3","ShortDescription":"Docker Compose","URL":"https://github.com/docker/compose","Name":"compose","Path":"/usr/libexec/docker/cli-plugins/docker-compose"}],"Warnings":null}\n',
    );
    const json = JSON.parse(await fmt('{{json .}}')) as Record<string, unknown>;
    expect(Object.keys(json).slice(0, 6)).toEqual([
      'ID',
      'Containers',
      'ContainersRunning',
      'ContainersPaused',
      'ContainersStopped',
      'Images',
    ]);
    expect(Object.keys(json).slice(-2)).toEqual(['Warnings', 'ClientInfo']);
    expect(json['CpuCfsPeriod']).toBe(true);
    expect(await fmt('json')).toBe(await fmt('{{json .}}'));
  });

  it('fails a template with status 1 after printing what it could', async () => {
    const r = await testLab().docker(['info', '--format', '{{.Nope}}']);
    expect(r).toMatchObject({
      stdout: '\n',
      stderr:
        'template: :1:2: executing "" at <.Nope>: can\'t evaluate field Nope in type system.dockerInfo\n',
      status: 1,
    });
    expect((await testLab().docker(['info', '--format', '{{.x'])).status).toBe(64);
  });

  it('without a daemon: the client part, an empty server part, and the error', async () => {
    const lab = testLab();
    const r = await lab.docker('-H tcp://nowhere:2375 info');
    expect(r.stdout).toMatch(/\n\nServer:\n$/);
    expect(r.stderr).toBe(
      'Cannot connect to the Docker daemon at tcp://nowhere:2375. Is the docker daemon running?\n',
    );
    expect(r.status).toBe(1);
    // a template on zero values still prints; one on the client alone needs no daemon
    expect(
      await lab.docker(['-H', 'tcp://nowhere:2375', 'info', '--format', '{{.Containers}}']),
    ).toMatchObject({
      stdout: '0\n',
      status: 1,
    });
    expect(
      await lab.docker(['-H', 'tcp://nowhere:2375', 'info', '--format', '{{.ClientInfo.Context}}']),
    ).toMatchObject({
      stdout: 'default\n',
      stderr: '',
      status: 0,
    });
  });
});
