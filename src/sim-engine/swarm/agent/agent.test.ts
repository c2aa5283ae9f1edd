/**
 * The agent on a node whose machine died and booted: the tasks it ran are reconciled from
 * its own record first, so one whose container died with the machine ends FAILED with
 * the exit code the daemon's restore gave it, though the manager had moved its desired
 * state to SHUTDOWN meanwhile. Expected texts were printed by a real three-node swarm
 * (test/fidelity/multi, 03).
 */
import { describe, expect, it } from 'vitest';
import { transcript } from '../../../node/transcript.ts';

describe('the agent after its machine booted again', () => {
  it('fails the tasks whose containers died with the machine (task: non-zero exit (255))', async () => {
    const out = await transcript(
      `# images: nginx:latest
# nodes: 3
docker swarm init > /dev/null
@node2 docker swarm join --token $(@node1 docker swarm join-token -q worker) 192.168.0.11:2377
@node3 docker swarm join --token $(@node1 docker swarm join-token -q worker) 192.168.0.11:2377
docker service create -d --name web --replicas 3 nginx > /dev/null
sleep 10
lab stop node3
sleep 40
docker service ps web --filter node=node3 --format '{{.DesiredState}} {{.CurrentState}}' | cut -d' ' -f1,2
lab start node3
sleep 10
docker service ps --no-trunc web --filter node=node3 --format '{{.DesiredState}} {{.CurrentState}} {{.Error}}' | cut -d' ' -f1,2,6-
@node3 docker ps -a --format '{{.Status}}' | cut -d' ' -f1,2
docker service ps web --filter desired-state=running --format '{{.Node}} {{.CurrentState}}' | grep -c ' Running'
`,
    );
    const tail = out.slice(out.indexOf('$ docker service ps web --filter node=node3'));
    expect(tail).toBe(
      `$ docker service ps web --filter node=node3 --format '{{.DesiredState}} {{.CurrentState}}' | cut -d' ' -f1,2
Shutdown Running
$ lab start node3
$ sleep 10
$ docker service ps --no-trunc web --filter node=node3 --format '{{.DesiredState}} {{.CurrentState}} {{.Error}}' | cut -d' ' -f1,2,6-
Shutdown Failed "task: non-zero exit (255)"
$ @node3 docker ps -a --format '{{.Status}}' | cut -d' ' -f1,2
Exited (255)
$ docker service ps web --filter desired-state=running --format '{{.Node}} {{.CurrentState}}' | grep -c ' Running'
3
`,
    );
  });
});
