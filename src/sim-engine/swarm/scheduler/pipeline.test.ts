import { describe, expect, it } from 'vitest';
import type { Task } from '../../api/types/service.ts';
import type { NodeObject } from '../orchestrator/task.ts';
import { addTask, newNodeInfo } from './node-info.ts';
import { Pipeline } from './pipeline.ts';

const node = (id: string, o: Partial<NodeObject> = {}): NodeObject => ({
  ID: id,
  Version: { Index: 1 },
  Spec: { Role: 'worker', Availability: 'active', Labels: {} },
  Description: {
    Hostname: id,
    Platform: { OS: 'linux', Architecture: 'x86_64' },
    Resources: { NanoCPUs: 2e9, MemoryBytes: 2e9 },
  },
  Status: { State: 'ready', Addr: '10.0.0.1' },
  ...o,
});

const task = (spec: Task['Spec']): Task =>
  ({ ID: 't', ServiceID: 's', Spec: spec, Status: { State: 'pending' }, DesiredState: 'running' }) as Task;

describe('filter pipeline (swarmkit filter.go Explain texts)', () => {
  it('explains each failing filter, the most frequent first', () => {
    const p = new Pipeline();
    p.setTask(
      task({
        Placement: { Constraints: ['node.role==manager'] },
        Resources: { Reservations: { MemoryBytes: 3e9 } },
      }),
    );
    const nodes = [
      newNodeInfo(node('a', { Spec: { Role: 'worker', Availability: 'drain' } })),
      newNodeInfo(node('b')),
      newNodeInfo(node('c')),
      newNodeInfo(node('d', { Description: { Resources: { NanoCPUs: 2e9, MemoryBytes: 4e9 } } })),
    ];
    for (const n of nodes) expect(p.process(n)).toBe(false);
    expect(p.explain()).toBe(
      'insufficient resources on 2 nodes; 1 node not available for new tasks; scheduling constraints not satisfied on 1 node',
    );
  });

  it('has the texts of every filter', () => {
    const p = new Pipeline();
    p.setTask(task({ Placement: { Platforms: [{ OS: 'windows' }] } }));
    p.process(newNodeInfo(node('a')));
    expect(p.explain()).toBe('unsupported platform on 1 node');
    p.setTask(task({ Placement: { MaxReplicas: 1 } }));
    const busy = newNodeInfo(node('b'));
    addTask(busy, task({}));
    p.process(busy);
    expect(p.explain()).toBe('max replicas per node limit exceed');
    p.setTask(task({}), [{ PublishMode: 'host', PublishedPort: 80, Protocol: 'tcp', TargetPort: 80 }]);
    const used = newNodeInfo(node('c'));
    used.usedHostPorts.add('tcp/80');
    p.process(used);
    p.process(used);
    expect(p.explain()).toBe('host-mode port already in use on 2 nodes');
  });

  it('matches constraints on labels, hostname and role, ignoring case, and resets on a pass', () => {
    const p = new Pipeline();
    p.setTask(task({ Placement: { Constraints: ['node.labels.zone==East', 'node.hostname!=b'] } }));
    expect(
      p.process(newNodeInfo(node('a', { Spec: { Availability: 'active', Labels: { zone: 'east' } } }))),
    ).toBe(true);
    expect(
      p.process(newNodeInfo(node('b', { Spec: { Availability: 'active', Labels: { zone: 'east' } } }))),
    ).toBe(false);
    expect(p.explain()).toBe('scheduling constraints not satisfied on 1 node');
  });
});
