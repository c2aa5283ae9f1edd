/**
 * Swarm networking end to end on a three-node lab, through the CLI, pinned by golden
 * transcripts: each script in testdata/ says, in its comments, which moby, SwarmKit or
 * docker/cli source each step follows.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { transcript } from '../../../node/transcript.ts';

const script = (name: string) => readFileSync(new URL(`testdata/${name}.sh`, import.meta.url), 'utf8');

describe('swarm networking', () => {
  it('creates, lists, inspects and removes overlay networks; ingress and docker_gwbridge', async () => {
    const out = await transcript(script('overlay-networks'), { nodes: 3 });
    await expect(out).toMatchFileSnapshot('testdata/overlay-networks.golden');
  });

  it('gives services a VIP and tasks addresses; the service name, tasks.<name> and task names resolve', async () => {
    const out = await transcript(script('service-discovery'), { nodes: 3 });
    await expect(out).toMatchFileSnapshot('testdata/service-discovery.golden');
  });

  it('publishes ingress ports on every node (routing mesh), dnsrr services and host-mode ports', async () => {
    const out = await transcript(script('routing-mesh'), { nodes: 3 });
    await expect(out).toMatchFileSnapshot('testdata/routing-mesh.golden');
  });
});
