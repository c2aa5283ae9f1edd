/**
 * The YAML layer against gopkg.in/yaml.v3 as docker/cli runs it: a corpus of broken and
 * sound files with what `docker stack config` answered (testdata/corpus.json, recorded by
 * testdata/record.mjs), yaml.v3's scalar rules, and property tests — random documents
 * read the same as the `yaml` package reads them, and no input, however mangled, makes
 * the parser fail with anything but a YAML error.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as yamlParse, stringify as yamlStringify } from 'yaml';
import { GoFloat64, GoTime } from '../../golang/index.ts';
import { NotAMappingError, parseYAML, unmarshalYAML, YamlError } from './index.ts';

const corpus = JSON.parse(readFileSync(new URL('./testdata/corpus.json', import.meta.url), 'utf8')) as {
  name: string;
  source: string;
  docker: string;
}[];

function answer(source: string): string {
  try {
    parseYAML(source);
    return 'ok';
  } catch (err) {
    return (err as Error).message.split('\n')[0]!;
  }
}

/** JSON-like view of a decoded value, for comparisons */
function plain(v: unknown): unknown {
  if (v instanceof GoFloat64) return v.value;
  if (v instanceof GoTime) return v.String();
  if (typeof v === 'bigint') return Number(v);
  if (Array.isArray(v)) return v.map(plain);
  if (v instanceof Map) return Object.fromEntries([...v].map(([k, x]) => [String(k), plain(x)]));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  return v;
}

describe('parseYAML answers as docker stack config does', () => {
  it.each(corpus.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(answer(c.source)).toBe(c.docker);
  });

  it('reports the line as yaml.v3 does: 1-based for scanner errors, 0-based for parser errors', () => {
    // scanner: a tab where indentation is expected, on line 3
    expect(answer('services:\n  web:\n\timage: nginx\n')).toBe(
      'yaml: line 3: found character that cannot start any token',
    );
    // parser: the mapping that lacks a key starts on line 3 (0-based 2)
    expect(answer('version: "3.8"\nservices:\n  web:\n    image: nginx\n   ports: []\n')).toBe(
      'yaml: line 2: did not find expected key',
    );
    // a parser error whose marks are both on the first line has none (a directive here)
    expect(answer('%FOO\n')).toBe('yaml: found unknown directive name');
    // the end of the stream counts as the next line
    expect(answer('{a: 1')).toBe("yaml: line 1: did not find expected ',' or '}'");
  });

  it('reads only the first document, as yaml.Unmarshal does', () => {
    expect(parseYAML('a: 1\n---\nb: [oops\n')).toEqual(Object.assign(Object.create(null), { a: 1 }));
  });

  it('reports duplicate keys as unmarshal errors, not looking inside a mapping that has some', () => {
    expect(() => parseYAML('a: 1\nb:\n  c: 1\n  c: 2\na: 3\n')).toThrow(
      /^yaml: unmarshal errors:\n {2}line 5: mapping key "a" already defined at line 1$/,
    );
    expect(() => parseYAML('a:\n  c: 1\n  c: 2\nb:\n  d: 1\n  d: 2\n')).toThrow(
      /^yaml: unmarshal errors:\n {2}line 3: mapping key "c" already defined at line 2\n {2}line 6: mapping key "d" already defined at line 5$/,
    );
  });

  it('wants a mapping at the top', () => {
    for (const s of ['', '# only a comment\n', '- a\n', 'just text\n', '1: a\n'])
      expect(() => parseYAML(s)).toThrow(NotAMappingError);
  });
});

describe("yaml.v3's scalars", () => {
  const one = (s: string) => unmarshalYAML(`v: ${s}\n`) as Record<string, unknown>;
  it.each([
    ['42', 42],
    ['0x1F', 31],
    ['0o17', 15],
    ['017', 15],
    ['0b101', 5],
    ['1_000', 1000],
    ['+7', 7],
    ['08', 8],
    ['true', true],
    ['False', false],
    ['yes', 'yes'],
    ['on', 'on'],
    ['~', null],
    ['null', null],
    ['', null],
    ['"42"', '42'],
    ["'true'", 'true'],
    ['!!str 42', '42'],
    ['!custom 42', '42'],
    ['8080:80', '8080:80'],
    ['1.5', 1.5],
    ['.5', 0.5],
    ['1e3', 1000],
    ['.inf', Infinity],
  ])('%s', (text, value) => {
    expect(plain(one(text)['v'])).toEqual(value);
  });

  it('keeps floats apart from ints, as Go does when it prints them', () => {
    expect(one('1e6')['v']).toBeInstanceOf(GoFloat64);
    expect(one('1000000')['v']).toBe(1000000);
  });

  it('reads an unquoted date as a time.Time', () => {
    expect(String((one('2024-01-31')['v'] as GoTime).String())).toBe('2024-01-31 00:00:00 +0000 UTC');
    expect(one('"2024-01-31"')['v']).toBe('2024-01-31');
  });

  it('refuses an explicit tag that does not fit', () => {
    expect(() => one('!!int abc')).toThrow('yaml: cannot decode !!str `abc` as a !!int');
  });

  it("merges `<<` keys, the mapping's own keys winning", () => {
    const v = unmarshalYAML('base: &b {x: 1, y: 2}\nc:\n  <<: *b\n  y: 3\n') as Record<
      string,
      Record<string, unknown>
    >;
    expect(plain(v['c'])).toEqual({ y: 3, x: 1 });
  });

  it('puts a mapping with a non-string key in a Map', () => {
    const v = unmarshalYAML('m: {1: a, b: c}\n') as Record<string, unknown>;
    expect(v['m']).toBeInstanceOf(Map);
  });
});

/**
 * Values both libraries read alike: strings that stay strings, safe integers, booleans,
 * nesting. yaml.v3 is not YAML 1.2 everywhere — `0b101`, `-_0` and `017` are numbers to it,
 * and libyaml reads a flow key `?!` as a tag — so generated text keeps to letters and a
 * few signs, on which the two agree.
 */
const text = (min: number, max: number) => fc.stringMatching(new RegExp(`^[a-zA-Z ./-]{${min},${max}}$`));
const scalar = fc.oneof(
  text(0, 12),
  fc.integer({ min: -1e6, max: 1e6 }),
  fc.boolean(),
  fc.constantFrom('nginx:1.17', '8080:80', '10s', 'a b', "it's", 'x: y', '- z', '#hash', ''),
);
const doc = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, scalar, tie('list'), tie('map')),
  list: fc.array(tie('value'), { maxLength: 4 }),
  map: fc.dictionary(text(1, 8), tie('value'), { maxKeys: 4 }),
}));

describe('properties', () => {
  it('a document the yaml package writes reads the same as the yaml package reads it', () => {
    fc.assert(
      fc.property(doc.map, fc.constantFrom('block', 'flow'), (m, style) => {
        const text = yamlStringify({ root: m }, { collectionStyle: style === 'flow' ? 'flow' : 'any' });
        const expected = yamlParse(text, { schema: 'core' }) as unknown;
        expect(plain(unmarshalYAML(text))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('any text fails, if it fails, with a YAML error and never a JavaScript one', () => {
    const pieces = [
      ' ',
      '  ',
      '\t',
      ':',
      ': ',
      '-',
      '- ',
      '"',
      "'",
      '[',
      ']',
      '{',
      '}',
      ',',
      '#',
      '&a',
      '*a',
      '!',
      '!!',
      '|',
      '>',
      '?',
      '\n',
      '%',
      '@',
      '`',
      '\\',
      '---',
      '...',
      '<<: ',
      '\u0001',
    ];
    const base = 'services:\n  web:\n    image: nginx\n    ports: ["80:80"]\n    deploy: {replicas: 2}\n';
    const mutated = fc
      .array(fc.tuple(fc.nat(), fc.nat(3), fc.constantFrom(...pieces)), { maxLength: 6 })
      .map((edits) =>
        edits.reduce((s, [at, del, ins]) => {
          const i = at % (s.length + 1);
          return s.slice(0, i) + ins + s.slice(i + del);
        }, base),
      );
    fc.assert(
      fc.property(fc.oneof(mutated, fc.string({ maxLength: 80 })), (text) => {
        try {
          parseYAML(text);
        } catch (err) {
          expect(err instanceof YamlError || err instanceof NotAMappingError).toBe(true);
          expect((err as Error).message).toMatch(/^(yaml: |top-level object must be a mapping$)/);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
