/**
 * `dockersim transcript` reads the line forms of the oracle's multi-node recorder
 * (record-multi.sh): `@nodeK CMD`, `$(@nodeK CMD)` inside a line, and `lab stop|start
 * nodeK`, whose output the recorder throws away.
 */
import { describe, expect, it } from 'vitest';
import { main } from './main.ts';
import { nodeSubstitutions, transcript } from './transcript.ts';

describe('record-multi.sh line forms', () => {
  it('turns $(@nodeK CMD) into a command against node K’s daemon', () => {
    expect(nodeSubstitutions('docker swarm join --token $(@node1 docker swarm join-token -q worker) x')).toBe(
      'docker swarm join --token $(DOCKER_HOST=tcp://node1:2375 docker swarm join-token -q worker) x',
    );
    expect(nodeSubstitutions('echo $(@node2 hostname) $(@node3 hostname)')).toBe(
      'echo $(DOCKER_HOST=tcp://node2:2375 hostname) $(DOCKER_HOST=tcp://node3:2375 hostname)',
    );
    expect(nodeSubstitutions('echo $(hostname) @node1')).toBe('echo $(hostname) @node1');
  });

  it('joins workers with a token read from the manager, on the addresses given', async () => {
    const out = await transcript(
      `# nodes: 2
docker swarm init --advertise-addr 10.99.0.11 > /dev/null
@node2 docker swarm join --token $(@node1 docker swarm join-token -q worker) 10.99.0.11:2377
@node2 docker info --format '{{.Swarm.NodeAddr}} {{index .Swarm.RemoteManagers 0 | json}}'
`,
      { addresses: ['10.99.0.11', '10.99.0.12'] },
    );
    expect(out).toBe(`$ docker swarm init --advertise-addr 10.99.0.11 > /dev/null
$ @node2 docker swarm join --token $(@node1 docker swarm join-token -q worker) 10.99.0.11:2377
This node joined a swarm as a worker.
$ @node2 docker info --format '{{.Swarm.NodeAddr}} {{index .Swarm.RemoteManagers 0 | json}}'
10.99.0.12 {"NodeID":"${/"NodeID":"([0-9a-z]{25})"/.exec(out)?.[1]}","Addr":"10.99.0.11:2377"}
`);
  });

  it('prints no stdout for lab stop and lab start, as the recorder, but their errors and other lab output', async () => {
    const out = await transcript(`# nodes: 2
lab stop node2
@node1 lab start node2
lab nodes
lab stop nosuch
`);
    expect(out).toBe(`$ lab stop node2
$ @node1 lab start node2
$ lab nodes
NODE    ADDRESS        STATE     NETWORK
node1   192.168.0.11   running   connected
node2   192.168.0.12   running   connected
$ lab stop nosuch
lab: no such node: nosuch
[exit 1]
`);
  });
});

describe('dockersim transcript --addresses', () => {
  it('refuses what is not a list of IPv4 addresses', async () => {
    const write = process.stderr.write;
    let err = '';
    process.stderr.write = ((t: string) => ((err += t), true)) as typeof process.stderr.write;
    try {
      expect(await main(['transcript', '-', '--addresses', '10.99.0.11,node2'])).toBe(2);
    } finally {
      process.stderr.write = write;
    }
    expect(err).toMatch(/^dockersim: --addresses takes IPv4 addresses separated by commas\n/);
  });
});
