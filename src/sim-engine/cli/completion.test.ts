/**
 * Tab completion on a node's shell session, against docker/cli v28.5.2's cobra
 * completion (ValidArgsFunction of each command, cli/command/completion/functions.go)
 * and bash's command and file-name completion.
 */
import { describe, expect, it } from 'vitest';
import { testLab } from '../../../test/kit/lab.ts';

async function completeOn(lab: ReturnType<typeof testLab>, line: string, node?: string) {
  return lab.engine.session(node).complete(line, line.length);
}

describe('complete', () => {
  it('completes the first word from builtins and PATH, docker among them', async () => {
    const lab = testLab();
    expect(await completeOn(lab, 'dock')).toEqual({ from: 0, candidates: ['docker'] });
    const c = await completeOn(lab, 'c');
    expect(c.candidates).toContain('cd'); // a builtin
    expect(c.candidates).toContain('cat'); // /usr/bin
    expect(c.candidates).toContain('case'); // a reserved word
    // after a separator a new command starts
    expect(await completeOn(lab, 'true && dock')).toEqual({ from: 8, candidates: ['docker'] });
  });

  it('completes docker subcommands, hidden ones left out', async () => {
    const lab = testLab();
    expect(await completeOn(lab, 'docker ru')).toEqual({ from: 7, candidates: ['run'] });
    expect((await completeOn(lab, 'docker s')).candidates).toEqual([
      'save',
      'search',
      'secret',
      'service',
      'stack',
      'start',
      'stats',
      'stop',
      'swarm',
      'system',
    ]);
    expect((await completeOn(lab, 'docker service sc')).candidates).toEqual(['scale']);
    expect((await completeOn(lab, 'docker container l')).candidates).toEqual(['logs', 'ls']);
  });

  it("completes a command's flags, long and short, not hidden ones nor one already given", async () => {
    const lab = testLab();
    const ps = (await completeOn(lab, 'docker ps -')).candidates;
    expect(ps).toEqual(
      expect.arrayContaining(['--all', '-a', '--filter', '-f', '--quiet', '-q', '--no-trunc']),
    );
    expect(ps).not.toContain('--help');
    expect((await completeOn(lab, 'docker ps --a')).candidates).toEqual(['--all']);
    expect((await completeOn(lab, 'docker ps -a --a')).candidates).toEqual([]);
    // a repeatable flag may be given again
    expect((await completeOn(lab, 'docker ps -f status=exited --fil')).candidates).toEqual(['--filter']);
    // run stops reading flags at the image (SetInterspersed(false))
    expect((await completeOn(lab, 'docker run nginx --n')).candidates).toEqual([]);
  });

  it('completes container names through the API, as each command filters them', async () => {
    const lab = testLab({ images: ['nginx:latest', 'alpine:latest'] });
    await lab.docker('run -d --name web nginx');
    await lab.docker('run -d --name worker nginx');
    await lab.docker('create --name idle alpine');
    expect(await completeOn(lab, 'docker stop w')).toEqual({ from: 12, candidates: ['web', 'worker'] });
    // stop: running containers only (ContainerNames(dockerCLI, false))
    expect((await completeOn(lab, 'docker stop ')).candidates).toEqual(['web', 'worker']);
    // start: exited or created ones
    expect((await completeOn(lab, 'docker start ')).candidates).toEqual(['idle']);
    // rm: stopped ones, every one with --force
    expect((await completeOn(lab, 'docker container rm ')).candidates).toEqual(['idle']);
    expect((await completeOn(lab, 'docker rm -f ')).candidates).toEqual(['idle', 'web', 'worker']);
    expect((await completeOn(lab, 'docker logs --tail 5 i')).candidates).toEqual(['idle']);
  });

  it('completes image names (RepoTags), up to the limit of the command', async () => {
    const lab = testLab({ images: ['nginx:latest', 'nginx:1.25', 'alpine:latest'] });
    expect((await completeOn(lab, 'docker run ngi')).candidates).toEqual(['nginx:1.25', 'nginx:latest']);
    expect((await completeOn(lab, 'docker run -d --name x a')).candidates).toEqual(['alpine:latest']);
    // run takes one image: its command is not completed as one
    expect((await completeOn(lab, 'docker run alpine a')).candidates).toEqual([]);
    expect((await completeOn(lab, 'docker rmi alpine:latest n')).candidates).toEqual([
      'nginx:1.25',
      'nginx:latest',
    ]);
  });

  it('completes networks, volumes, and flag values with their own completion', async () => {
    const lab = testLab({ images: ['nginx:latest'] });
    await lab.docker('network create backend');
    await lab.docker('volume create data');
    expect((await completeOn(lab, 'docker network rm b')).candidates).toEqual(['backend', 'bridge']);
    expect((await completeOn(lab, 'docker volume inspect ')).candidates).toEqual(['data']);
    expect((await completeOn(lab, 'docker run --network ba')).candidates).toEqual(['backend']);
    // network connect: a network, then a container
    await lab.docker('run -d --name web nginx');
    expect((await completeOn(lab, 'docker network connect back')).candidates).toEqual(['backend']);
    expect((await completeOn(lab, 'docker network connect backend w')).candidates).toEqual(['web']);
  });

  it('completes services (scale adds `=`) and nodes (and self) on a swarm manager', async () => {
    const lab = testLab({ nodes: ['manager1', 'worker1'], images: ['nginx:latest'] });
    expect((await completeOn(lab, 'docker service rm ')).candidates).toEqual([]); // not a swarm: nothing
    await lab.docker('swarm init --advertise-addr 192.168.0.11', { node: 'manager1' });
    await lab.docker('service create -d --name web nginx', { node: 'manager1' });
    expect(await completeOn(lab, 'docker service scale w', 'manager1')).toEqual({
      from: 21,
      candidates: ['web='],
      noSpace: true,
    });
    expect((await completeOn(lab, 'docker service ps ', 'manager1')).candidates).toEqual(['web']);
    expect((await completeOn(lab, 'docker node update ', 'manager1')).candidates).toEqual([
      'manager1',
      'self',
    ]);
  });

  it('completes files and directories for paths, directories only for cd and docker build', async () => {
    const lab = testLab({
      files: { Dockerfile: 'FROM alpine\n', 'app/main.py': 'print(1)\n', '.env': 'A=1\n' },
    });
    expect((await completeOn(lab, 'cat ')).candidates).toEqual(['Dockerfile', 'app/']);
    expect((await completeOn(lab, 'cat app/')).candidates).toEqual(['app/main.py']);
    expect((await completeOn(lab, 'cat .e')).candidates).toEqual(['.env']);
    expect((await completeOn(lab, 'cd ')).candidates).toEqual(['app/']);
    expect((await completeOn(lab, 'docker build ./')).candidates).toEqual(['./app/']);
    expect((await completeOn(lab, 'docker build -t x:1 a')).candidates).toEqual(['app/']);
    expect((await completeOn(lab, 'docker build -f D')).candidates).toEqual(['Dockerfile']);
    expect((await completeOn(lab, 'ls /etc/host')).candidates).toEqual(
      expect.arrayContaining(['/etc/hostname', '/etc/hosts']),
    );
  });
});
