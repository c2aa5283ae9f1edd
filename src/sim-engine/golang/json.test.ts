import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compact, indent, marshal, marshalIndent, unmarshalAny } from './json.ts';
import { parseDockerTemplate } from './template/index.ts';
import { GoComplex, goFloat64, GoJSONNumber, goMap, nilOf } from './values.ts';

describe('marshal (encoding/json)', () => {
  it.each([
    [null, 'null'],
    [undefined, 'null'],
    [true, 'true'],
    [0, '0'],
    [-0, '0'],
    [-1, '-1'],
    [1.5, '1.5'],
    [123456789012, '123456789012'],
    [goFloat64(1), '1'],
    [goFloat64(-0), '-0'],
    [goFloat64(1e20), '100000000000000000000'],
    [goFloat64(1e21), '1e+21'],
    [goFloat64(1.5e300), '1.5e+300'],
    [0.000001, '0.000001'],
    [1e-7, '1e-7'],
    [1.5e-9, '1.5e-9'],
    [0.1, '0.1'],
    [new GoJSONNumber('12.50'), '12.50'],
    [new GoJSONNumber(''), '0'],
    [nilOf('[]string'), 'null'],
    [nilOf('map[string]string'), 'null'],
    [[], '[]'],
    [[1, 'a', null, [true]], '[1,"a",null,[true]]'],
  ])('→ %s', (v, want) => {
    expect(marshal(v)).toBe(want);
  });

  it('writes bigints exactly', () => {
    expect(marshal(9007199254740993n)).toBe('9007199254740993');
  });

  it('escapes strings as Go does', () => {
    expect(marshal('<a href="x">&</a>')).toBe('"\\u003ca href=\\"x\\"\\u003e\\u0026\\u003c/a\\u003e"');
    expect(marshal('<>&', { escapeHTML: false })).toBe('"<>&"');
    expect(marshal('\u2028\u2029', { escapeHTML: false })).toBe('"\\u2028\\u2029"');
    expect(marshal('\b\f\n\r\t\u0001\u001f"\\\u007f')).toBe('"\\b\\f\\n\\r\\t\\u0001\\u001f\\"\\\\\u007f"');
    expect(marshal('héllo 🐳')).toBe('"héllo 🐳"');
    expect(marshal('bad \ud800 surrogate')).toBe('"bad \\ufffd surrogate"');
  });

  it('keeps struct field order, sorts map keys, omits undefined fields', () => {
    expect(marshal({ Z: 1, A: 2, Skip: undefined, N: null, F: () => 1 })).toBe('{"Z":1,"A":2,"N":null}');
    expect(marshal(goMap({ z: 1, a: 2, m: 3 }))).toBe('{"a":2,"m":3,"z":1}');
    expect(
      marshal(
        new Map<unknown, unknown>([
          [10, 'b'],
          [2, 'c'],
          [1, 'a'],
        ]),
      ),
    ).toBe('{"1":"a","10":"b","2":"c"}');
    expect(
      marshal(
        new Map([
          ['é', 1],
          ['z', 2],
          ['Z', 3],
        ]),
      ),
    ).toBe('{"Z":3,"z":2,"é":1}');
  });

  it('uses MarshalJSON and MarshalText methods', () => {
    expect(marshal({ T: { MarshalJSON: () => '{ "x" : [ 1 , "<" ] }' } })).toBe('{"T":{"x":[1,"\\u003c"]}}');
    expect(marshal({ IP: { MarshalText: () => '10.0.0.1' } })).toBe('{"IP":"10.0.0.1"}');
  });

  it('fails like Go on unsupported values', () => {
    expect(() => marshal(NaN)).toThrow('json: unsupported value: NaN');
    expect(() => marshal(goFloat64(Infinity))).toThrow('json: unsupported value: +Inf');
    expect(() => marshal(-Infinity)).toThrow('json: unsupported value: -Inf');
    expect(() => marshal(new GoComplex(1, 2))).toThrow('json: unsupported type: complex128');
    expect(() => marshal(goMap({ f: () => 1 }))).toThrow('json: unsupported type: func()');
    const cyclic: Record<string, unknown> = { A: 1 };
    cyclic.Self = cyclic;
    expect(() => marshal(cyclic)).toThrow('json: unsupported value: encountered a cycle via');
    expect(() => marshal(new GoJSONNumber('1e'))).toThrow('json: invalid number literal "1e"');
  });

  it('agrees with JSON.stringify on plain data (apart from HTML escaping)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const js = JSON.stringify(v, (_k, x) => (Object.is(x, -0) ? 0 : x));
        expect(marshal(v, { escapeHTML: false }).length).toBeGreaterThan(0);
        // key order differs only in maps; plain objects are structs: same order as JS
        expect(JSON.parse(marshal(v))).toEqual(JSON.parse(js));
      }),
    );
  });
});

describe('indent and marshalIndent', () => {
  it('indents as docker inspect prints', () => {
    expect(marshalIndent({ a: [1, 2], b: {}, c: [], d: 'x' }, '', '    ')).toBe(
      '{\n    "a": [\n        1,\n        2\n    ],\n    "b": {},\n    "c": [],\n    "d": "x"\n}',
    );
    expect(marshalIndent([{ Id: 'abc' }], '>', '\t')).toBe('[\n>\t{\n>\t\t"Id": "abc"\n>\t}\n>]');
  });

  it('keeps literals and string escapes as sent, drops leading space, keeps trailing', () => {
    const raw = '  {"Name":"/web","Size":1.50,"Esc":"\\u003c\\/x\\u003e","Empty":[ ],"Obj":{ }}\n';
    expect(indent(raw, '', '    ')).toBe(
      '{\n    "Name": "/web",\n    "Size": 1.50,\n    "Esc": "\\u003c\\/x\\u003e",\n    "Empty": [],\n    "Obj": {}\n}\n',
    );
    expect(indent('[' + '{"Id":"1"}\n' + ',' + '{"Id":"2"}\n' + ']', '', '    ')).toBe(
      '[\n    {\n        "Id": "1"\n    },\n    {\n        "Id": "2"\n    }\n]',
    );
  });

  it('compacts', () => {
    expect(compact(' { "a" : [ 1 , 2 ] , "b" : " x y " } \n')).toBe('{"a":[1,2],"b":" x y "}');
  });

  it.each([
    ['{"a":}', "invalid character '}' looking for beginning of value"],
    ['[1,2', 'unexpected end of JSON input'],
    ['', 'unexpected end of JSON input'],
    ['{"a" 1}', "invalid character '1' after object key"],
    ['{"a":1 "b":2}', "invalid character '\"' after object key:value pair"],
    ['{1:2}', "invalid character '1' looking for beginning of object key string"],
    ['[1 2]', "invalid character '2' after array element"],
    ['01', "invalid character '1' after top-level value"],
    ['-', 'unexpected end of JSON input'],
    ['-x', "invalid character 'x' in numeric literal"],
    ['tru', 'unexpected end of JSON input'],
    ['trux', "invalid character 'x' in literal true (expecting 'e')"],
    ['nul', 'unexpected end of JSON input'],
    ['"\u0001"', "invalid character '\\x01' in string literal"],
    ['"\\x"', "invalid character 'x' in string escape code"],
    ['"\\u12g4"', "invalid character 'g' in \\u hexadecimal character escape"],
    ['1.e', "invalid character 'e' after decimal point in numeric literal"],
    ['1e+', 'unexpected end of JSON input'],
    ['1ex', "invalid character 'x' in exponent of numeric literal"],
    ["'", "invalid character '\\'' looking for beginning of value"],
    ['[1,]', "invalid character ']' looking for beginning of value"],
  ])('%j is rejected', (src, want) => {
    expect(() => indent(src, '', '  ')).toThrow(want);
  });

  it('round-trips marshal → indent → compact', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const m = marshal(v);
        expect(compact(indent(m, '', '  '))).toBe(m);
      }),
    );
  });
});

describe('unmarshalAny', () => {
  it('decodes objects as Go maps and numbers as float64 or json.Number', () => {
    const v = unmarshalAny('{"b":[1,2.5,"x",null,true],"a":{"n":10}}') as Record<string, unknown>;
    expect(marshal(v)).toBe('{"a":{"n":10},"b":[1,2.5,"x",null,true]}');
    const t = parseDockerTemplate('{{.a.n}} {{index .b 1}} {{.b}} {{index .b 3}} {{.missing}}');
    expect(t.execute(v)).toBe('10 2.5 [1 2.5 x <nil> true] <no value> <no value>');
    const big = unmarshalAny('{"Size":12345678901}') as Record<string, unknown>;
    expect(parseDockerTemplate('{{.Size}}').execute(big)).toBe('1.2345678901e+10');
    const num = unmarshalAny('{"Size":12345678901}', { useNumber: true });
    expect(parseDockerTemplate('{{.Size}}').execute(num)).toBe('12345678901');
    expect(marshal(num)).toBe('{"Size":12345678901}');
  });

  it('backs docker inspect --format on raw JSON, where a missing key is an error', () => {
    const raw = unmarshalAny('{"Name":"web","Spec":{"Mode":{"Replicated":{"Replicas":3}}}}', {
      useNumber: true,
    });
    const t = parseDockerTemplate('{{.Spec.Mode.Replicated.Replicas}}').option('missingkey=error');
    expect(t.execute(raw)).toBe('3');
    expect(() => parseDockerTemplate('{{.Spec.Nope}}').option('missingkey=error').execute(raw)).toThrow(
      'template: :1:7: executing "" at <.Spec.Nope>: map has no entry for key "Nope"',
    );
  });

  it('keeps keys that look special to JS', () => {
    const v = unmarshalAny('{"__proto__":1,"constructor":2}');
    expect(marshal(v)).toBe('{"__proto__":1,"constructor":2}');
  });
});
