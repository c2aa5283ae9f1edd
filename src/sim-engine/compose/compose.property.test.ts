/**
 * Property tests of the whole compose pipeline: whatever a learner's file holds — a key
 * in the wrong place, a list where a mapping belongs, a number for a string — loading and
 * converting it either succeed or fail with the kind of error docker prints (a schema,
 * interpolation, decoding or conversion message), never with a JavaScript error such as
 * "Cannot read properties of undefined".
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { goFloat64 } from '../golang/index.ts';
import { convertServices } from './convert/service.ts';
import { Namespace } from './convert/compose.ts';
import { load } from './loader/load.ts';
import type { LoadHost } from './loader/host.ts';
import { parseYAML } from './yaml/index.ts';
import type { YamlValue } from './yaml/index.ts';

const BASE = `version: "3.8"
services:
  web:
    image: nginx:1.17
    command: ["nginx", "-g", "daemon off;"]
    environment: [A=1]
    ports: ["8080:80", {target: 443, published: 8443, mode: host}]
    volumes: [data:/data, ./site:/site:ro]
    networks: {front: {aliases: [www]}}
    healthcheck: {test: curl -f localhost, interval: 10s, retries: 3}
    secrets: [pw]
    configs: [{source: conf, target: /etc/conf, mode: 0440}]
    deploy:
      mode: replicated
      replicas: 2
      labels: {tier: web}
      placement: {constraints: [node.role==worker], preferences: [{spread: node.labels.zone}]}
      resources: {limits: {cpus: "0.5", memory: 64M}, reservations: {memory: 32M}}
      restart_policy: {condition: on-failure, delay: 5s, max_attempts: 3}
      update_config: {parallelism: 1, delay: 10s, order: start-first}
  db:
    image: redis:7
    networks: [back]
networks:
  front: {driver: overlay}
  back: {}
volumes:
  data: {labels: [a=b]}
secrets:
  pw: {file: ./pw.txt}
configs:
  conf: {file: ./conf}
`;

const host: LoadHost = {
  workingDir: '/lab',
  lookupEnv: (name) => (name === 'HOME' ? '/root' : undefined),
  readFile: (path) => {
    if (path === '/lab/pw.txt' || path === '/lab/conf') return 'x\n';
    throw new Error(`open ${path}: no such file or directory`);
  },
  warn: () => {},
  absPath: (path) => (path.startsWith('/') ? path : `/lab/${path}`),
};

const leaf: fc.Arbitrary<YamlValue> = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.constantFrom('10s', '0.5', '64M', '80:80', 'a=b', '${X}', '$$', 'node.role==manager', 'global', 'host'),
  fc.integer({ min: -5, max: 70000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => goFloat64(x)),
  fc.boolean(),
  fc.constant(null),
);

const value: fc.Arbitrary<YamlValue> = fc.letrec<{ v: YamlValue }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    leaf,
    fc.array(tie('v'), { maxLength: 3 }),
    fc
      .dictionary(
        fc.constantFrom('image', 'target', 'source', 'mode', 'x', 'replicas', 'aliases'),
        tie('v'),
        {
          maxKeys: 3,
        },
      )
      .map((o) => Object.assign(Object.create(null), o) as YamlValue),
  ),
})).v;

/** Every path to a value in a dict, as key lists. */
function paths(v: YamlValue, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, [...prefix, i])));
  else if (v && typeof v === 'object' && Object.getPrototypeOf(v) === null)
    for (const [k, x] of Object.entries(v)) out.push(...paths(x as YamlValue, [...prefix, k]));
  return out;
}

function replaced(root: YamlValue, path: (string | number)[], by: YamlValue | undefined): YamlValue {
  if (path.length === 0) return by ?? null;
  const [head, ...rest] = path;
  if (Array.isArray(root)) return root.map((x, i) => (i === head ? replaced(x, rest, by) : x));
  // an earlier edit replaced a parent of this path: nothing to reach any more
  if (root === null || typeof root !== 'object' || Object.getPrototypeOf(root) !== null) return root;
  const out = Object.create(null) as Record<string, YamlValue>;
  for (const [k, x] of Object.entries(root as Record<string, YamlValue>)) {
    if (k !== head) out[k] = x;
    else if (rest.length || by !== undefined) out[k] = replaced(x, rest, by);
  }
  return out;
}

const base = parseYAML(BASE);
const allPaths = paths(base).filter((p) => p.length > 0);

/** The base file with a few values replaced by random ones (or removed). */
const mutated = fc
  .array(fc.tuple(fc.nat(allPaths.length - 1), fc.option(value, { nil: undefined })), {
    minLength: 1,
    maxLength: 4,
  })
  .map((edits) => edits.reduce<YamlValue>((dict, [i, v]) => replaced(dict, allPaths[i]!, v), base));

/** A JavaScript error, or a message wrapped around one (convertServices names the service). */
const isJsError = (err: unknown): boolean =>
  err instanceof TypeError ||
  err instanceof RangeError ||
  err instanceof ReferenceError ||
  err instanceof SyntaxError ||
  (err instanceof Error && err.cause !== undefined && isJsError(err.cause));

describe('the compose pipeline never fails with a JavaScript error', () => {
  it('loads and converts the base file', async () => {
    const config = load(
      {
        version: '3.8',
        workingDir: '/lab',
        configFiles: [{ filename: 'f', config: base }],
        environment: new Map(),
      },
      host,
    );
    const specs = await convertServices(new Namespace('app'), config, {
      secrets: async (refs) => refs.map((r) => ({ ...r, SecretID: 'id' })),
      configs: async (refs) => refs.map((r) => ({ ...r, ConfigID: 'id' })),
    });
    expect([...specs.keys()].sort()).toEqual(['db', 'web']);
  });

  it('mutated files load and convert, or fail with a message', async () => {
    await fc.assert(
      fc.asyncProperty(mutated, async (dict) => {
        try {
          const config = load(
            {
              version: '',
              workingDir: '/lab',
              configFiles: [{ filename: 'f', config: dict as Record<string, YamlValue> }],
              environment: new Map([['X', '3']]),
            },
            host,
          );
          await convertServices(new Namespace('app'), config, {
            secrets: async (refs) => refs.map((r) => ({ ...r, SecretID: 'id' })),
            configs: async (refs) => refs.map((r) => ({ ...r, ConfigID: 'id' })),
          });
        } catch (err) {
          if (isJsError(err)) throw err;
          expect((err as Error).message).not.toBe('');
        }
      }),
      { numRuns: 3000 },
    );
  });
});
