import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUtf8, decodeWire, parseGoQuery, parseMediaType, readJsonBody } from './wire.ts';

describe('wire: the query', () => {
  it("reads pairs as Go's url.ParseQuery: + is a space, escapes decoded, empty pairs skipped", () => {
    const q = parseGoQuery('a=1&&b=x+y%21&c&a=2&%E2%82%AC=%e2%82%ac');
    expect(q.error).toBeUndefined();
    expect([...q.values]).toEqual([
      ['a', ['1', '2']],
      ['b', ['x y!']],
      ['c', ['']],
      ['€', ['€']],
    ]);
  });

  it('keeps the pairs it can read and reports the first error', () => {
    const q = parseGoQuery('a=%zz&b=1&c=%4');
    expect(q.error).toBe('invalid URL escape "%zz"');
    expect([...q.values]).toEqual([['b', ['1']]]);
    expect(parseGoQuery('c=%4').error).toBe('invalid URL escape "%4"');
    expect(parseGoQuery('x=1;y=2').error).toBe('invalid semicolon separator in query');
  });

  it('joins the repeated keys routes read as lists, and keeps the first value of others', () => {
    const d = decodeWire({ query: 't=a&t=b&all=1&all=0', body: '', contentType: '' }, 'POST');
    expect(d).toEqual({ query: { t: 'a\nb', all: '1' }, body: undefined });
  });
});

describe('wire: the body', () => {
  it('an empty body without a Content-Type is no body; a GET body is not read', () => {
    expect(readJsonBody('', '')).toEqual({ value: undefined });
    expect(decodeWire({ query: '', body: '{bad', contentType: 'text/plain' }, 'GET')).toEqual({
      query: {},
      body: undefined,
    });
  });

  it('a Content-Type with parameters is fine when its media type is JSON', () => {
    expect(readJsonBody('{"a":1}', 'Application/JSON; charset=utf-8')).toEqual({ value: { a: 1 } });
    expect(readJsonBody('{"a":1}', 'application/json;')).toEqual({ value: { a: 1 } });
  });

  it("media types fail with Go's mime errors", () => {
    expect(parseMediaType('')).toEqual({ type: '', error: 'mime: no media type' });
    expect(parseMediaType('text')).toEqual({ type: 'text' });
    expect(parseMediaType('text plain')).toEqual({
      type: '',
      error: 'mime: expected slash after first token',
    });
    expect(parseMediaType('text/')).toEqual({ type: '', error: 'mime: expected token after slash' });
    expect(parseMediaType('text/plain x')).toEqual({
      type: '',
      error: 'mime: unexpected content after media subtype',
    });
    expect(parseMediaType('a/b; x=1; x=2')).toEqual({ type: '', error: 'mime: duplicate parameter name' });
    expect(parseMediaType('a/b; x="1"; x=1')).toEqual({ type: 'a/b' });
    expect(parseMediaType('a/b; x')).toEqual({ type: 'a/b', error: 'mime: invalid media parameter' });
  });
});

describe('wire: UTF-8', () => {
  it('decodes valid text and puts U+FFFD for what is not', () => {
    const bytes = [...new TextEncoder().encode('aé€😀')];
    expect(decodeUtf8(bytes)).toBe('aé€😀');
    expect(decodeUtf8([0x61, 0xff, 0x62, 0xc3])).toBe('a\ufffdb\ufffd');
    expect(decodeUtf8([0xed, 0xa0, 0x80])).toBe('\ufffd\ufffd\ufffd');
  });

  it('agrees with TextDecoder on valid text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(decodeUtf8(new TextEncoder().encode(s))).toBe(s);
      }),
    );
  });
});

describe('wire: nothing a client sends makes it throw', () => {
  it('any query, body and Content-Type gives a decoded request or an error', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.oneof(fc.string(), fc.json()),
        fc.oneof(fc.constant('application/json'), fc.string()),
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'HEAD'),
        (query, body, contentType, method) => {
          const d = decodeWire({ query, body, contentType }, method);
          if ('error' in d) expect(typeof d.error).toBe('string');
          else expect(typeof d.query).toBe('object');
        },
      ),
    );
  });

  it('any bytes decode to text', () => {
    fc.assert(
      fc.property(fc.uint8Array(), (bytes) => {
        expect(typeof decodeUtf8(bytes)).toBe('string');
      }),
    );
  });
});
