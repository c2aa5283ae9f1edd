/**
 * Property tests of what `docker stack config` prints. The YAML reader (yaml/, a port of
 * yaml.v3's) is the oracle: whatever string, number or nesting the emitter writes must
 * read back as the same value — so a quoting rule that lets a string pass as a number, a
 * bool or a comment, or an indentation slip, fails here. And any file the loader accepts
 * prints without a JavaScript error, as a mapping the loader reads again.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GoFloat64, goFloat64 } from '../golang/index.ts';
import { marshalConfig } from './config-yaml.ts';
import type { LoadHost } from './loader/host.ts';
import { load } from './loader/load.ts';
import { emitDocument } from './yaml/emit.ts';
import { map, yamlValue } from './yaml/encode.ts';
import { isDict, parseYAML, type YamlValue } from './yaml/index.ts';

const dict = (o: Record<string, YamlValue>): YamlValue => Object.assign(Object.create(null), o) as YamlValue;

/**
 * yaml.v3 writes some strings that its own reader does not read back unchanged, and we
 * write them as it does (testdata/loader/config-strings.yml shows the real thing): a
 * literal block whose text starts with a line break (the break is taken for the end of
 * the `|` line); a literal block with a tab where the reader looks for its indentation
 * (`"\t\n"` is written as a `|` block whose only line is a tab, which it refuses); and the
 * breaks other than `\n` (CR, NEL, LS, PS), written raw where the reader folds them.
 */
const readsBack = (s: string): boolean =>
  !/^\n/.test(s) && !/[\r\u0085\u2028\u2029]/.test(s) && !(s.includes('\n') && s.includes('\t'));

const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({
    unit: fc.constantFrom(...' \n\t:#-?\'"&*!|>%@`,[]{}0123456789.eE+-_xoyYnN~\\'),
    maxLength: 10,
  }),
  fc.constantFrom(
    '',
    'yes',
    'No',
    'on',
    'null',
    '~',
    '1:20',
    '0x1F',
    '0o17',
    '2024-01-31',
    '1e3',
    '.inf',
    '---',
    '...',
  ),
);

const leaf: fc.Arbitrary<YamlValue> = fc.oneof(
  text,
  fc.integer(),
  fc.bigInt({ min: -(1n << 63n), max: (1n << 64n) - 1n }),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => goFloat64(x)),
  fc.boolean(),
  fc.constant(null),
);

const value: fc.Arbitrary<YamlValue> = fc.letrec<{ v: YamlValue }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    leaf,
    fc.array(tie('v'), { maxLength: 3 }),
    fc.dictionary(text, tie('v'), { maxKeys: 3 }).map(dict),
  ),
})).v;

/** What the reader gives back for what was written: numbers compared by value. */
function normalized(v: YamlValue): unknown {
  if (v instanceof GoFloat64) return Object.is(v.value, -0) ? 0 : v.value;
  if (typeof v === 'bigint') return Number(v) === Number(BigInt.asIntN(64, v)) ? Number(v) : v;
  if (Array.isArray(v)) return v.map(normalized);
  if (isDict(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, normalized(x)]));
  return v;
}

function strings(v: YamlValue): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(strings);
  if (isDict(v)) return Object.entries(v).flatMap(([k, x]) => [k, ...strings(x)]);
  return [];
}

describe('what docker stack config prints reads back as what was printed', () => {
  it('any string, as a value or as a key', () => {
    fc.assert(
      fc.property(text, text, (k, s) => {
        fc.pre(readsBack(k) && readsBack(s));
        const out = emitDocument(map({ [k]: s }, yamlValue), 2);
        expect(parseYAML(out)[k]).toBe(s);
      }),
      { numRuns: 5000 },
    );
  });

  it('any nesting of maps, lists and scalars', () => {
    fc.assert(
      fc.property(fc.dictionary(text, value, { maxKeys: 4 }).map(dict), (v) => {
        fc.pre(strings(v).every(readsBack));
        const out = emitDocument(yamlValue(v), 2);
        expect(normalized(parseYAML(out))).toEqual(normalized(v));
      }),
      { numRuns: 3000 },
    );
  });
});

const host: LoadHost = {
  workingDir: '/lab',
  lookupEnv: () => undefined,
  readFile: () => 'x\n',
  warn: () => {},
  absPath: (path) => (path.startsWith('/') ? path : `/lab/${path}`),
};

const service = fc
  .record(
    {
      image: text,
      command: fc.oneof(text, fc.array(text, { maxLength: 3 })),
      environment: fc.dictionary(fc.stringMatching(/^[A-Z]{1,4}$/), fc.oneof(text, fc.constant(null))),
      labels: fc.dictionary(text, text, { maxKeys: 3 }),
      deploy: fc.record(
        {
          replicas: fc.nat(5),
          labels: fc.array(fc.stringMatching(/^[a-z]{1,3}=[a-z]{0,3}$/), { maxLength: 2 }),
        },
        { requiredKeys: [] },
      ),
      'x-extra': value,
    },
    { requiredKeys: [] },
  )
  .map((s) => {
    const d = s.deploy ? dict(s.deploy as Record<string, YamlValue>) : undefined;
    return dict({
      ...s,
      ...(s.environment && { environment: dict(s.environment) }),
      ...(d && { deploy: d }),
    } as Record<string, YamlValue>);
  });

describe('any config the loader accepts prints', () => {
  it('as a mapping that loads again', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9_-]{0,6}$/), service, { maxKeys: 3 }),
        (services) => {
          const file = dict({ version: '3.13', services: dict(services) }) as Record<string, YamlValue>;
          fc.pre(strings(file).every(readsBack));
          let config;
          try {
            config = load(
              {
                version: '',
                workingDir: '/lab',
                configFiles: [{ filename: 'f', config: file }],
                environment: new Map(),
              },
              host,
            );
          } catch (err) {
            if (err instanceof TypeError || err instanceof RangeError) throw err;
            return;
          }
          const out = marshalConfig(config);
          const again = parseYAML(out);
          expect(again['version']).toBe('3.13');
          expect(Object.keys(again['services'] as object).sort()).toEqual(Object.keys(services).sort());
        },
      ),
      { numRuns: 1000 },
    );
  });
});
