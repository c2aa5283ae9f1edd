/**
 * What the cluster view and the API inspector read from a lab (cluster-state.ts,
 * api-log.ts), and the clock controls of the wall-time driver (wall-clock.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { apiLogFor } from './api-log.ts';
import { readCluster } from './cluster-state.ts';
import { PageLab } from './page-lab.ts';
import { driverOf, followWallTime } from './wall-clock.ts';
import { Clock } from '../sim-engine/index.ts';

const quiet = { stdout: { write() {} }, stderr: { write() {} } };
const JOIN = 'docker swarm join --token $(docker -H tcp://node1:2375 swarm join-token -q worker) node1:2377';

describe('cluster state and API log', () => {
  let lab: PageLab | undefined;
  afterEach(() => lab?.dispose());

  it('reads nodes, tasks and plain containers through the API; logs the CLI’s requests per command', async () => {
    lab = new PageLab({
      nodes: 2,
      images: ['nginx:latest', 'alpine:latest'],
      setup: [
        'docker swarm init',
        `@node2 ${JOIN}`,
        'docker service create -d --name web --replicas 2 nginx',
      ],
    });
    expect(await lab.ready).toEqual([]);
    const log = apiLogFor(lab);
    const shell = lab.shell('node2');
    log.begin('node2', 'docker run -d --name solo alpine sleep 1000');
    expect(await shell.run('docker run -d --name solo alpine sleep 1000', quiet)).toBe(0);
    const run = log.last('node2')!;
    expect(run.requests.map((r) => `${r.method} ${r.path.replace(/^\/v[\d.]+/, '')} ${r.status}`)).toContain(
      'POST /containers/create?name=solo 201',
    );
    expect(log.last('node1')).toBeUndefined();

    let state = await readCluster(lab.engine);
    for (
      let i = 0;
      i < 50 && state.nodes.flatMap((n) => n.cards).filter((c) => c.state === 'running').length < 3;
      i++
    ) {
      await new Promise((r) => setTimeout(r, 100));
      state = await readCluster(lab.engine);
    }
    expect(state.swarm).toBe(true);
    expect(state.services).toEqual(['web']);
    expect(state.nodes.map((n) => [n.hostname, n.role, n.leader, n.status, n.availability])).toEqual([
      ['node1', 'manager', true, 'ready', 'active'],
      ['node2', 'worker', false, 'ready', 'active'],
    ]);
    const node2 = state.nodes[1]!.cards.map((c) => [c.kind, c.name.replace(/\.\d$/, '.N'), c.image]);
    expect(node2).toContainEqual(['task', 'web.N', 'nginx:latest']);
    expect(node2).toContainEqual(['container', 'solo', 'alpine']);
  });
});

describe('wall-clock controls', () => {
  it('pause holds virtual time, step moves it on, speed multiplies it', async () => {
    const clock = new Clock(0);
    let wall = 0;
    const fired: number[] = [];
    clock.after(500, () => fired.push(clock.now()));
    const d = followWallTime(clock, { wallNow: () => wall, yieldToEngine: () => Promise.resolve() });
    expect(driverOf(clock)).toBe(d);
    wall = 100;
    d.pause();
    expect(clock.now()).toBe(100);
    wall = 10_000;
    await new Promise((r) => setTimeout(r, 20));
    expect(clock.now()).toBe(100);
    await d.step(1000);
    expect(clock.now()).toBe(1100);
    expect(fired).toEqual([500]);
    d.setSpeed(4);
    d.resume();
    wall = 10_100;
    d.pause();
    expect(clock.now()).toBe(1500);
    expect(d.speed).toBe(4);
    d.dispose();
    expect(driverOf(clock)).toBeUndefined();
  });
});
