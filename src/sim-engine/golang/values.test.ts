import { describe, expect, it } from 'vitest';
import { lookupMember, sortedMapEntries, typeName, withGoMethods } from './reflect.ts';
import { stringWidth, isEastAsianWide, isPrint } from './unicode.ts';
import { byteLength, decodeUtf8, encodeUtf8, sliceBytes } from './utf8.ts';
import { goFloat64, GoJSONNumber, goMap, kindOf, nilOf, NO_VALUE, withGoType } from './values.ts';

describe('the Go data model', () => {
  it('classifies JS values as Go kinds', () => {
    expect(kindOf(NO_VALUE)).toBe('invalid');
    expect(kindOf(null)).toBe('nil');
    expect(kindOf(undefined)).toBe('nil');
    expect(kindOf(nilOf('[]string'))).toBe('nil');
    expect(kindOf(1)).toBe('int');
    expect(kindOf(1n)).toBe('int');
    expect(kindOf(1.5)).toBe('float');
    expect(kindOf(goFloat64(1))).toBe('float');
    expect(kindOf('s')).toBe('string');
    expect(kindOf(new GoJSONNumber('1'))).toBe('string');
    expect(kindOf([])).toBe('slice');
    expect(kindOf(new Map())).toBe('map');
    expect(kindOf(goMap({}))).toBe('map');
    expect(kindOf({})).toBe('struct');
    expect(kindOf(() => 1)).toBe('func');
  });

  it('names types as Go prints them', () => {
    expect(typeName(['a', 'b'])).toBe('[]string');
    expect(typeName([1, 'b'])).toBe('[]interface {}');
    expect(typeName(goMap({ a: 1 }))).toBe('map[string]int');
    expect(typeName(new Map([[1, true]]))).toBe('map[int]bool');
    expect(typeName({ A: 1, B: 's' })).toBe('struct { A int; B string }');
    expect(typeName(withGoType({}, '*types.Container'))).toBe('*types.Container');
    expect(typeName(nilOf('*int'))).toBe('*int');
    expect(typeName(null)).toBe('interface {}');
    class Volume {
      Name = 'v';
    }
    expect(typeName(new Volume())).toBe('Volume');
    const cyclic: Record<string, unknown> = {};
    cyclic.Self = cyclic;
    expect(typeName(cyclic)).toBe('struct { Self interface {} }');
  });

  it('finds fields and methods, own or inherited, and refuses unexported ones', () => {
    class Ctx {
      #secret = 1;
      trunc = true;
      ID() {
        return 'id' + this.#secret;
      }
      get Name() {
        return 'n';
      }
    }
    const c = new Ctx();
    const id = lookupMember(c, 'ID');
    expect(id.kind === 'method' && id.fn()).toBe('id1');
    expect(lookupMember(c, 'Name')).toEqual({ kind: 'field', value: 'n' });
    expect(lookupMember(c, 'trunc')).toEqual({ kind: 'unexported' });
    expect(lookupMember(c, 'toString')).toEqual({ kind: 'none' });
    expect(lookupMember(c, 'constructor')).toEqual({ kind: 'none' });
    expect(lookupMember(c, 'Missing')).toEqual({ kind: 'none' });
  });

  it('keeps map methods out of the entries', () => {
    const m = withGoMethods(goMap({ b: 2, a: 1 }), { Label: () => 'x' });
    expect(sortedMapEntries(m)).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
  });
});

describe('utf8 and widths', () => {
  it('counts bytes as Go does', () => {
    expect(byteLength('héllo')).toBe(6);
    expect(byteLength('🐳')).toBe(4);
    expect(byteLength('\ud800')).toBe(3);
    expect(encodeUtf8('é🐳')).toEqual([0xc3, 0xa9, 0xf0, 0x9f, 0x90, 0xb3]);
    expect(decodeUtf8([0x61, 0xff, 0xe6, 0x97])).toBe('a\ufffd\ufffd\ufffd');
    expect(sliceBytes('héllo', 0, 2)).toBe('h\ufffd');
    expect(sliceBytes('héllo', 1, 3)).toBe('é');
  });

  it('measures display width like go-runewidth', () => {
    expect(stringWidth('abc')).toBe(3);
    expect(stringWidth('日本語')).toBe(6);
    expect(stringWidth('🐳')).toBe(2);
    expect(stringWidth('e\u0301')).toBe(1);
    expect(stringWidth('👩‍💻')).toBe(2);
    expect(isEastAsianWide('Ａ'.codePointAt(0)!)).toBe(true);
    expect(isEastAsianWide('A'.codePointAt(0)!)).toBe(false);
    expect(isPrint(0xa0)).toBe(false);
    expect(isPrint(0x20)).toBe(true);
  });
});
