/**
 * The grader on real labs: a headless engine, commands run as a learner would, the
 * goal graded through the Engine API. Each test reads the sentences a learner sees.
 */
import { describe, expect, it } from 'vitest';
import { HeadlessLab } from '../../node/verify.ts';

const explain = (g: { lines: { passed: boolean; explain: string }[] }) =>
  g.lines.map((l) => `${l.passed ? '✓' : '✗'} ${l.explain}`);

async function lab(commands: string[], config: ConstructorParameters<typeof HeadlessLab>[0] = {}) {
  const h = new HeadlessLab({ images: ['nginx:latest', 'alpine:latest'], ...config });
  const failed = await h.runAll(commands);
  expect(failed).toBeUndefined();
  return h;
}

describe('grade: containers, files and HTTP', () => {
  const goal = `
containers:
  web:
    image: nginx
    running: true
    ports: ["8080:80"]
    restart: always
  old: null
files:
  web:/usr/share/nginx/html/index.html:
    contains: Welcome to nginx
http:
  GET http://localhost:8080:
    status: 200
    contains: Welcome to nginx!
`;

  it('says what is missing before, and passes after', async () => {
    const h = await lab([
      'docker run -d --name old alpine sleep 1d',
      'docker run -d --name web -p 9090:80 alpine sleep 1d',
    ]);
    const before = await h.grade(goal);
    expect(before.passed).toBe(false);
    expect(explain(before)).toEqual([
      '✗ web is from alpine, not nginx',
      '✓ web is running',
      '✗ web publishes 0.0.0.0:9090→80/tcp, not 8080→80/tcp',
      '✗ web has the restart policy no, not always',
      '✗ There is still a container old (running); it should be gone',
      '✗ There is no /usr/share/nginx/html/index.html in web',
      expect.stringMatching(/^✗ GET http:\/\/localhost:8080 from node1 gets no answer: .*(connect|refused)/i),
    ]);
    await h.runAll(['docker rm -f web old', 'docker run -d --name web -p 8080:80 --restart always nginx']);
    const after = await h.grade(goal);
    expect(explain(after)).toEqual([
      '✓ web is from nginx',
      '✓ web is running',
      '✓ web publishes 8080→80/tcp',
      '✓ web has the restart policy always',
      '✓ There is no container old',
      '✓ /usr/share/nginx/html/index.html in web contains "Welcome to nginx"',
      '✓ GET http://localhost:8080 from node1 answers 200',
      '✓ The answer to GET http://localhost:8080 from node1 contains "Welcome to nginx!"',
    ]);
    expect(after.passed).toBe(true);
  });

  it('any / all / none and count, with the closest miss named', async () => {
    const h = await lab([
      'docker run -d --name web1 nginx',
      'docker run -d --name web2 nginx',
      'docker create --name tool alpine',
    ]);
    const g = await h.grade(`
containers:
  count: ">= 4"
  any: { image: nginx, running: true, count: ">= 3" }
  all: { running: true }
  none: { image: alpine }
`);
    expect(explain(g)).toEqual([
      '✗ There are 3 containers; the goal is at least 4',
      '✗ 2 containers match "is from nginx and is running" (web1, web2); the goal is at least 3',
      '✗ Not every container is running: tool is created, not running',
      '✗ tool is from alpine, and no container should',
    ]);
  });

  it('env, mounts, exit codes and networks', async () => {
    const h = await lab([
      'docker network create front',
      'docker volume create data',
      'docker run --name job -e MODE=batch -v data:/data --network front alpine sh -c "exit 3" || true',
    ]);
    const g = await h.grade(`
containers:
  job:
    env: { MODE: batch, DEBUG: null }
    mounts: ["data:/data"]
    exit_code: 3
    networks: [front]
    state: exited
volumes:
  data: { driver: local }
networks:
  front: { driver: bridge }
  back: null
`);
    expect(explain(g)).toEqual([
      '✓ job is exited',
      '✓ job mounts data:/data',
      '✓ job has MODE=batch, no DEBUG in its environment',
      '✓ job exited with code 3',
      '✓ job is on the networks front',
      '✓ front has the driver bridge',
      '✓ There is no network back',
      '✓ data has the driver local',
    ]);
  });

  it('images: config and layers, and absent tags', async () => {
    const h = await lab(['docker pull nginx:1.18']);
    const g = await h.grade(`
images:
  nginx:1.18:
    cmd: ["nginx", "-g", "daemon off;"]
    exposed_ports: [80]
    layers: ">= 2"
  nginx:1.17: { absent: true }
  myapp:1.0:
    workdir: /app
`);
    expect(explain(g)).toEqual([
      '✓ nginx:1.18 has CMD ["nginx","-g","daemon off;"]',
      '✓ nginx:1.18 exposes 80/tcp',
      expect.stringMatching(/^✓ nginx:1.18 has \d+ layers$/),
      '✓ There is no image nginx:1.17',
      '✗ There is no image myapp:1.0',
    ]);
  });
});

describe('grade: swarm services and nodes', () => {
  it('web runs 0 of 6 tasks on nginx:1.18, then all 6 after the update', async () => {
    const h = await lab(
      [
        'docker swarm init',
        'docker swarm join --token $(docker -H tcp://node1:2375 swarm join-token -q worker) node1:2377'.replace(
          /^/,
          '@node2 ',
        ),
        '@node3 docker swarm join --token $(docker -H tcp://node1:2375 swarm join-token -q worker) node1:2377',
        'docker service create -q --name web --replicas 6 -p 8080:80 nginx:1.17',
      ],
      { nodes: 3, images: ['nginx:1.17', 'nginx:1.18'] },
    );
    const goal = `
swarm: { state: active, nodes: 3 }
nodes:
  count: 3
  node1: { role: manager, leader: true }
  all: { status: ready }
services:
  web:
    image: nginx:1.18
    replicas: 6
    running: 6
    ports: ["8080:80"]
    update_config: { parallelism: 2, delay: 10s }
    spread: { nodes: 3, max_per_node: 2 }
`;
    const before = await h.grade(goal);
    expect(explain(before)).toEqual([
      '✓ Swarm mode is active on node1',
      '✓ The swarm has 3 nodes',
      '✓ There are 3 nodes',
      '✓ node1 is a manager',
      '✓ node1 is the leader',
      '✓ Every node is ready',
      '✗ web uses the image nginx:1.17, not nginx:1.18',
      '✓ web is set to 6 replicas',
      '✗ web runs 0 of 6 tasks on nginx:1.18; the goal is 6',
      '✓ web publishes 8080→80/tcp',
      '✗ web has update_config parallelism 1 (not 2), delay 0s (not 10s)',
      '✓ web runs tasks on node1 (2), node2 (2), node3 (2)',
    ]);
    await h.runAll([
      'docker service update -q --image nginx:1.18 --update-parallelism 2 --update-delay 10s web',
    ]);
    const after = await h.grade(goal);
    expect(explain(after).filter((l) => l.startsWith('✗'))).toEqual([]);
    expect(explain(after)).toContain('✓ web runs 6 of 6 tasks on nginx:1.18');
  });

  it('reading services on a node outside a swarm says why', async () => {
    const h = await lab([]);
    const g = await h.grade('services:\n  web: { replicas: 1 }\nswarm: active\n');
    expect(explain(g)).toEqual([
      '✗ node1 is not in a swarm (swarm: inactive)',
      expect.stringMatching(/^✗ Cannot read the services: This node is not a swarm manager/),
    ]);
  });
});
