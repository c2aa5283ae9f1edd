import { describe, expect, it } from 'vitest';
import { testLab } from '../../../../../test/kit/lab.ts';

const fmt = (lab: ReturnType<typeof testLab>, name: string, template: string) =>
  lab.docker(['network', 'inspect', '--format', template, name]).then((r) => r.stdout);

describe('docker network create', () => {
  it('prints the new ID and takes the next default pool', async () => {
    const lab = testLab();
    const r = await lab.docker('network create app');
    expect(r).toMatchObject({ status: 0, stderr: '' });
    expect(r.stdout).toMatch(/^[0-9a-f]{64}\n$/);
    await lab.docker('network create db');
    expect(await fmt(lab, 'app', '{{json .IPAM.Config}}')).toBe(
      '[{"Subnet":"172.18.0.0/16","Gateway":"172.18.0.1"}]\n',
    );
    expect(await fmt(lab, 'db', '{{json .IPAM.Config}}')).toBe(
      '[{"Subnet":"172.19.0.0/16","Gateway":"172.19.0.1"}]\n',
    );
  });

  it('keeps the IPAM configuration as given: no gateway shown unless given', async () => {
    const lab = testLab();
    await lab.docker('network create --subnet 10.10.0.0/16 --ip-range 10.10.5.0/24 ranged');
    expect(await fmt(lab, 'ranged', '{{json .IPAM}}')).toBe(
      '{"Driver":"default","Options":{},"Config":[{"Subnet":"10.10.0.0/16","IPRange":"10.10.5.0/24"}]}\n',
    );
    await lab.docker(
      'network create --subnet 10.20.0.0/24 --gateway 10.20.0.254 --aux-address r=10.20.0.5 gw',
    );
    expect(await fmt(lab, 'gw', '{{json .IPAM.Config}}')).toBe(
      '[{"Subnet":"10.20.0.0/24","Gateway":"10.20.0.254","AuxiliaryAddresses":{"r":"10.20.0.5"}}]\n',
    );
  });

  it('records options, labels, internal and attachable', async () => {
    const lab = testLab();
    await lab.docker([
      'network',
      'create',
      '--internal',
      '--attachable',
      '-o',
      'com.docker.network.driver.mtu=1400',
      '--label',
      'team=web',
      '--ipv6=false',
      'x',
    ]);
    expect(
      await fmt(lab, 'x', '{{.Internal}} {{.Attachable}} {{.EnableIPv6}} {{json .Options}} {{json .Labels}}'),
    ).toBe('true true false {"com.docker.network.driver.mtu":"1400"} {"team":"web"}\n');
  });

  it("fails with the daemon's texts", async () => {
    const lab = testLab();
    await lab.docker('network create app');
    const err = async (args: string) => {
      const r = await lab.docker(args);
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      return r.stderr;
    };
    expect(await err('network create app')).toBe(
      'Error response from daemon: network with name app already exists\n',
    );
    expect(await err('network create bridge')).toBe(
      'Error response from daemon: operation is not permitted on predefined bridge network\n',
    );
    expect(await err('network create -d host h')).toBe(
      'Error response from daemon: only one instance of "host" network is allowed\n',
    );
    expect(await err('network create -d null n')).toBe(
      'Error response from daemon: only one instance of "null" network is allowed\n',
    );
    expect(await err('network create -d weave w')).toBe(
      'Error response from daemon: plugin "weave" not found\n',
    );
    expect(await err('network create -d overlay ov')).toBe(
      'Error response from daemon: This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.\n',
    );
    expect(await err('network create --scope swarm s')).toBe(
      'Error response from daemon: cannot create a swarm scoped network when swarm is not active\n',
    );
    expect(await err('network create --subnet 172.18.0.0/16 clash')).toBe(
      'Error response from daemon: invalid pool request: Pool overlaps with other one on this address space\n',
    );
    expect(await err('network create --subnet 172.16.0.0/12 clash')).toBe(
      'Error response from daemon: invalid pool request: Pool overlaps with other one on this address space\n',
    );
    expect(await err('network create --subnet 10.0.0.1/24 bad')).toBe(
      'Error response from daemon: invalid network config:\ninvalid subnet 10.0.0.1/24: it should be 10.0.0.0/24\n',
    );
    expect(await err('network create --subnet 10.0.0.0/24 --gateway 10.1.0.1 bad')).toBe(
      'no matching subnet for gateway 10.1.0.1\n',
    );
    expect(await err('network create --gateway 10.1.0.1 bad')).toBe(
      'every ip-range or gateway must have a corresponding subnet\n',
    );
    expect(await err('network create -o com.docker.network.enable_ipv4=maybe bad')).toBe(
      'Error response from daemon: driver-opt "com.docker.network.enable_ipv4" is not a valid bool\n',
    );
    // nothing was left behind by the failures
    expect((await lab.docker(['network', 'ls', '--format', '{{.Name}}'])).stdout).toBe(
      'app\nbridge\nhost\nnone\n',
    );
  });

  it('gives config-only networks driver null and lends their configuration', async () => {
    const lab = testLab();
    await lab.docker('network create --config-only --subnet 10.30.0.0/24 conf');
    expect(await fmt(lab, 'conf', '{{.Driver}} {{.ConfigOnly}} {{.Scope}}')).toBe('null true local\n');
    await lab.docker('network create --config-from conf user');
    expect(await fmt(lab, 'user', '{{.ConfigFrom.Network}} {{json .IPAM.Config}}')).toBe(
      'conf [{"Subnet":"10.30.0.0/24"}]\n',
    );
    expect((await lab.docker('network create --config-from nope x')).stderr).toBe(
      'Error response from daemon: configuration network "nope" does not exist\n',
    );
    expect((await lab.docker('network rm conf')).stderr).toBe(
      'Error response from daemon: error while removing network: configuration network "conf" is in use\nexit status 1\n',
    );
  });
});
