/**
 * `docker stack …` end to end on headless labs, pinned by golden files: a stack across
 * three nodes (placement, a global service, the overlay networks), a redeploy that
 * changes one image (only that service's tasks are replaced; the others keep the spec
 * they have, so their tasks and resolved images stay), `--resolve-image`, `--prune`,
 * several `-c` files merged, `-c -`, the listing commands' flags, `rm` of several stacks
 * and `--detach=false`, and the refusals on a worker.
 */
import { describe, expect, it } from 'vitest';
import { transcript } from '../../../../node/transcript.ts';

const SWARM = `# images: nginx:1.17 nginx:1.18 redis:7 alpine:latest traefik/whoami:latest
docker swarm init --advertise-addr 192.168.0.11 > /dev/null
@node2 docker swarm join --token $(docker -H tcp://node1:2375 swarm join-token -q worker) node1:2377
@node3 docker swarm join --token $(docker -H tcp://node1:2375 swarm join-token -q worker) node1:2377
`;

const STACK = `version: "3.8"
services:
  web:
    image: nginx:\${WEB_TAG:-1.17}
    ports: ["8080:80"]
    networks: [front]
    deploy:
      replicas: 4
      placement:
        constraints: [node.role == worker]
        max_replicas_per_node: 2
      update_config:
        parallelism: 2
        delay: 10s
  cache:
    image: redis:7
    networks: [back]
    deploy:
      placement:
        constraints: [node.role == manager]
  agent:
    image: alpine
    command: sleep 1000
    deploy:
      mode: global
networks:
  front:
  back:
`;

const OVERRIDE = `version: "3.8"
services:
  web:
    environment: [MODE=prod]
    deploy:
      replicas: 2
  extra:
    image: traefik/whoami
`;

describe('docker stack on three nodes', () => {
  it('deploys, lists, redeploys one changed image, prunes and removes', async () => {
    const out = await transcript(
      SWARM +
        `docker stack deploy -c stack.yml shop
sleep 5
docker stack ls
docker stack services shop
docker stack ps shop --format '{{.Name}} {{.Node}} {{.CurrentState}}'
docker service inspect --format '{{.Spec.Name}} {{.Version.Index}} {{.Spec.TaskTemplate.ContainerSpec.Image}}' shop_web shop_cache shop_agent
WEB_TAG=1.18 docker stack deploy -c stack.yml shop
sleep 40
docker stack ps shop --format '{{.Name}} {{.Image}} {{.DesiredState}}' --filter name=shop_web
docker stack ps shop --filter name=shop_cache --filter desired-state=shutdown
docker service inspect --format '{{.Spec.Name}} {{.Version.Index}} {{.Spec.TaskTemplate.ContainerSpec.Image}} {{if .UpdateStatus}}{{.UpdateStatus.State}}{{end}}' shop_web shop_cache shop_agent
WEB_TAG=1.18 docker stack deploy --resolve-image never -c stack.yml shop
WEB_TAG=1.17 docker stack deploy --resolve-image changed -c stack.yml -d=true shop
docker service inspect --format '{{.Spec.Name}} {{.Spec.TaskTemplate.ContainerSpec.Image}}' shop_web shop_cache
docker stack deploy --prune -c stack.yml -c override.yml shop
docker stack services shop --format '{{.Name}} {{.Replicas}} {{.Image}}'
docker service inspect --format '{{json .Spec.TaskTemplate.ContainerSpec.Env}} {{.Spec.Mode.Replicated.Replicas}}' shop_web
docker stack services -q shop | wc -l
docker stack services --filter name=shop_we shop
docker stack ps -q shop | head -1 | wc -c
docker stack ps --no-trunc --format '{{.ID}}' shop | head -1 | wc -c
docker stack ls --format '{{.Name}}: {{.Services}}'
docker stack ls --format json
cat stack.yml | docker stack deploy -c - other
docker stack ls
docker stack rm shop other nothing
docker stack ls
docker network ls --filter label=com.docker.stack.namespace --format '{{.Name}}'
`,
      { nodes: 3, files: { 'stack.yml': STACK, 'override.yml': OVERRIDE } },
    );
    await expect(out).toMatchFileSnapshot('testdata/stack-3-nodes.golden');
  });

  it('waits for every service with --detach=false, then for the tasks with rm -d=false', async () => {
    const out = await transcript(
      SWARM +
        `docker stack deploy --detach=false -c stack.yml shop
docker stack rm -d=false shop
docker stack ps shop
`,
      { nodes: 3, files: { 'stack.yml': STACK } },
    );
    await expect(out).toMatchFileSnapshot('testdata/stack-wait.golden');
  });

  it('refuses on a worker, as docker/cli and the daemon do', async () => {
    const out = await transcript(
      SWARM +
        `@node2 docker stack deploy -c stack.yml shop
@node2 docker stack ls
@node2 docker stack ps shop
@node2 docker stack rm shop
docker stack deploy -c stack.yml shop --resolve-image sometimes
docker stack deploy -c stack.yml ''
docker stack ps ''
docker stack rm shop ' '
docker stack deploy
docker stack deploy -c stack.yml a b
docker stack services
`,
      { nodes: 3, files: { 'stack.yml': STACK } },
    );
    await expect(out).toMatchFileSnapshot('testdata/stack-errors.golden');
  });
});
