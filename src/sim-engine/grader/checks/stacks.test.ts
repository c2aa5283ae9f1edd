/**
 * Stacks graded on a headless lab: `docker stack deploy` as a learner runs it, the goal
 * read through the Engine API. Each test reads the sentences a learner sees.
 */
import { describe, expect, it } from 'vitest';
import { HeadlessLab } from '../../../node/verify.ts';

const explain = (g: { lines: { passed: boolean; explain: string }[] }) =>
  g.lines.map((l) => `${l.passed ? '✓' : '✗'} ${l.explain}`);

const STACK = `services:
  web:
    image: nginx:1.17
    ports: ["8080:80"]
    networks: [front]
    deploy:
      replicas: 2
      update_config: { parallelism: 1, delay: 10s }
  redis:
    image: redis:7
    networks: [back]
    secrets: [db_password]
    configs: [redis_conf]
networks:
  front:
  back:
secrets:
  db_password:
    file: ./db_password.txt
configs:
  redis_conf:
    file: ./redis.conf
`;

async function lab(commands: string[]) {
  const h = new HeadlessLab({
    images: ['nginx:1.17', 'nginx:1.18', 'redis:7'],
    files: { 'stack.yml': STACK, 'db_password.txt': 's3cret\n', 'redis.conf': 'maxmemory 10mb\n' },
  });
  const failed = await h.runAll(commands);
  expect(failed).toBeUndefined();
  return h;
}

describe('grade: stacks', () => {
  const goal = `
stacks:
  count: 1
  shop:
    services:
      count: 2
      web:
        image: nginx:1.18
        running: 2
        ports: ["8080:80"]
        networks: [front]
        update_config: { parallelism: 1, delay: 10s }
      redis: { running: 1, networks: [shop_back] }
      db: null
      all: { running: ">= 1" }
    networks: [front, back]
    secrets: [db_password]
    configs: [redis_conf]
  old: null
`;

  it('grades a stack by the names its file gives, before and after a redeploy', async () => {
    const h = await lab(['docker swarm init', 'docker stack deploy -c stack.yml shop', 'sleep 5']);
    const before = await h.grade(goal);
    expect(explain(before)).toEqual([
      '✓ There is 1 stack',
      '✓ There are 2 services in stack shop',
      '✗ shop_web uses the image nginx:1.17, not nginx:1.18',
      '✗ shop_web runs 0 of 2 tasks on nginx:1.18; the goal is 2',
      '✓ shop_web publishes 8080→80/tcp',
      '✓ shop_web is on the networks front',
      '✓ shop_web has update_config parallelism 1, delay 10s',
      '✓ shop_redis runs 1 of 1 tasks',
      '✓ shop_redis is on the networks shop_back',
      '✓ There is no service shop_db',
      '✓ Every service in stack shop runs at least 1 tasks',
      '✓ shop has the networks front, back',
      '✓ shop has the secrets db_password',
      '✓ shop has the configs redis_conf',
      '✓ There is no stack old',
    ]);
    await h.runAll(["sed -i 's/nginx:1.17/nginx:1.18/' stack.yml", 'docker stack deploy -c stack.yml shop']);
    await h.run('sleep 40');
    const after = await h.grade(goal);
    expect(explain(after).filter((l) => l.startsWith('✗'))).toEqual([]);
    expect(explain(after)).toContain('✓ shop_web runs 2 of 2 tasks on nginx:1.18');
  });

  it('says what is missing from a stack, and what is left of one that should be gone', async () => {
    const h = await lab(['docker swarm init', 'docker stack deploy -c stack.yml old', 'sleep 5']);
    const g = await h.grade(`
stacks:
  shop: { services: 3 }
  old:
    services: 3
    networks: [front, db]
    secrets: [api_key]
`);
    expect(explain(g)).toEqual([
      '✗ There is no stack shop',
      '✗ There are 2 services in stack old; the goal is 3',
      '✗ old has the networks back, front, not db',
      '✗ old has the secrets db_password, not api_key',
    ]);
    await h.runAll(['docker stack rm old']);
    // the services are gone at once; a node lets go of the networks a moment later
    expect(explain(await h.grade('stacks:\n  old: null\n'))).toEqual([
      '✗ There is still a stack old (2 networks); it should be gone',
    ]);
    await h.run('sleep 2');
    expect(explain(await h.grade('stacks:\n  old: null\n  count: 0\n'))).toEqual([
      '✓ There are 0 stacks',
      '✓ There is no stack old',
    ]);
  });

  it('any, all and none over stacks, with a stack’s services summed up in one phrase', async () => {
    const h = await lab([
      'docker swarm init',
      'docker stack deploy -c stack.yml shop',
      "sed -i 's/8080:80/8081:80/' stack.yml",
      'docker stack deploy -c stack.yml test',
      'sleep 5',
    ]);
    const g = await h.grade(`
stacks:
  any: { services: 2, networks: [front], count: 2 }
  all: { services: { web: { ports: ["8080:80"] } } }
  none: { secrets: [db_password] }
`);
    expect(explain(g)).toEqual([
      '✓ 2 stacks match "has 2 services and has the networks front" (shop, test); the goal is 2',
      '✗ Not every stack has its services as the goal says: test does not have its services as the goal says: test_web publishes 8081→80/tcp, not 8080→80/tcp',
      '✗ shop, test has the secrets db_password, and no stack should',
    ]);
  });

  it('reading stacks on a node outside a swarm says why', async () => {
    const h = await lab([]);
    expect(explain(await h.grade('stacks:\n  shop: { services: 1 }\n'))).toEqual([
      expect.stringMatching(/^✗ Cannot read the stacks: This node is not a swarm manager/),
    ]);
  });
});
