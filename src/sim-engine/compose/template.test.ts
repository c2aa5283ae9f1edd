/**
 * Variable substitution and interpolation as docker/cli's template and interpolation
 * packages do them, quirks included (their tests: cli/compose/template/template_test.go,
 * interpolation_test.go).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { interpolate, InterpolationError } from './interpolate.ts';
import { InvalidTemplateError, substitute, type Mapping } from './template.ts';
import { goFloat64 } from '../golang/index.ts';

const env = new Map([
  ['FOO', 'first'],
  ['BAR', ''],
]);
const lookup: Mapping = (name) => [env.get(name) ?? '', env.has(name)];
const sub = (s: string) => {
  const r = substitute(s, lookup);
  if (r.error) throw r.error;
  return r.value;
};

describe('template.Substitute', () => {
  it.each([
    ['$FOO', 'first'],
    ['${FOO}', 'first'],
    ['a $FOO b', 'a first b'],
    ['$$FOO', '$FOO'],
    ['$${FOO}', '${FOO}'],
    ['${NOPE}', ''],
    ['${NOPE:-dflt}', 'dflt'],
    ['${BAR:-dflt}', 'dflt'],
    ['${BAR-dflt}', ''],
    ['${NOPE-dflt}', 'dflt'],
    ['${FOO:-dflt}', 'first'],
    ['${FOO?msg}', 'first'],
    ['${BAR?msg}', ''],
    // an unbraced name takes a default too, up to the end of the string
    ['$NOPE-x y', 'x y'],
    ['${foo}', ''],
  ])('%s', (input, output) => {
    expect(sub(input)).toBe(output);
  });

  it.each([['$'], ['${}'], ['${1A}'], ['$ FOO'], ['${FOO']])('%s is an invalid template', (input) => {
    const r = substitute(input, lookup);
    expect(r.error).toBeInstanceOf(InvalidTemplateError);
    expect((r.error as InvalidTemplateError).template).toBe(input);
  });

  it('requires a value with :? and a set variable with ?', () => {
    expect((substitute('${BAR:?needed}', lookup).error as InvalidTemplateError).template).toBe(
      'required variable BAR is missing a value: needed',
    );
    expect((substitute('${NOPE?gone}', lookup).error as InvalidTemplateError).template).toBe(
      'required variable NOPE is missing a value: gone',
    );
  });

  it('forgets an error when a later substitution in the same string succeeds, as Go does', () => {
    expect(substitute('${NOPE:?x} $FOO', lookup)).toEqual({ value: ' first', error: undefined });
  });

  it('never throws, whatever the string', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('$', '{', '}', ':', '-', '?', 'F', 'O', 'a', ' ', '_') }),
        (s) => {
          const r = substitute(s, lookup);
          expect(typeof r.value).toBe('string');
        },
      ),
    );
  });
});

describe('interpolation.Interpolate with the loader casts', () => {
  const vars = new Map([
    ['N', '3'],
    ['T', 'yes'],
    ['R', '0.25'],
    ['WORD', 'two'],
  ]);
  const look: Mapping = (name) => [vars.get(name) ?? '', vars.has(name)];
  const obj = (o: Record<string, unknown>) => Object.assign(Object.create(null), o) as Record<string, never>;

  it('casts a substituted value at a known path, and only a substituted one', () => {
    const out = interpolate(
      obj({
        services: obj({
          web: obj({
            deploy: obj({ replicas: '${N}', update_config: obj({ max_failure_ratio: '$R' }) }),
            tty: '${T}',
            ports: [obj({ target: '${N}', published: '80' })],
            image: 'x:${N}',
          }),
        }),
      }),
      look,
    ) as unknown as { services: { web: Record<string, Record<string, unknown> & unknown[]> } };
    const web = out.services.web;
    expect(web['deploy']!['replicas']).toBe(3);
    expect(web['deploy']!['update_config']).toEqual(obj({ max_failure_ratio: goFloat64(0.25) }));
    expect(web['tty']).toBe(true);
    expect(web['ports']![0]).toEqual(obj({ target: 3, published: '80' }));
    expect(web['image']).toBe('x:3');
  });

  it('names the path of a value it cannot cast', () => {
    expect(() =>
      interpolate(obj({ services: obj({ web: obj({ deploy: obj({ replicas: '$WORD' }) }) }) }), look),
    ).toThrow(
      new InterpolationError(
        'error while interpolating services.web.deploy.replicas: failed to cast to expected type: strconv.Atoi: parsing "two": invalid syntax',
      ),
    );
  });
});
