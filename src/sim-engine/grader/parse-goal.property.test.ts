/**
 * parseGoal never fails in any other way than a GoalError with a line in the text:
 * random text, random YAML built from the goal's own words, and valid goals mutated a
 * character or a line at a time.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { GoalError } from './goal-error.ts';
import { parseGoal } from './parse-goal.ts';

function holds(text: string): boolean {
  try {
    parseGoal(text);
    return true;
  } catch (err) {
    if (!(err instanceof GoalError)) throw err;
    const lines = text.split('\n').length;
    if (!(Number.isInteger(err.line) && err.line >= 1 && err.line <= lines + 1))
      throw new Error(`line ${err.line} is outside the text (${lines} lines): ${err.message}`, {
        cause: err,
      });
    return true;
  }
}

const VALID = [
  `services:
  web:
    image: nginx:1.18
    replicas: 6
    running: ">= 4"
    mode: replicated
    ports: ["8080:80"]
    networks: [front]
    constraints: ["node.role==worker"]
    update_config: { parallelism: 2, delay: 10s, order: start-first }
    rollback_config: { parallelism: 1, failure_action: pause }
    spread: { nodes: 3, max_per_node: 2, node1: "<= 2" }
nodes:
  count: 3
  node1: { role: manager, availability: active, status: ready, leader: true }
  any: { role: worker, count: ">= 2" }
swarm: { state: active, nodes: 3 }
stacks:
  count: ">= 1"
  shop:
    services:
      count: 3
      web: { image: nginx:1.18, running: 3, networks: [front], update_config: { delay: 10s } }
      db: null
      any: { running: ">= 1", count: 2 }
    networks: [front, back]
    secrets: [db_password]
    configs: [app_conf]
  tiny: { services: "<= 2" }
  old: null
  all: { services: ">= 1" }
`,
  `containers:
  web:
    image: nginx
    running: true
    ports: ["8080:80", "127.0.0.1:9000:9000/udp"]
    mounts: ["/root/html:/usr/share/nginx/html:ro", "data:/data"]
    env: { A: "1", B: null }
    restart: on-failure:3
  old: null
  all: { state: running }
  none: { image: alpine }
images:
  myapp:1.0:
    cmd: ["node", "server.js"]
    entrypoint: docker-entrypoint.sh
    exposed_ports: [3000]
    workdir: /app
    user: node
    layers: "< 10"
  alpine:3.19: { absent: true }
networks:
  front: { driver: bridge, subnet: 10.1.0.0/24, containers: [web] }
volumes:
  data: { driver: local }
files:
  web:/usr/share/nginx/html/index.html: { contains: [Hello], exists: true }
http:
  GET http://localhost:8080/: { status: 200, contains: Hello, from: node1 }
`,
];

const WORDS = [
  'containers',
  'services',
  'stacks',
  'secrets',
  'configs',
  'images',
  'networks',
  'volumes',
  'nodes',
  'swarm',
  'files',
  'http',
  'node',
  'web',
  'any',
  'all',
  'none',
  'count',
  'absent',
  'image',
  'running',
  'state',
  'ports',
  'mounts',
  'env',
  'restart',
  'exit_code',
  'replicas',
  'mode',
  'update_config',
  'parallelism',
  'delay',
  'spread',
  'role',
  'contains',
  'status',
  'web:/etc/hostname',
  'GET http://localhost:8080',
  'cmd',
  'layers',
  'labels',
];

const scalar = fc.oneof(
  fc.constantFrom(...WORDS, '>= 3', '< 2', '8080:80', '10s', 'nginx:1.18', 'true', '', '-1', '1e9'),
  fc.string(),
  fc.integer({ min: -5, max: 70000 }),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
const { tree } = fc.letrec((rec) => ({
  tree: fc.oneof(
    { depthSize: 'small' },
    scalar,
    fc.array(rec('tree'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...WORDS), fc.string()), rec('tree'), { maxKeys: 5 }),
  ),
}));

const MUTATION_CHARS = [
  ':',
  '-',
  '[',
  ']',
  '{',
  '}',
  '"',
  "'",
  ' ',
  '\n',
  '\t',
  '#',
  '&',
  '*',
  '!',
  '|',
  '>',
  '%',
  '@',
  '`',
  ',',
  '?',
];

describe('parseGoal, property', () => {
  it('valid goals parse', () => {
    for (const text of VALID) expect(() => parseGoal(text)).not.toThrow();
  });

  it('random text throws only GoalErrors with a line', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme-ascii', maxLength: 200 }), holds), { numRuns: 2000 });
  });

  it('random YAML of goal words throws only GoalErrors with a line', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...WORDS), tree, { maxKeys: 4 }), (doc) =>
        holds(stringify(doc)),
      ),
      { numRuns: 1500 },
    );
  });

  it('valid goals mutated a character or a line at a time throw only GoalErrors with a line', () => {
    const mutation = fc.oneof(
      fc.record({
        kind: fc.constant('insert' as const),
        at: fc.nat(),
        char: fc.constantFrom(...MUTATION_CHARS),
      }),
      fc.record({
        kind: fc.constant('delete' as const),
        at: fc.nat(),
        length: fc.integer({ min: 1, max: 8 }),
      }),
      fc.record({ kind: fc.constant('dupline' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('swapword' as const), at: fc.nat(), word: fc.constantFrom(...WORDS) }),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...VALID),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        (base, mutations) => {
          let text = base;
          for (const m of mutations) {
            const at = m.at % (text.length + 1);
            if (m.kind === 'insert') text = text.slice(0, at) + m.char + text.slice(at);
            else if (m.kind === 'delete') text = text.slice(0, at) + text.slice(at + m.length);
            else if (m.kind === 'dupline') {
              const lines = text.split('\n');
              const i = m.at % lines.length;
              lines.splice(i, 0, lines[i]!);
              text = lines.join('\n');
            } else {
              const words = [...text.matchAll(/[a-z_]+/g)];
              const w = words[m.at % Math.max(1, words.length)];
              if (w) text = text.slice(0, w.index) + m.word + text.slice(w.index! + w[0].length);
            }
          }
          return holds(text);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
