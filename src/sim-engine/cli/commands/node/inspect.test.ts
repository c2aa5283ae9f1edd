/**
 * `docker node inspect --format` runs on the typed swarm.Node with no raw-map fallback
 * (docker/cli v28.5.2 node/inspect.go: getRef returns no raw bytes). Expected texts were
 * printed by a real three-node swarm (test/fidelity/multi).
 */
import { describe, expect, it } from 'vitest';
import { testLab } from '../../../../../test/kit/lab.ts';

async function swarmOfThree() {
  const lab = testLab({ nodes: 3 });
  expect((await lab.docker('swarm init')).status).toBe(0);
  const worker = (await lab.docker('swarm join-token -q worker')).stdout.trim();
  for (const node of ['node2', 'node3'])
    expect((await lab.docker(['swarm', 'join', '--token', worker, 'node1:2377'], { node })).status).toBe(0);
  expect((await lab.docker('node promote node3')).status).toBe(0);
  await lab.sleep(5_000);
  return lab;
}

const inspect = async (lab: Awaited<ReturnType<typeof swarmOfThree>>, node: string, format: string) => {
  const r = await lab.docker(['node', 'inspect', node, '--format', format]);
  return { out: r.out, status: r.status };
};

describe('docker node inspect --format', () => {
  it("prints a worker's nil ManagerStatus as <nil> and null", async () => {
    const lab = await swarmOfThree();
    expect(await inspect(lab, 'node2', '{{.ManagerStatus}}')).toEqual({ out: '<nil>\n', status: 0 });
    expect(await inspect(lab, 'node2', '{{json .ManagerStatus}}')).toEqual({ out: 'null\n', status: 0 });
    expect(await inspect(lab, 'node2', '{{.ManagerStatus.Leader}}')).toEqual({
      out: '\ntemplate parsing error: template: :1:16: executing "" at <.ManagerStatus.Leader>: nil pointer evaluating *swarm.ManagerStatus.Leader\n',
      status: 1,
    });
  });

  it('gives a follower Leader false, though the JSON leaves it out', async () => {
    const lab = await swarmOfThree();
    expect(await inspect(lab, 'node3', '{{.ManagerStatus.Leader}} {{.ManagerStatus.Reachability}}')).toEqual({
      out: 'false reachable\n',
      status: 0,
    });
    expect((await inspect(lab, 'node3', '{{json .ManagerStatus}}')).out).not.toContain('Leader');
  });

  it('reads the omitempty fields the daemon left out as zero values', async () => {
    const lab = await swarmOfThree();
    expect(
      await inspect(
        lab,
        'node2',
        '{{.Status.Message}}|{{.Spec.Name}}|{{.Description.Resources.GenericResources}}|{{len .Description.CSIInfo}}',
      ),
    ).toEqual({ out: '||[]|0\n', status: 0 });
  });

  it('fails on an unknown field with the typed struct in the message (no raw fallback)', async () => {
    const lab = await swarmOfThree();
    expect(await inspect(lab, 'node2', '{{.Foo}}')).toEqual({
      out: '\ntemplate parsing error: template: :1:2: executing "" at <.Foo>: can\'t evaluate field Foo in type swarm.Node\n',
      status: 1,
    });
  });
});
