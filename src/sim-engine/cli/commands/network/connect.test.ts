import { describe, expect, it } from 'vitest';
import { testLab } from '../../../../../test/kit/lab.ts';

const networksOf = async (lab: ReturnType<typeof testLab>, c: string) =>
  JSON.parse(
    (await lab.docker(['container', 'inspect', '-f', '{{json .NetworkSettings.Networks}}', c])).stdout,
  );

describe('docker network connect / disconnect', () => {
  it('gives a running container an address, a hosts line and DNS names at once', async () => {
    const lab = testLab({ images: ['alpine:latest'] });
    await lab.docker('network create app');
    await lab.docker('run -d --name web alpine sleep 1000');
    expect(await lab.docker('network connect --alias www app web')).toMatchObject({ out: '', status: 0 });
    const nets = await networksOf(lab, 'web');
    expect(Object.keys(nets)).toEqual(['app', 'bridge']);
    expect(nets.app).toMatchObject({
      IPAMConfig: {},
      Links: null,
      DriverOpts: {},
      Aliases: ['www'],
      IPAddress: '172.18.0.2',
      IPPrefixLen: 16,
      Gateway: '172.18.0.1',
    });
    const short = nets.app.DNSNames[2];
    expect(nets.app.DNSNames).toEqual(['web', 'www', short]);
    const hosts = (await lab.docker('exec web cat /etc/hosts')).stdout;
    expect(hosts.endsWith(`172.17.0.2\t${short}\n172.18.0.2\t${short}\n`)).toBe(true);
    // the first user-defined network brings the embedded DNS server
    expect((await lab.docker('exec web cat /etc/resolv.conf')).stdout).toContain('nameserver 127.0.0.11\n');

    expect(await lab.docker('network disconnect app web')).toMatchObject({ out: '', status: 0 });
    expect(Object.keys(await networksOf(lab, 'web'))).toEqual(['bridge']);
    expect((await lab.docker('exec web cat /etc/hosts')).stdout.endsWith(`172.17.0.2\t${short}\n`)).toBe(
      true,
    );
  });

  it('records the settings of a stopped container, for its next start', async () => {
    const lab = testLab({ images: ['alpine:latest'] });
    await lab.docker('network create --subnet 10.5.0.0/24 app');
    await lab.docker('create --name cc alpine sleep 1000');
    await lab.docker('network connect --ip 10.5.0.50 app cc');
    expect((await networksOf(lab, 'cc')).app).toMatchObject({
      IPAMConfig: { IPv4Address: '10.5.0.50' },
      IPAddress: '',
    });
    await lab.docker('start cc');
    expect((await networksOf(lab, 'cc')).app.IPAddress).toBe('10.5.0.50');
    // a network that does not exist is only noticed at start
    await lab.docker('create --name dd alpine true');
    expect(await lab.docker('network connect ghost dd')).toMatchObject({ out: '', status: 0 });
    expect((await lab.docker('start dd')).stderr).toBe(
      'Error response from daemon: failed to set up container networking: network ghost not found\nError: failed to start containers: dd\n',
    );
    expect(await lab.docker('network disconnect ghost dd')).toMatchObject({ out: '', status: 0 });
  });

  it("refuses what Docker refuses, in Docker's words", async () => {
    const lab = testLab({ images: ['alpine:latest'] });
    await lab.docker('network create app');
    await lab.docker('run -d --name web --network app alpine sleep 1000');
    const id = (await lab.docker(['container', 'inspect', '-f', '{{.Id}}', 'web'])).stdout.trim();
    await lab.docker('run -d --name hostc --network host alpine sleep 1000');
    await lab.docker('run -d --name nonec --network none alpine sleep 1000');
    await lab.docker('run -d --name shared --network container:web alpine sleep 1000');
    const err = async (args: string) => (await lab.docker(args)).stderr;
    expect(await err('network connect app web')).toBe(
      'Error response from daemon: endpoint with name web already exists in network app\n',
    );
    expect(await err('network connect nosuch web')).toBe(
      'Error response from daemon: network nosuch not found\n',
    );
    expect(await err('network connect app nosuch')).toBe(
      'Error response from daemon: No such container: nosuch\n',
    );
    expect(await err('network connect host web')).toBe(
      'Error response from daemon: cannot connect container to host network - container must be created in host network mode\n',
    );
    expect(await err('network connect app hostc')).toBe(
      'Error response from daemon: container sharing network namespace with another container or host cannot be connected to any other network\n',
    );
    expect(await err('network connect app shared')).toBe(
      'Error response from daemon: container sharing network namespace with another container or host cannot be connected to any other network\n',
    );
    expect(await err('network connect app nonec')).toBe(
      'Error response from daemon: container cannot be connected to multiple networks with one of the networks in private (none) mode\n',
    );
    expect(await err('network connect --alias x bridge web')).toBe(
      'Error response from daemon: invalid endpoint settings:\nnetwork-scoped alias is supported only for containers in user defined networks\n',
    );
    expect(await err('network connect --ip 172.18.0.9 app nonec')).toBe(
      'Error response from daemon: invalid endpoint settings:\nuser specified IP address is supported only when connecting to networks with user configured subnets\n',
    );
    expect(await err('network connect --driver-opt foo app web')).toBe(
      'invalid key/value pair format in driver options\n',
    );
    expect(await err('network disconnect bridge web')).toBe(
      `Error response from daemon: container ${id} is not connected to network bridge\n`,
    );
    expect(await err('network disconnect host hostc')).toBe(
      'Error response from daemon: cannot disconnect container from host network - container was created in host network mode\n',
    );
    expect(await err('network disconnect app nosuch')).toBe(
      'Error response from daemon: No such container: nosuch\n',
    );
    expect(await err('network disconnect -f app nosuch')).toBe(
      'Error response from daemon: endpoint nosuch not found\n',
    );
  });

  it('takes an address the network has, refusing one in use', async () => {
    const lab = testLab({ images: ['alpine:latest'] });
    await lab.docker('network create --subnet 10.6.0.0/24 app');
    await lab.docker('run -d --name c1 --network app --ip 10.6.0.10 alpine sleep 1000');
    await lab.docker('run -d --name c2 alpine sleep 1000');
    expect((await lab.docker('network connect --ip 10.6.0.10 app c2')).stderr).toBe(
      'Error response from daemon: Address already in use\n',
    );
    expect((await lab.docker('network connect --ip 10.7.0.10 app c2')).stderr).toBe(
      'Error response from daemon: invalid endpoint settings:\nno configured subnet or ip-range contain the IP address 10.7.0.10\n',
    );
    const r = await lab.docker('run -d --name c3 --network app --ip 10.6.0.10 alpine sleep 1000');
    expect(r.stderr).toContain(
      'docker: Error response from daemon: failed to set up container networking: Address already in use\n',
    );
  });
});
