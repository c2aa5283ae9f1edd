/**
 * A task's container removed under the agent (`docker rm -f`): it dies with 137 before it
 * is removed, and the executor's wait sees that exit, so the task ends FAILED with
 * `task: non-zero exit (137)` and the dead container's status (its ID, no PID, 137), not
 * COMPLETE. Expected values were printed by a real engine (test/fidelity, 43).
 */
import { describe, expect, it } from 'vitest';
import { testLab } from '../../../../test/kit/lab.ts';

const shutdownTask = ['service', 'ps', '-q', '--filter', 'desired-state=shutdown', 'web'];

describe('a task container removed with docker rm -f', () => {
  it('fails its task with exit 137 and the dead container status, and the slot is refilled', async () => {
    const lab = testLab({ images: ['nginx:latest'] });
    await lab.docker('swarm init');
    await lab.docker('service create -d --name web nginx');
    await lab.sleep(3000);
    const id = (await lab.docker(['ps', '-q', '--no-trunc', '--filter', 'name=web.1.'])).stdout.trim();
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect((await lab.docker(['rm', '-f', id])).status).toBe(0);
    await lab.sleep(8000);
    const task = (await lab.docker(shutdownTask)).stdout.trim();
    const format =
      '{{.Status.State}} {{.Status.Message}} {{.Status.Err}} {{json .Status.ContainerStatus}} {{.DesiredState}}';
    expect((await lab.docker(['inspect', '--format', format, task])).stdout).toBe(
      `failed started task: non-zero exit (137) {"ContainerID":"${id}","PID":0,"ExitCode":137} shutdown\n`,
    );
    const ps = await lab.docker([
      'service',
      'ps',
      '--format',
      '{{.Name}} {{.DesiredState}} {{.Error}}',
      'web',
    ]);
    expect(ps.stdout).toBe('web.1 Running \nweb.1 Shutdown "task: non-zero exit (137)"\n');
  });

  it('still completes a task whose container exits 0 and is then removed', async () => {
    const lab = testLab({ images: ['alpine:latest'] });
    await lab.docker('swarm init');
    await lab.docker('service create -d --name web --restart-condition none alpine true');
    await lab.sleep(3000);
    const id = (await lab.docker(['ps', '-aq', '--filter', 'name=web.1.'])).stdout.trim();
    await lab.docker(['rm', id]);
    const ps = await lab.docker(['service', 'ps', '--format', '{{.CurrentState}} {{.Error}}', 'web']);
    expect(ps.stdout).toMatch(/^Complete .* ago $/m);
  });
});
