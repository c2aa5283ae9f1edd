/**
 * `docker service …` end to end on a three-node swarm made by `swarm init`/`join`,
 * pinned by golden files. The tables are docker/cli's: service/formatter.go
 * (`table {{.ID}}\t{{.Name}}\t{{.Mode}}\t{{.Replicas}}\t{{.Image}}\t{{.Ports}}`) and
 * task/formatter.go + task/print.go (the ` \_ ` rows of earlier tasks in a slot),
 * through formatter.go's tabwriter (minwidth 10, padding 3).
 */
import { describe, expect, it } from 'vitest';
import { transcript } from '../../../../node/transcript.ts';

const swarm = `# images: nginx:latest alpine:latest
docker swarm init --advertise-addr 192.168.0.11
@node2 docker swarm join --token $(docker -H tcp://node1:2375 swarm join-token -q worker) node1:2377
@node3 docker swarm join --token $(docker -H tcp://node1:2375 swarm join-token -q worker) node1:2377
`;

describe('docker service on three nodes', () => {
  it('creates, lists, scales and removes services', async () => {
    const out = await transcript(
      swarm +
        `docker service create --name web --replicas 3 -p 8080:80 nginx
docker service ls
docker service ps web
docker service scale web=5 -d
sleep 5
docker service ps web
docker service create --name mon --mode global -d alpine sleep 1000
docker service create --name one --replicas 3 --replicas-max-per-node 1 --constraint node.role==worker -d nginx
docker service create --name job --restart-condition on-failure --restart-delay 1s -d alpine sh -c 'exit 3'
sleep 10
docker service ls
docker service ps job
docker service scale mon=2
docker service rm web nosuch
docker service ps nosuch
docker service inspect nosuch
`,
      { nodes: 3 },
    );
    await expect(out).toMatchFileSnapshot('testdata/services-3-nodes.golden');
  });

  it('answers with moby errors off a swarm and on a worker', async () => {
    const out = await transcript(
      `# images: nginx:latest
docker service ls
docker swarm init --advertise-addr 192.168.0.11
@node2 docker swarm join --token $(docker -H tcp://node1:2375 swarm join-token -q worker) node1:2377
@node2 docker service ls
docker service create --name web -d nginx
docker service create --name web -d nginx
docker service create --mode global --replicas 2 nginx
docker service create --name x --constraint 'node.role=manager' -d nginx
docker service inspect --pretty web
`,
      { nodes: 2 },
    );
    await expect(out).toMatchFileSnapshot('testdata/service-errors.golden');
  });
});
