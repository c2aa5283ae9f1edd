import { describe, expect, it } from 'vitest';
import { GoalError } from './goal-error.ts';
import { parseGoal } from './parse-goal.ts';

function error(text: string): string {
  try {
    parseGoal(text);
  } catch (err) {
    expect(err).toBeInstanceOf(GoalError);
    return (err as Error).message;
  }
  throw new Error('parsed');
}

describe('parseGoal', () => {
  it('reads the design example', () => {
    const goal = parseGoal(`services:
  web:
    image: nginx:1.18
    replicas: 6
    running: 6
    update_config: { parallelism: 2, delay: 10s }
`);
    const web = goal.services!.named[0]!;
    expect(web).toMatchObject({ name: 'web', line: 2, absent: false });
    if (web.absent) throw new Error('absent');
    expect(web.props.replicas).toEqual({
      value: { op: '==', value: 6 },
      line: 4,
      path: 'services.web.replicas',
    });
    expect(web.props.update_config!.value).toMatchObject({ parallelism: 2, delay: 10e9 });
  });

  it('reads comparisons, absence, quantifiers, files and http', () => {
    const goal = parseGoal(`containers:
  count: ">= 3"
  old: null
  gone: { absent: true }
  any: { image: nginx, running: true, count: "< 2" }
files:
  web:/etc/hostname: web
http:
  GET http://localhost:8080:
    status: 200
    contains: Welcome to nginx
  localhost:8081/health: ok
`);
    expect(goal.containers!.count!.value).toEqual({ op: '>=', value: 3 });
    expect(goal.containers!.named.map((n) => [n.name, n.absent])).toEqual([
      ['old', true],
      ['gone', true],
    ]);
    expect(goal.containers!.quantified[0]).toMatchObject({ quantifier: 'any', count: { op: '<', value: 2 } });
    expect(goal.files).toMatchObject([{ container: 'web', file: '/etc/hostname', contains: ['web'] }]);
    expect(goal.http).toMatchObject([
      { url: 'http://localhost:8080', status: { op: '==', value: 200 }, contains: ['Welcome to nginx'] },
      { url: 'http://localhost:8081/health', contains: ['ok'] },
    ]);
  });

  it('reads stacks: a count of services, or a section of them by short name', () => {
    const goal = parseGoal(`stacks:
  count: ">= 1"
  shop:
    services:
      web: { image: nginx:1.18, running: 3 }
      db: null
      all: { running: ">= 1" }
    networks: [front, back]
  tiny: { services: 2, secrets: db_password, configs: [app_conf] }
  old: null
`);
    const [shop, tiny, old] = goal.stacks!.named;
    expect(goal.stacks!.count!.value).toEqual({ op: '>=', value: 1 });
    if (!shop || shop.absent || !tiny || tiny.absent) throw new Error('absent');
    const services = shop.props.services!.value;
    expect(services.named.map((n) => [n.name, n.absent, n.path])).toEqual([
      ['web', false, 'stacks.shop.services.web'],
      ['db', true, 'stacks.shop.services.db'],
    ]);
    expect(services.quantified[0]).toMatchObject({ quantifier: 'all', line: 7 });
    expect(shop.props.networks).toEqual({ value: ['front', 'back'], line: 8, path: 'stacks.shop.networks' });
    expect(tiny.props.services!.value).toEqual({
      named: [],
      quantified: [],
      count: { value: { op: '==', value: 2 }, line: 9, path: 'stacks.tiny.services' },
    });
    expect(tiny.props.secrets!.value).toEqual(['db_password']);
    expect(old).toMatchObject({ name: 'old', absent: true, line: 10 });
  });

  it.each([
    [
      'stacks:\n  shop:\n    services: lots\n',
      'line 3: stacks.shop.services: must be how many services (3, ">= 2") or a mapping of the stack\'s services by name, not "lots"',
    ],
    [
      'stacks:\n  shop:\n    services: [web]\n',
      'line 3: stacks.shop.services: must be how many services (3, ">= 2") or a mapping of the stack\'s services by name, not a list',
    ],
    ['stacks:\n  shop:\n    services: {}\n', 'line 3: stacks.shop.services: is empty: say how many services'],
    [
      'stacks:\n  shop:\n    services:\n      web: { replica: 3 }\n',
      'line 4: stacks.shop.services.web.replica: a service has no property "replica" (did you mean "replicas"?)',
    ],
    [
      'stacks:\n  shop:\n    network: [front]\n',
      'line 3: stacks.shop.network: a stack has no property "network" (did you mean "networks"?): use services, networks, secrets, configs',
    ],
    ['stack:\n  shop: null\n', 'line 1: stack: unknown section "stack" (did you mean "stacks"?)'],
  ])('names the line of a stack mistake in %j', (text, message) => {
    expect(error(text)).toContain(message);
  });

  it.each([
    [
      'containers:\n  web:\n    imag: nginx\n',
      'line 3: containers.web.imag: a container has no property "imag" (did you mean "image"?): use image,',
    ],
    [
      'services:\n  web:\n    replicas: six\n',
      'line 3: services.web.replicas: must be a number or a comparison like ">= 3" or "< 2", not "six"',
    ],
    [
      'containers:\n  web:\n    ports: ["eighty"]\n',
      'line 3: containers.web.ports[0]: "eighty" is not a port',
    ],
    [
      'services:\n  web:\n    update_config: { delay: soon }\n',
      'line 3: services.web.update_config.delay: "soon" is not a duration',
    ],
    ['swarm: maybe\n', 'line 1: swarm: must be active or inactive, not "maybe"'],
    [
      'contaners:\n  web: {}\n',
      'line 1: contaners: unknown section "contaners" (did you mean "containers"?)',
    ],
    ['containers: [a\n', 'line 2: not valid YAML'],
    [
      'containers:\n  web: { running: true }\n  web: null\n',
      'line 3: not valid YAML: Map keys must be unique',
    ],
    ['x: &a 1\n', 'line 1: x: unknown section'],
    [
      'containers:\n  web: &w { running: true }\n',
      'line 2: containers.web: anchors (&name) are not supported',
    ],
    ['', 'line 1: the goal is empty'],
    ['- containers\n', 'line 1: the goal must be a mapping'],
    [
      'files:\n  web/etc/hostname: x\n',
      'line 2: files.web/etc/hostname: "web/etc/hostname" must be CONTAINER:/absolute/path',
    ],
    ['http:\n  POST http://x: ok\n', 'line 2: http.POST http://x: "POST http://x" must be GET and a URL'],
    [
      'containers:\n  web:\n    absent: true\n    image: nginx\n',
      'line 3: containers.web.absent: absent: true says there must be no container web',
    ],
  ])('names the line of %j', (text, message) => {
    expect(error(text)).toContain(message);
  });
});
