import { describe, expect, it } from 'vitest';
import { testLab } from '../../../../../test/kit/lab.ts';

describe('docker network inspect', () => {
  it('prints the network as Docker 28 does, with its running containers', async () => {
    const lab = testLab({ images: ['alpine:latest'] });
    await lab.docker('network create app');
    await lab.docker('run -d --name web --network app alpine sleep 1000');
    await lab.docker('create --name idle --network app alpine sleep 1');
    const r = await lab.docker('network inspect app');
    expect(r.status).toBe(0);
    // IDs, MACs and nanoseconds come from the seeded generator: the golden keeps the shape
    const stable = r.stdout
      .replace(/[0-9a-f]{64}/g, (id) =>
        id === r.stdout.match(/"Id": "([0-9a-f]{64})"/)![1] ? '<network id>' : '<id>',
      )
      .replace(/([0-9a-f]{2}:){5}[0-9a-f]{2}/g, '<mac>')
      .replace(/\.\d+Z"/g, '.<ns>Z"');
    await expect(stable).toMatchFileSnapshot('testdata/network-inspect-app.golden');
    const [net] = JSON.parse(r.stdout);
    const entries = Object.entries(net.Containers) as [string, Record<string, string>][];
    // the created container has no endpoint until it starts
    expect(entries).toHaveLength(1);
    expect(entries[0]![1]).toMatchObject({ Name: 'web', IPv4Address: '172.18.0.2/16', IPv6Address: '' });
    expect(entries[0]![1]!['MacAddress']).toMatch(/^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/);
  });

  it('runs templates on the typed network: maps range sorted, Created is a time.Time', async () => {
    const lab = testLab({ images: ['alpine:latest'] });
    await lab.docker('network create --label b=2 --label a=1 app');
    await lab.docker('run -d --name web --network app alpine sleep 1000');
    const t = async (f: string) => (await lab.docker(['network', 'inspect', '--format', f, 'app'])).stdout;
    expect(await t('{{range $k, $v := .Labels}}{{$k}}={{$v}} {{end}}')).toBe('a=1 b=2 \n');
    expect(await t('{{range .Containers}}{{.Name}} {{.IPv4Address}}{{end}}')).toBe('web 172.18.0.2/16\n');
    expect(await t('{{.Created.Year}} {{.Labels.nope}}')).toBe('2026 <no value>\n');
    expect(await t('{{.Created}}')).toMatch(/^2026-11-28 10:00:00\.\d+ \+0000 UTC\n$/);
    expect(await t('{{.Peers}} {{.IPAM.Driver}}')).toBe('[] default\n');
    const bad = await lab.docker(['network', 'inspect', '--format', '{{.Nope}}', 'app']);
    expect(bad).toMatchObject({ stdout: '\n', status: 1 });
    expect(bad.stderr).toBe(
      'template parsing error: template: :1:2: executing "" at <.Nope>: map has no entry for key "Nope"\n',
    );
  });

  it('finds by ID prefix, reports what it cannot find, prints [] for nothing', async () => {
    const lab = testLab();
    const id = (await lab.docker('network create app')).stdout.trim();
    expect(
      (await lab.docker(['network', 'inspect', '-f', '{{.Name}}', id.slice(0, 5), 'bridge'])).stdout,
    ).toBe('app\nbridge\n');
    const r = await lab.docker('network inspect nosuch');
    expect(r).toMatchObject({
      stdout: '[]\n',
      stderr: 'Error response from daemon: network nosuch not found\n',
      status: 1,
    });
    const both = await lab.docker(['network', 'inspect', '--format', 'json', 'app', 'nosuch']);
    expect(both.stdout).toMatch(/^\[\{"Name":"app","Id":"[0-9a-f]{64}","Created":/);
    expect(both.status).toBe(1);
  });
});
