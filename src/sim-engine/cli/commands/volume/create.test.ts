import { describe, expect, it } from 'vitest';
import { testLab } from '../../../../../test/kit/lab.ts';

describe('docker volume create / inspect', () => {
  it('prints the name; a second create gives the same volume back', async () => {
    const lab = testLab();
    expect(await lab.docker('volume create data')).toMatchObject({ out: 'data\n', status: 0 });
    expect(await lab.docker('volume create --label x=1 data')).toMatchObject({ out: 'data\n', status: 0 });
    const r = await lab.docker('volume inspect data');
    expect(r.stdout).toBe(
      '[\n    {\n        "CreatedAt": "2026-11-28T10:00:00Z",\n        "Driver": "local",\n        "Labels": null,\n' +
        '        "Mountpoint": "/var/lib/docker/volumes/data/_data",\n        "Name": "data",\n        "Options": null,\n' +
        '        "Scope": "local"\n    }\n]\n',
    );
  });

  it('names an anonymous volume with 64 hex digits and marks it anonymous', async () => {
    const lab = testLab();
    const name = (await lab.docker('volume create')).stdout.trim();
    expect(name).toMatch(/^[0-9a-f]{64}$/);
    expect((await lab.docker(['volume', 'inspect', '-f', '{{json .Labels}}', name])).stdout).toBe(
      '{"com.docker.volume.anonymous":""}\n',
    );
  });

  it('keeps labels and driver options; templates see Go maps', async () => {
    const lab = testLab();
    await lab.docker([
      'volume',
      'create',
      '--label',
      'b=2',
      '--label',
      'a',
      '-o',
      'type=tmpfs',
      '-o',
      'device=tmpfs',
      'opts',
    ]);
    const t = async (f: string) => (await lab.docker(['volume', 'inspect', '-f', f, 'opts'])).stdout;
    expect(await t('{{json .Labels}} {{json .Options}}')).toBe(
      '{"a":"","b":"2"} {"device":"tmpfs","type":"tmpfs"}\n',
    );
    expect(await t('{{.Labels}} {{.Labels.nope}} {{.UsageData}}')).toBe('map[a: b:2] <no value> <nil>\n');
    const bad = await lab.docker(['volume', 'inspect', '-f', '{{.Nope}}', 'opts']);
    expect(bad.stderr).toBe(
      'template parsing error: template: :1:2: executing "" at <.Nope>: can\'t evaluate field Nope in type volume.Volume\n',
    );
  });

  it("fails with the local driver's texts", async () => {
    const lab = testLab();
    const err = async (args: string[]) => (await lab.docker(['volume', 'create', ...args])).stderr;
    expect(await err(['a'])).toBe(
      'Error response from daemon: create a: volume name is too short, names should be at least two alphanumeric characters\n',
    );
    expect(await err(['a/b'])).toBe(
      'Error response from daemon: create a/b: "a/b" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path\n',
    );
    expect(await err(['-o', 'foo=bar', 'vv'])).toBe(
      'Error response from daemon: create vv: invalid option: "foo"\n',
    );
    expect(await err(['-o', 'device=/dev/sda', 'vv'])).toBe(
      'Error response from daemon: create vv: missing required option: "type"\n',
    );
    expect(await err(['-d', 'flocker', 'vv'])).toBe(
      'Error response from daemon: create vv: error looking up volume plugin flocker: plugin "flocker" not found\n',
    );
    expect(await err(['--name', 'x1', 'x2'])).toBe(
      'conflicting options: cannot specify a volume-name through both --name and as a positional arg\n',
    );
    expect(await err(['--group', 'g', 'cv'])).toBe(
      'Error response from daemon: This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.\n',
    );
    const r = await lab.docker('volume inspect nosuch');
    expect(r).toMatchObject({
      stdout: '[]\n',
      stderr: 'Error response from daemon: get nosuch: no such volume\n',
      status: 1,
    });
    expect((await lab.docker('volume update nosuch')).stderr).toBe(
      'Error response from daemon: get nosuch: no such volume\n',
    );
    await lab.docker('volume create local1');
    expect((await lab.docker('volume update local1')).stderr).toBe('can only update cluster volumes\n');
  });
});
