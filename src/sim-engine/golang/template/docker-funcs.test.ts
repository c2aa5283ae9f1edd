import { describe, expect, it } from 'vitest';
import { goMap, withGoType } from '../values.ts';
import { dockerHeaderFuncs, split, title, toLower, toUpper } from './docker-funcs.ts';
import { goFunc } from './func-types.ts';
import { parseDockerTemplate, parseTemplate } from './template.ts';

function run(text: string, data: unknown): string {
  return parseDockerTemplate(text).execute(data);
}

describe("docker/cli's template functions (templates_test.go)", () => {
  it('json does not escape HTML characters', () => {
    expect(run('{{json .Ports}}', goMap({ Ports: '0.0.0.0:2->8/udp' }))).toBe('"0.0.0.0:2->8/udp"');
    expect(run('{{json .}}', { A: ['x', '<y>'], M: goMap({ b: 1, a: null }) })).toBe(
      '{"A":["x","<y>"],"M":{"a":null,"b":1}}',
    );
  });

  it('split and join', () => {
    expect(run('{{join (split . ":") "/"}}', 'text:with:colon')).toBe('text/with/colon');
    expect(run('{{split . ""}}', 'héllo')).toBe('[h é l l o]');
  });

  it('truncate and pad', () => {
    const source = 'tupx5xzf6hvsrhnruz5cr8gwp';
    expect(run('{{truncate . 5}}', source)).toBe('tupx5');
    expect(run('{{truncate . 25}}', source)).toBe(source);
    expect(run('{{truncate . 30}}', source)).toBe(source);
    expect(run('{{pad . 3 3}}', source)).toBe('   ' + source + '   ');
    for (const t of ['{{truncate . 5}}', '{{pad . 3 3}}']) {
      expect(run(t, '')).toBe('');
      expect(() => run(t, null)).toThrow('invalid value; expected string');
    }
  });

  it('title, lower, upper', () => {
    expect(run('{{title .}}', 'hello world-wide_web')).toBe('Hello World-Wide_web');
    expect(run('{{upper .}} {{lower .}}', 'MiXed straße')).toBe('MIXED STRAßE mixed straße');
    expect(title('élan vital')).toBe('Élan Vital');
    expect(toUpper('ß')).toBe('ß');
    expect(toLower('ÀB')).toBe('àb');
    expect(split('a,b,,c', ',')).toEqual(['a', 'b', '', 'c']);
  });

  it('checks argument types like Go', () => {
    expect(() => run('{{upper .Size}}', { Size: 10 })).toThrow(
      'template: :1:8: executing "" at <.Size>: wrong type for value; expected string; got int',
    );
    expect(() => run('{{pad .X "a" 1}}', { X: 'x' })).toThrow('at <"a">: expected integer; found "a"');
    expect(() => run('{{join .X ","}}', { X: 'x' })).toThrow(
      'wrong type for value; expected []string; got string',
    );
    expect(() => run('{{join . ","}}', [1, 2])).toThrow('wrong type for value; expected []string; got []int');
  });

  it('header functions leave the header text alone', () => {
    for (const t of [
      '{{ json .}}',
      '{{ split . ","}}',
      '{{ join . ","}}',
      '{{ title .}}',
      '{{ lower .}}',
      '{{ upper .}}',
      '{{ truncate . 2}}',
    ]) {
      expect(parseTemplate(t, dockerHeaderFuncs).execute('hello world')).toBe('hello world');
    }
  });

  it("renders a formatter's header with the same template, as postFormat does", () => {
    const tmpl = parseDockerTemplate('{{.ID}}\t{{upper .Names}}\t{{pad .Status 1 1}}');
    const row = withGoType(
      { ID: () => 'abc', Names: () => 'web', Status: () => 'Up' },
      '*formatter.ContainerContext',
    );
    expect(tmpl.execute(row)).toBe('abc\tWEB\t Up ');
    const header = goMap(
      { ID: 'CONTAINER ID', Names: 'NAMES', Status: 'STATUS' },
      'formatter.SubHeaderContext',
    );
    expect(tmpl.funcs(dockerHeaderFuncs).execute(header)).toBe('CONTAINER ID\tNAMES\t STATUS ');
  });

  it("gives docker's errors for a bad --format", () => {
    const ctx = withGoType(
      { ID: () => 'x', Label: goFunc(['string'], (k: string) => `label ${k}`) },
      '*formatter.ContainerContext',
    );
    expect(run('{{.Label "com.example"}}', ctx)).toBe('label com.example');
    expect(() => run('{{.Foo}}', ctx)).toThrow(
      'template: :1:2: executing "" at <.Foo>: can\'t evaluate field Foo in type *formatter.ContainerContext',
    );
    expect(() => parseDockerTemplate('{{InvalidFunction}}')).toThrow(
      'template: :1: function "InvalidFunction" not defined',
    );
    expect(() => run('{{nil}}', ctx)).toThrow('template: :1:2: executing "" at <nil>: nil is not a command');
    expect(() => run('{{.badString}}', withGoType({}, 'system.dockerInfo'))).toThrow(
      'template: :1:2: executing "" at <.badString>: can\'t evaluate field badString in type system.dockerInfo',
    );
    expect(() => parseDockerTemplate('{{}')).toThrow('template: :1: unexpected "}" in command');
  });
});
