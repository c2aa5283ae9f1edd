import { describe, expect, it } from 'vitest';
import { testLab } from '../../../../test/kit/lab.ts';
import { inactiveSwarm, setSwarmInfoProvider } from '../../daemon/system/info.ts';

const collect = async (
  messages: AsyncIterable<Record<string, unknown>> | Iterable<Record<string, unknown>>,
) => {
  const out: Record<string, unknown>[] = [];
  for await (const m of messages) out.push(m);
  return out;
};

describe('system routes', () => {
  it('ping carries the swarm state: inactive, or active/manager|worker', async () => {
    const host = testLab().engine.host();
    expect((await host.api({ method: 'GET', path: '/_ping' })).headers['Swarm']).toBe('inactive');
    setSwarmInfoProvider(host.daemon, () => ({
      ...inactiveSwarm(),
      LocalNodeState: 'active',
      ControlAvailable: true,
    }));
    expect((await host.api({ method: 'HEAD', path: '/_ping' })).headers['Swarm']).toBe('active/manager');
  });

  it('GET /info and GET /version answer with the node and the engine build', async () => {
    const host = testLab({ nodes: ['worker1'] }).engine.host();
    const info = await host.api({ method: 'GET', path: '/v1.51/info' });
    expect(info.status).toBe(200);
    expect(info.body).toMatchObject({ Name: 'worker1', ServerVersion: '28.5.2', OSType: 'linux' });
    const version = await host.api({ method: 'GET', path: '/version' });
    expect(version.body).toMatchObject({ Version: '28.5.2', ApiVersion: '1.51', MinAPIVersion: '1.24' });
  });

  it('GET /system/df honours `type` from API 1.42 and refuses unknown kinds', async () => {
    const host = testLab().engine.host();
    const df = await host.api({ method: 'GET', path: '/v1.51/system/df', query: { type: 'volume' } });
    expect(df.body).toMatchObject({ Images: null, Containers: null, Volumes: [], BuildCache: null });
    const old = await host.api({ method: 'GET', path: '/v1.41/system/df', query: { type: 'volume' } });
    expect(old.body).toMatchObject({ Images: [], Containers: [], Volumes: [], BuildCache: [] });
    const bad = await host.api({ method: 'GET', path: '/system/df', query: { type: 'layer' } });
    expect(bad).toMatchObject({ status: 400, body: { message: 'unknown object type: layer' } });
  });

  it('GET /events leaves out image create events for clients older than API 1.46', async () => {
    const lab = testLab();
    const d = lab.engine.host().daemon;
    d.events.log(d.instant(), 'image', 'create', 'sha256:abc', { name: 'app:1' });
    d.events.log(d.instant(), 'image', 'tag', 'sha256:abc', { name: 'app:1' });
    await lab.sleep(1000);
    const query = { since: '0', until: String(Math.floor(lab.engine.clock.now() / 1000)) };
    const actions = async (path: string) => {
      const res = await lab.engine.host().api({ method: 'GET', path, query });
      return (await collect(res.stream?.kind === 'json' ? res.stream.messages : [])).map((m) => m['Action']);
    };
    expect(await actions('/v1.51/events')).toEqual(['create', 'tag']);
    expect(await actions('/v1.45/events')).toEqual(['tag']);
  });

  it('GET /events answers 400 for since after until before streaming anything', async () => {
    const res = await testLab()
      .engine.host()
      .api({ method: 'GET', path: '/events', query: { since: '20', until: '10' } });
    expect(res).toMatchObject({
      status: 400,
      body: { message: '`since` time (20) cannot be after `until` time (10)' },
    });
  });
});
