/**
 * `docker secret` and `docker config` where the real-Docker fixture (38) does not reach:
 * off a swarm and on a worker, templates on the typed objects (a Version that prints
 * its index, a config's data as a []byte), `docker inspect` of both kinds, a directory
 * as the file, an empty name.
 */
import { describe, expect, it } from 'vitest';
import { testLab } from '../../../../../test/kit/lab.ts';
import { transcript } from '../../../../node/transcript.ts';

describe('docker secret and docker config', () => {
  it('answers off a swarm and on a worker as the daemon does', async () => {
    const out = await transcript(
      `# images: alpine:latest
docker secret ls
docker swarm init --advertise-addr 192.168.0.11 > /dev/null
@node2 docker swarm join --token $(docker -H tcp://node1:2375 swarm join-token -q worker) node1:2377 > /dev/null
@node2 docker config ls
`,
      { nodes: 2 },
    );
    expect(out).toContain(
      '$ docker secret ls\nError response from daemon: This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.\n[exit 1]',
    );
    expect(out).toContain(
      "$ @node2 docker config ls\nError response from daemon: This node is not a swarm manager. Worker nodes can't be used to view or modify cluster state. Please run this command on a manager node or promote the current node to a manager.\n[exit 1]",
    );
  });

  it('runs templates on the typed objects, in its own inspect and in docker inspect', async () => {
    const out = await transcript(
      `# images: alpine:latest
docker swarm init > /dev/null
mkdir dir
docker secret create s dir
printf 'hi' | docker config create c - > /dev/null
printf 'pw' | docker secret create s - > /dev/null
docker config inspect --format '{{.Spec.Data}} {{json .Spec.Data}} {{printf "%s|%x" .Spec.Data .Spec.Data}}' c
docker inspect --format '{{.Spec.Name}} {{.Spec.Data}} {{.Spec.Templating}} {{len .Spec.Labels}}' s c
docker inspect --format '{{.Spec.Driver}}' s c
docker secret inspect --format '{{if gt (len .Version.String) 0}}version ok{{end}} {{.CreatedAt.Year}}' s
docker config inspect ''
docker secret rm ' '
docker secret inspect --format '{{.Nope}}' s
`,
    );
    expect(out).toContain(
      '$ docker secret create s dir\nerror reading from dir: read dir: is a directory\n[exit 1]',
    );
    expect(out).toContain('[104 105] "aGk=" hi|6869\n');
    expect(out).toContain('\ns [] <nil> 0\nc [104 105] <nil> 0\n');
    // a ConfigSpec has no Driver: the template fails on the typed value, then on the raw JSON
    expect(out).toContain(
      '\n<nil>\ntemplate parsing error: template: :1:7: executing "" at <.Spec.Driver>: map has no entry for key "Driver"\n[exit 1]',
    );
    expect(out).toMatch(/version ok 20\d\d\n/);
    expect(out).toContain(
      "$ docker config inspect ''\n[]\ninvalid contig name or ID: value is empty\n[exit 1]",
    );
    expect(out).toContain("$ docker secret rm ' '\ninvalid secret name or ID: value is empty\n[exit 1]");
    expect(out).toContain(
      'template parsing error: template: :1:2: executing "" at <.Nope>: map has no entry for key "Nope"',
    );
  });
});

describe('completion of secret and config commands', () => {
  it('offers the objects by ID, as docker/cli completeNames does', async () => {
    const lab = testLab();
    expect((await lab.docker('swarm init')).status).toBe(0);
    const id = (await lab.docker(['secret', 'create', 's', '-'], { stdin: 'x' })).stdout.trim();
    const cfg = (await lab.docker(['config', 'create', 'c', '-'], { stdin: 'y' })).stdout.trim();
    const complete = async (line: string) =>
      (await lab.engine.session().complete(line, line.length)).candidates;
    expect(await complete('docker secret rm ')).toEqual([id]);
    expect(await complete('docker secret inspect ')).toEqual([id]);
    expect(await complete('docker config inspect ')).toEqual([cfg]);
    expect(await complete('docker config ls ')).toEqual([]);
  });
});
