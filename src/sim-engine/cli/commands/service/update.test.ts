/**
 * `docker service update` and `rollback` end to end on a three-node swarm, tick by tick,
 * pinned by a golden file (pipe form, as `dockersim transcript` prints). Where each line
 * comes from:
 *
 * - `web` then the progress: update.go runUpdate prints the SERVICE argument, then
 *   helpers.go WaitOnService → progress/progress.go ServiceProgress: `overall progress:
 *   N out of M tasks` and the `i/M: ` rows (replicatedProgressUpdater; bars are dropped
 *   off a terminal by jsonmessage), `verify: Waiting N seconds…` for the monitor period,
 *   `verify: Service web converged` (the name as typed, cli ≥ v26).
 * - During a rollback `rollback: manually requested rollback` (progress.go, case
 *   UpdateStateRollbackStarted; the message is swarmkit controlapi/service.go
 *   UpdateService's) and `rolling back update: ` before the counts.
 * - `service update paused: update paused due to failure or early termination of task
 *   <id>` (progress.go UpdateStatePaused; the message is swarmkit
 *   orchestrator/update/updater.go failureTriggersAction); a failing rollback prints
 *   `service rollback paused: …` with the same message (pauseUpdate keeps it, only the
 *   state becomes rollback_paused).
 * - `service ps`: the new task of each slot with the old ones beneath as ` \_ web.N …
 *   Shutdown` (task/print.go); one slot at a time by default, two every 10 s with
 *   `--update-parallelism 2 --update-delay 10s` (updater.go worker: RUNNING, then Delay).
 * - `UpdateStatus` JSON and `--pretty` (service/formatter.go: State, Started, Completed
 *   for a completed update, Message); `completed`/`update completed` one monitor period
 *   after the last slot, or Delay + 1 s when Delay ≥ Monitor (updater.go Run).
 * - `other flags may not be combined with --rollback` (update.go runUpdate);
 *   `unknown flag: --mode` (update has no --mode); `service nosuch not found`
 *   (moby daemon/cluster/helpers.go getService).
 */
import { describe, expect, it } from 'vitest';
import { transcript } from '../../../../node/transcript.ts';

const swarm = `# images: nginx:1.17 nginx:1.18 alpine:latest
docker swarm init --advertise-addr 192.168.0.11
@node2 docker swarm join --token $(docker -H tcp://node1:2375 swarm join-token -q worker) node1:2377
@node3 docker swarm join --token $(docker -H tcp://node1:2375 swarm join-token -q worker) node1:2377
`;

describe('docker service update on three nodes', () => {
  it("rolls web from nginx:1.17 to 1.18 with the course notes' commands, and back", async () => {
    const out = await transcript(
      swarm +
        `docker service create --name web --replicas 6 -p 8080:80 -d nginx:1.17
sleep 5
docker service update --image nginx:1.18 web
docker service ps web
docker service inspect --format '{{json .UpdateStatus}}' web
docker service rollback -d web
sleep 15
docker service ps --filter desired-state=running web
docker service update --image nginx:1.18 --update-parallelism 2 --update-delay 10s -d web
docker service ps --filter desired-state=running web
sleep 5
docker service ps --filter desired-state=running web
sleep 5
docker service ps --filter desired-state=running web
sleep 5
docker service ps --filter desired-state=running web
sleep 5
docker service ps --filter desired-state=running web
sleep 5
docker service ps --filter desired-state=running web
docker service inspect --pretty web
sleep 20
docker service inspect --format '{{.UpdateStatus.State}}: {{.UpdateStatus.Message}}' web
docker service inspect --pretty web
`,
      { nodes: 3 },
    );
    await expect(out).toMatchFileSnapshot('testdata/service-update-3-nodes.golden');
  });

  it('pauses on a failing task, rolls back on request, and refuses what Docker refuses', async () => {
    const out = await transcript(
      swarm +
        `docker service create --name bad --replicas 3 -d alpine sleep 1000
sleep 5
docker service update --args "sh -c 'exit 3'" bad
docker service inspect --format '{{.UpdateStatus.State}}: {{.UpdateStatus.Message}}' bad
docker service ps bad
docker service update --rollback -d bad
sleep 30
docker service ps bad
docker service inspect --format '{{.UpdateStatus.State}}: {{.UpdateStatus.Message}}' bad
docker service update --rollback --replicas 2 bad
docker service update --replicas 2 --mode global bad
docker service update --replicas 2 nosuch
docker service rollback nosuch
docker service create --name fresh -d nginx:1.17
docker service rollback fresh
`,
      { nodes: 3 },
    );
    await expect(out).toMatchFileSnapshot('testdata/service-update-errors.golden');
  });
});
