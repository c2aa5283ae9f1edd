/**
 * What `swarm leave` takes with it (moby Cluster.Leave, swarmkit Agent.Leave): the
 * containers of every task the node's agent holds, running or exited, even right after
 * `service rm`; then the running containers labelled with the node's ID. A plain
 * container stays; one on an attachable overlay is disconnected and keeps running;
 * docker_gwbridge stays. As a real engine does (test/fidelity, 43).
 */
import { describe, expect, it } from 'vitest';
import { testLab } from '../../../../test/kit/lab.ts';

const names = ['ps', '-a', '--format', '{{.Names}} {{.State}} {{.Networks}}'];
const sorted = (s: string) => s.split('\n').filter(Boolean).sort().join('\n');

describe('docker swarm leave --force', () => {
  it('removes the task containers a service rm just before it had not removed yet', async () => {
    const lab = testLab({ images: ['nginx:latest'] });
    await lab.docker('swarm init');
    await lab.docker('service create -q --name web --replicas 3 -p 8080:80 nginx');
    expect((await lab.docker('ps -q')).stdout.trim().split('\n')).toHaveLength(3);
    await lab.docker('service rm web');
    expect((await lab.docker('swarm leave --force')).stdout).toBe('Node left the swarm.\n');
    expect((await lab.docker('ps -aq')).stdout).toBe('');
    const networks = await lab.docker(['network', 'ls', '--format', '{{.Name}}']);
    expect(sorted(networks.stdout)).toBe('bridge\ndocker_gwbridge\nhost\nnone');
  });

  it('removes running and exited task containers, keeps a plain one and disconnects an attachable one', async () => {
    const lab = testLab({ images: ['alpine:latest'] });
    await lab.docker('swarm init');
    await lab.docker('network create -d overlay --attachable app');
    await lab.docker('service create -d --name left --replicas 2 --network app alpine sleep 1000');
    await lab.docker([
      'service',
      'create',
      '-d',
      '--name',
      'fail',
      '--restart-condition',
      'none',
      'alpine',
      'sh',
      '-c',
      'exit 3',
    ]);
    await lab.docker('run -d --name att --network app alpine sleep 1000');
    await lab.docker('create --name plain alpine');
    await lab.sleep(5000);
    expect((await lab.docker(names)).stdout).toMatch(/^fail\.1\.\w+ exited bridge$/m);
    const start = lab.engine.clock.now();
    await lab.docker('swarm leave --force');
    // the grace period of `sleep` (which ignores SIGTERM) is not waited for
    expect(lab.engine.clock.now() - start).toBeLessThan(1000);
    expect(sorted((await lab.docker(names)).stdout)).toBe('att running \nplain created bridge');
    expect(
      (await lab.docker(['inspect', '--format', '{{json .NetworkSettings.Networks}}', 'att'])).stdout,
    ).toBe('{}\n');
  });

  it('force-removes a running container labelled with the node ID, not a stopped one', async () => {
    const lab = testLab({ images: ['alpine:latest'] });
    await lab.docker('swarm init');
    const nodeId = (await lab.docker(['info', '--format', '{{.Swarm.NodeID}}'])).stdout.trim();
    const label = `com.docker.swarm.node.id=${nodeId}`;
    await lab.docker(['run', '-d', '--name', 'labelled', '--label', label, 'alpine', 'sleep', '1000']);
    await lab.docker(['create', '--name', 'stopped', '--label', label, 'alpine']);
    await lab.docker('swarm leave --force');
    expect((await lab.docker(['ps', '-a', '--format', '{{.Names}}'])).stdout).toBe('stopped\n');
  });

  it('removes a worker’s task containers when the worker leaves', async () => {
    const lab = testLab({ nodes: 2, images: ['nginx:latest'] });
    await lab.docker('swarm init');
    const token = (await lab.docker('swarm join-token -q worker')).stdout.trim();
    await lab.docker(['swarm', 'join', '--token', token, 'node1:2377'], { node: 'node2' });
    await lab.docker('service create -q --name web --replicas 4 nginx');
    expect((await lab.docker('ps -q', { node: 'node2' })).stdout.trim().split('\n')).toHaveLength(2);
    expect((await lab.docker('swarm leave', { node: 'node2' })).stdout).toBe('Node left the swarm.\n');
    expect((await lab.docker('ps -aq', { node: 'node2' })).stdout).toBe('');
    expect((await lab.docker('ps -q')).stdout.trim().split('\n')).toHaveLength(2);
  });
});
