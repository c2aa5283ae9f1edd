import { describe, expect, it } from 'vitest';
import { testLab } from '../../../../test/kit/lab.ts';

/** A container's namespace and daemon, from the lab. */
function daemonOf(lab: ReturnType<typeof testLab>, node?: string) {
  const d = lab.engine.host(node).daemon;
  return {
    d,
    ns: (name: string) => d.getContainer(name).running!.ns,
    id: (name: string) => d.getContainer(name).id,
  };
}

const ok = { status: 200, headers: {}, body: 'hello\n' };
const GET = { method: 'GET', path: '/', headers: {}, body: '' };

describe('container networking', () => {
  it('resolves names, aliases, short IDs and hostnames on user-defined networks only', async () => {
    const lab = testLab({ images: ['alpine:latest'] });
    const { d, id } = daemonOf(lab);
    await lab.docker('network create app');
    await lab.docker(
      'run -d --name web --network app --network-alias www --hostname webhost alpine sleep 1000',
    );
    await lab.docker('run -d --name client --network app alpine sleep 1000');
    await lab.docker('run -d --name old alpine sleep 1000');
    await lab.docker('run -d --name old2 alpine sleep 1000');
    for (const name of ['web', 'www', id('web').slice(0, 12), 'webhost'])
      expect(d.networks.resolveFrom(id('client'), name)).toBe('172.18.0.2');
    expect(d.networks.resolveFrom(id('client'), 'old')).toBeUndefined();
    // the default bridge has no embedded DNS
    expect(d.networks.resolveFrom(id('old2'), 'old')).toBeUndefined();
    await lab.docker('rename web front');
    expect(d.networks.resolveFrom(id('client'), 'front')).toBe('172.18.0.2');
    expect(d.networks.resolveFrom(id('client'), 'web')).toBeUndefined();
    await lab.docker('stop front');
    expect(d.networks.resolveFrom(id('client'), 'front')).toBeUndefined();
  });

  it('isolates bridges from each other; internal networks have no way out', async () => {
    const lab = testLab({ images: ['alpine:latest'] });
    const { ns } = daemonOf(lab);
    await lab.docker('network create a');
    await lab.docker('network create b');
    await lab.docker('network create --internal priv');
    await lab.docker('run -d --name on-a --network a alpine sleep 1000');
    await lab.docker('run -d --name on-b --network b alpine sleep 1000');
    await lab.docker('run -d --name inside --network priv alpine sleep 1000');
    await lab.docker('run -d --name peer --network priv alpine sleep 1000');
    const aIp = '172.18.0.2';
    ns('on-a').bind(80, { http: async () => ok });
    expect(ns('on-b').reachable(aIp)).toBe(false);
    await expect(ns('on-b').http(aIp, 80, GET)).rejects.toMatchObject({
      code: 'ETIMEDOUT',
    });
    expect(ns('on-a').reachable('192.168.0.11')).toBe(true);
    expect(ns('on-a').resolve('node1')).toBe('192.168.0.11');
    // internal: peers and the bridge's gateway, nothing beyond
    expect(ns('inside').uplink).toBeUndefined();
    expect(ns('inside').reachable('192.168.0.11')).toBe(false);
    expect(ns('inside').resolve('node1')).toBeUndefined();
    expect(ns('inside').resolve('peer')).toBe('172.20.0.3');
    expect(ns('inside').reachable('172.20.0.3')).toBe(true);
    expect(ns('inside').reachable('172.20.0.1')).toBe(true);
    // joining a network with a way out gives one
    await lab.docker('network connect a inside');
    expect(ns('inside').reachable('192.168.0.11')).toBe(true);
    expect((await ns('inside').http(aIp, 80, GET)).body).toBe('hello\n');
    await lab.docker('network disconnect a inside');
    expect(ns('inside').reachable(aIp)).toBe(false);
    expect(ns('inside').reachable('192.168.0.11')).toBe(false);
  });

  it('shares the host namespace with --network host, none has loopback only', async () => {
    const lab = testLab({ images: ['alpine:latest'] });
    const { d, ns } = daemonOf(lab);
    await lab.docker('run -d --name h1 --network host alpine sleep 1000');
    await lab.docker('run -d --name n1 --network none alpine sleep 1000');
    await lab.docker('run -d --name base alpine sleep 1000');
    await lab.docker('run -d --name side --network container:base alpine sleep 1000');
    expect(ns('h1')).toBe(d.hostNs);
    expect((await lab.docker('exec h1 cat /etc/hostname')).stdout).toBe('node1\n');
    expect(ns('n1').interfaces).toEqual([]);
    expect(ns('n1').uplink).toBeUndefined();
    expect(ns('n1').reachable('192.168.0.11')).toBe(false);
    expect(ns('n1').reachable('127.0.0.1')).toBe(true);
    expect(ns('side')).toBe(ns('base'));
    expect((await lab.docker('exec side cat /etc/hostname')).stdout).toBe(
      (await lab.docker('exec base cat /etc/hostname')).stdout,
    );
    const none = JSON.parse(
      (await lab.docker(['network', 'inspect', '-f', '{{json .Containers}}', 'none'])).stdout,
    );
    expect(Object.values(none)).toMatchObject([{ Name: 'n1', MacAddress: '', IPv4Address: '' }]);
    const r = await lab.docker('run --rm --network container:nosuch alpine true');
    expect(r.stderr).toContain(
      'docker: Error response from daemon: joining network namespace of container: No such container: nosuch\n',
    );
    await lab.docker('stop base');
    const stopped = await lab.docker('run -d --network container:base alpine true');
    expect(stopped.stderr).toContain(
      'Error response from daemon: cannot join network namespace of a non running container: container base is exited\n',
    );
  });

  it('writes legacy links into /etc/hosts on the default bridge', async () => {
    const lab = testLab({ images: ['alpine:latest'] });
    await lab.docker('run -d --name db --hostname dbhost alpine sleep 1000');
    const hosts = (await lab.docker('run --rm --link db:database alpine cat /etc/hosts')).stdout;
    expect(hosts).toContain('172.17.0.2\tdatabase dbhost db\n');
    await lab.docker('stop db');
    const r = await lab.docker('run --rm --link db:database alpine true');
    expect(r.stderr).toContain('Cannot link to a non running container: /db AS /');
  });

  it('resolves --link aliases on user-defined networks, for the linking container only', async () => {
    const lab = testLab({ images: ['alpine:latest'] });
    const { d, id } = daemonOf(lab);
    await lab.docker('network create app');
    await lab.docker('run -d --name db --network app alpine sleep 1000');
    await lab.docker('run -d --name api --network app --link db:database alpine sleep 1000');
    await lab.docker('run -d --name other --network app alpine sleep 1000');
    expect(d.networks.resolveFrom(id('api'), 'database')).toBe('172.18.0.2');
    expect(d.networks.resolveFrom(id('other'), 'database')).toBeUndefined();
    await lab.docker('run -d --name late alpine sleep 1000');
    await lab.docker('network connect --link db:store app late');
    expect(d.networks.resolveFrom(id('late'), 'store')).toBe('172.18.0.2');
  });

  it('keeps two nodes’ bridges apart though their addresses are the same', async () => {
    const lab = testLab({ images: ['alpine:latest'], nodes: 2 });
    await lab.docker('run -d --name one alpine sleep 1000', { node: 'node1' });
    await lab.docker('run -d --name two alpine sleep 1000', { node: 'node2' });
    const n1 = daemonOf(lab, 'node1');
    const n2 = daemonOf(lab, 'node2');
    n1.ns('one').bind(80, { http: async () => ({ ...ok, body: 'one' }) });
    n2.ns('two').bind(80, { http: async () => ({ ...ok, body: 'two' }) });
    const get = (from: ReturnType<typeof n1.ns>, ip: string) => from.http(ip, 80, GET).then((r) => r.body);
    expect(await get(n1.d.hostNs, '172.17.0.2')).toBe('one');
    expect(await get(n2.d.hostNs, '172.17.0.2')).toBe('two');
    // published ports reach across the lab network
    await lab.docker('run -d --name pub -p 8080:80 alpine sleep 1000', { node: 'node2' });
    n2.ns('pub').bind(80, { http: async () => ({ ...ok, body: 'published' }) });
    expect(await get(n1.ns('one'), '192.168.0.12').catch((e) => e.code)).toBe('ECONNREFUSED');
    expect(
      await n1
        .ns('one')
        .http('node2', 8080, GET)
        .then((r) => r.body),
    ).toBe('published');
  });

  it('logs create, connect, disconnect and destroy with moby’s attributes, in start and stop order', async () => {
    const lab = testLab({ images: ['alpine:latest'] });
    const { d, id } = daemonOf(lab);
    await lab.docker('network create app');
    await lab.docker('run --name once --network app -v data:/data alpine true');
    await lab.docker('rm once');
    await lab.docker('network rm app');
    const events = d.events
      .history()
      .map((e) => e.message)
      .filter((m) => m.Type !== 'image' && !(m.Type === 'container' && m.Action === 'attach'))
      .map((m) => `${m.Type} ${m.Action} ${JSON.stringify(m.Actor.Attributes)}`);
    const cid = events
      .find((e) => e.startsWith('network connect'))!
      .match(/"container":"([0-9a-f]{64})"/)![1]!;
    void id;
    expect(events.map((e) => e.replaceAll(cid, 'C'))).toEqual([
      'network create {"name":"app","type":"bridge"}',
      'volume create {"driver":"local"}',
      expect.stringMatching(/^container create /),
      'volume mount {"container":"C","destination":"/data","driver":"local","propagation":"","read/write":"true"}',
      'network connect {"container":"C","name":"app","type":"bridge"}',
      expect.stringMatching(/^container start /),
      'network disconnect {"container":"C","name":"app","type":"bridge"}',
      'volume unmount {"container":"C","driver":"local"}',
      expect.stringMatching(/^container die /),
      expect.stringMatching(/^container destroy /),
      'network destroy {"name":"app","type":"bridge"}',
    ]);
  });
});
