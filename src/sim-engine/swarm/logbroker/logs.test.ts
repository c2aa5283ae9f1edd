/**
 * `docker service logs` end to end on a two-node swarm: every task's lines, prefixed
 * as docker/cli's taskFormatter does (`echo.1.<task id>@node1    | `), with --raw,
 * --no-task-ids, --tail, and the CLI's error for a name that is neither service nor task.
 */
import { describe, expect, it } from 'vitest';
import { testLab } from '../../../../test/kit/lab.ts';

describe('docker service logs', () => {
  it('prints every task’s lines with its task and node', async () => {
    const lab = testLab({ nodes: 2, images: ['alpine:latest'] });
    expect((await lab.docker('swarm init --advertise-addr 192.168.0.11')).status).toBe(0);
    const token = (await lab.docker('swarm join-token -q worker')).stdout.trim();
    expect(
      (await lab.docker(['swarm', 'join', '--token', token, 'node1:2377'], { node: 'node2' })).status,
    ).toBe(0);
    const create = await lab.docker([
      'service',
      'create',
      '-d',
      '--name',
      'echo',
      '--replicas',
      '2',
      'alpine',
      'sh',
      '-c',
      'echo one; echo two; sleep 1000',
    ]);
    expect(create.status).toBe(0);
    await lab.sleep(5000);
    const ps = await lab.docker(['service', 'ps', '--format', '{{.Name}} {{.ID}} {{.Node}}', 'echo']);
    const tasks = ps.stdout
      .trim()
      .split('\n')
      .map((l) => l.split(' '));
    expect(tasks).toHaveLength(2);
    const logs = await lab.docker('service logs echo');
    expect(logs.status).toBe(0);
    const expected = tasks.flatMap(([name, id, node]) =>
      ['one', 'two'].map((w) => `${name}.${id}@${node}    | ${w}`),
    );
    expect(logs.stdout.trim().split('\n').sort()).toEqual(expected.sort());
    const raw = await lab.docker('service logs --raw echo');
    expect(raw.stdout.trim().split('\n').sort()).toEqual(['one', 'one', 'two', 'two']);
    const short = await lab.docker('service logs --no-task-ids --tail 1 echo');
    expect(short.stdout.trim().split('\n').sort()).toEqual(
      tasks.map(([name, , node]) => `${name}@${node}    | two`).sort(),
    );
    const task = await lab.docker(['service', 'logs', tasks[0]![1]!]);
    expect(task.stdout.trim().split('\n')).toEqual(
      ['one', 'two'].map((w) => `${tasks[0]![0]}.${tasks[0]![1]}@${tasks[0]![2]}    | ${w}`),
    );
    const none = await lab.docker('service logs nope');
    expect(none.stderr).toBe('no such task or service: nope\n');
    expect(none.status).toBe(1);
  });
});
