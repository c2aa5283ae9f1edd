import { describe, expect, it } from 'vitest';
import { testLab } from '../../../../../test/kit/lab.ts';

describe('docker network ls', () => {
  it('lists the predefined networks and new ones, sorted naturally by name', async () => {
    const lab = testLab();
    for (const name of ['net10', 'net2', 'Net1'])
      expect((await lab.docker(`network create ${name}`)).status).toBe(0);
    const r = await lab.docker('network ls');
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('NETWORK ID     NAME      DRIVER    SCOPE');
    expect(lines.slice(1, -1).map((l) => l.split(/\s+/)[1])).toEqual([
      'Net1',
      'bridge',
      'host',
      'net2',
      'net10',
      'none',
    ]);
    expect(lines[2]).toMatch(/^[0-9a-f]{12} {3}bridge {4}bridge {4}local$/);
    expect(lines[4]).toMatch(/^[0-9a-f]{12} {3}net2 {6}bridge {4}local$/);
    expect(lines[6]).toMatch(/^[0-9a-f]{12} {3}none {6}null {6}local$/);
  });

  it('prints IDs with -q, full ones with --no-trunc', async () => {
    const lab = testLab();
    expect((await lab.docker('network ls -q')).stdout).toMatch(/^([0-9a-f]{12}\n){3}$/);
    expect((await lab.docker('network ls -q --no-trunc')).stdout).toMatch(/^([0-9a-f]{64}\n){3}$/);
  });

  it('renders templates and json with the networkContext fields', async () => {
    const lab = testLab();
    await lab.docker(['network', 'create', '--internal', '--label', 'b=2', '--label', 'a=1', 'app']);
    const r = await lab.docker([
      'network',
      'ls',
      '--filter',
      'name=app',
      '--format',
      'table {{.Name}}\t{{.Internal}}\t{{.IPv4}}\t{{.IPv6}}\t{{.Labels}}\t{{.Label "b"}}',
    ]);
    expect(r.stdout).toBe(
      'NAME      INTERNAL   IPV4      IPV6      LABELS    b\napp       true       true      false     a=1,b=2   2\n',
    );
    const json = JSON.parse(
      (await lab.docker(['network', 'ls', '-f', 'name=app', '--format', 'json'])).stdout,
    );
    expect(Object.keys(json)).toEqual([
      'CreatedAt',
      'Driver',
      'ID',
      'IPv4',
      'IPv6',
      'Internal',
      'Labels',
      'Name',
      'Scope',
    ]);
    expect(json.CreatedAt).toMatch(/^2026-11-28 10:00:00\.\d+ \+0000 UTC$/);
    const bad = await lab.docker(['network', 'ls', '--format', '{{.Nope}}']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(
      `template parsing error: template: :1:2: executing "" at <.Nope>: can't evaluate field Nope in type *network.networkContext`,
    );
  });

  it('filters by driver, scope, type, label and id; rejects unknown filters', async () => {
    const lab = testLab();
    await lab.docker('network create --label env=prod prod');
    const names = async (f: string) =>
      (await lab.docker(['network', 'ls', '--format', '{{.Name}}', '--filter', f])).stdout.trim().split('\n');
    expect(await names('driver=null')).toEqual(['none']);
    expect(await names('type=custom')).toEqual(['prod']);
    expect(await names('type=builtin')).toEqual(['bridge', 'host', 'none']);
    expect(await names('label=env=prod')).toEqual(['prod']);
    expect(await names('scope=local')).toHaveLength(4);
    expect(await names('name=o')).toEqual(['host', 'none', 'prod']);
    // Docker 28 filters the list summaries, whose Containers are always empty
    expect(await names('dangling=true')).toEqual(['prod']);
    expect(await names('dangling=false')).toEqual(['bridge', 'host', 'none']);
    const bad = await lab.docker('network ls -f foo=bar');
    expect(bad).toMatchObject({ stderr: "Error response from daemon: invalid filter 'foo'\n", status: 1 });
    expect((await lab.docker('network ls -f type=foo')).stderr).toBe(
      "Error response from daemon: invalid filter: 'type'='foo'\n",
    );
    expect((await lab.docker('network ls -f dangling=maybe')).stderr).toBe(
      'Error response from daemon: invalid value for filter \'dangling\', must be "true" (or "1"), or "false" (or "0")\n',
    );
  });
});
