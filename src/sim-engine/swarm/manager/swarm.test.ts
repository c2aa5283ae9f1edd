import { describe, expect, it } from 'vitest';
import { testLab } from '../../../../test/kit/lab.ts';

/** a lab of three nodes, node1 a manager, node2 a worker, node3 a manager */
async function threeNodeSwarm() {
  const lab = testLab({ nodes: 3 });
  expect((await lab.docker('swarm init')).status).toBe(0);
  const worker = (await lab.docker('swarm join-token -q worker')).stdout.trim();
  const manager = (await lab.docker('swarm join-token -q manager')).stdout.trim();
  expect(
    (await lab.docker(['swarm', 'join', '--token', worker, 'node1:2377'], { node: 'node2' })).stdout,
  ).toBe('This node joined a swarm as a worker.\n');
  expect(
    (await lab.docker(['swarm', 'join', '--token', manager, 'node1:2377'], { node: 'node3' })).stdout,
  ).toBe('This node joined a swarm as a manager.\n');
  return lab;
}

const table = async (lab: Awaited<ReturnType<typeof threeNodeSwarm>>, node = 'node1') =>
  (await lab.docker(['node', 'ls', '--format', '{{.Hostname}} {{.Status}} {{.ManagerStatus}}'], { node }))
    .out;

describe('swarm init, join and leave', () => {
  it('prints docker swarm init as docker does, and the node is the ready leader', async () => {
    const lab = testLab();
    const r = await lab.docker('swarm init');
    expect(r.stdout).toMatch(
      /^Swarm initialized: current node \([0-9a-z]{25}\) is now a manager\.\n\nTo add a worker to this swarm, run the following command:\n\n {4}docker swarm join --token SWMTKN-1-[0-9a-z]{50}-[0-9a-z]{25} 192\.168\.0\.11:2377\n\nTo add a manager to this swarm, run 'docker swarm join-token manager' and follow the instructions\.\n$/,
    );
    expect(
      (await lab.docker(['node', 'ls', '--format', '{{.Self}} {{.Status}} {{.ManagerStatus}}'])).out,
    ).toBe('true Ready Leader\n');
    expect((await lab.docker('swarm init')).stderr).toBe(
      'Error response from daemon: This node is already part of a swarm. Use "docker swarm leave" to leave this swarm and join another one.\n',
    );
  });

  it('refuses manager commands outside a swarm and on a worker', async () => {
    const lab = await threeNodeSwarm();
    const r = await lab.docker('node ls', { node: 'node2' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("Worker nodes can't be used to view or modify cluster state.");
    const fresh = testLab();
    expect((await fresh.docker('swarm leave')).stderr).toBe(
      'Error response from daemon: This node is not part of a swarm\n',
    );
  });

  it('rejects a malformed token and one of another swarm', async () => {
    const lab = testLab({ nodes: 2 });
    await lab.docker('swarm init');
    const bad = await lab.docker(['swarm', 'join', '--token', 'SWMTKN-1-nope', 'node1:2377'], {
      node: 'node2',
    });
    expect(bad.stderr).toBe('Error response from daemon: invalid join token\n');
    const token = (await lab.docker('swarm join-token -q worker')).stdout.trim();
    const wrongSecret = token.slice(0, -25) + '0'.repeat(25);
    const r = await lab.docker(['swarm', 'join', '--token', wrongSecret, 'node1:2377'], { node: 'node2' });
    expect(r.stderr).toBe(
      'Error response from daemon: rpc error: code = InvalidArgument desc = A valid join token is necessary to join this cluster\n',
    );
  });

  it('times out joining a manager it cannot reach, and stays pending', async () => {
    const lab = testLab({ nodes: 2 });
    await lab.docker('swarm init');
    const token = (await lab.docker('swarm join-token -q worker')).stdout.trim();
    await lab.engine
      .session('node1')
      .run('lab disconnect node1', { stdout: { write() {} }, stderr: { write() {} } });
    const start = lab.engine.clock.now();
    const r = await lab.docker(['swarm', 'join', '--token', token, 'node1:2377'], { node: 'node2' });
    expect(r.stderr).toContain('Timeout was reached before node joined.');
    expect(lab.engine.clock.now() - start).toBeGreaterThanOrEqual(20_000);
    expect(
      (await lab.docker(['info', '--format', '{{.Swarm.LocalNodeState}}'], { node: 'node2' })).stdout,
    ).toBe('pending\n');
    expect((await lab.docker('swarm leave', { node: 'node2' })).stdout).toBe('Node left the swarm.\n');
  });
});

describe('heartbeats and quorum', () => {
  it('marks a stopped node Down after the grace period, and Ready when it is back', async () => {
    const lab = await threeNodeSwarm();
    lab.engine.host('node2').up = false;
    lab.engine.machineChanged(lab.engine.host('node2'));
    await lab.sleep(9_000);
    expect(await table(lab)).toContain('node2 Ready');
    await lab.sleep(7_000);
    expect(await table(lab)).toContain('node2 Down');
    lab.engine.host('node2').up = true;
    lab.engine.machineChanged(lab.engine.host('node2'));
    await lab.sleep(5_000);
    expect(await table(lab)).toContain('node2 Ready');
  });

  it('loses quorum when a majority of managers is gone, and gets it back', async () => {
    const lab = await threeNodeSwarm();
    await lab.docker('node promote node2');
    lab.engine.host('node2').up = false;
    lab.engine.machineChanged(lab.engine.host('node2'));
    expect(await table(lab)).toContain('node2 Ready Unreachable');
    lab.engine.host('node3').up = false;
    lab.engine.machineChanged(lab.engine.host('node3'));
    const r = await lab.docker('node ls');
    expect(r.stderr).toBe(
      "Error response from daemon: rpc error: code = Unknown desc = The swarm does not have a leader. It's possible that too few managers are online. Make sure more than half of the managers are online.\n",
    );
    lab.engine.host('node3').up = true;
    lab.engine.machineChanged(lab.engine.host('node3'));
    expect((await lab.docker('node ls')).status).toBe(0);
  });

  it('elects a new leader when the leader is cut off; the old one rejoins as Reachable', async () => {
    const lab = await threeNodeSwarm();
    await lab.docker('node promote node2');
    lab.engine.host('node1').connected = false;
    lab.engine.machineChanged(lab.engine.host('node1'));
    expect(await table(lab, 'node2')).toBe(
      'node1 Unknown Unreachable\nnode2 Ready Reachable\nnode3 Ready Leader\n',
    );
    await lab.sleep(31_000);
    expect(await table(lab, 'node2')).toContain('node1 Down Unreachable');
    lab.engine.host('node1').connected = true;
    lab.engine.machineChanged(lab.engine.host('node1'));
    await lab.sleep(5_000);
    expect(await table(lab)).toBe('node1 Ready Reachable\nnode2 Ready Reachable\nnode3 Ready Leader\n');
  });
});

describe('node update, promote, demote, rm', () => {
  it('keeps SwarmKit’s safeguards', async () => {
    const lab = testLab();
    await lab.docker('swarm init');
    expect((await lab.docker('node demote node1')).stderr).toBe(
      'Error response from daemon: rpc error: code = FailedPrecondition desc = attempting to demote the last manager of the swarm\n',
    );
    expect((await lab.docker('node rm node1')).stderr).toMatch(
      /is a cluster manager and is a member of the raft cluster\. It must be demoted to worker before removal\n$/,
    );
    expect((await lab.docker('node update --label-rm nope node1')).stderr).toBe(
      "key nope doesn't exist in node's labels\n",
    );
    expect((await lab.docker('node inspect nothere')).stderr).toBe(
      'Error response from daemon: node nothere not found\n',
    );
  });

  it('removes a node only once it is down, unless forced', async () => {
    const lab = await threeNodeSwarm();
    expect((await lab.docker('node rm node2')).stderr).toMatch(/is not down and can't be removed\n$/);
    lab.engine.host('node2').up = false;
    lab.engine.machineChanged(lab.engine.host('node2'));
    await lab.sleep(20_000);
    expect((await lab.docker('node rm node2')).stdout).toBe('node2\n');
    expect(await table(lab)).toBe('node1 Ready Leader\nnode3 Ready Reachable\n');
  });
});
