import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeGoJson, quoteChar } from './go-json.ts';

interface Recorded {
  input: string;
  error?: string;
  more?: boolean;
}

const corpus = JSON.parse(
  readFileSync(new URL('./testdata/go-json/corpus.json', import.meta.url), 'utf8'),
) as Recorded[];

describe('decodeGoJson', () => {
  it("says what Go's json.Decoder says of every recorded input", () => {
    const wrong: string[] = [];
    for (const r of corpus) {
      const got = decodeGoJson(r.input);
      const said = got.ok ? `more=${got.more}` : got.error;
      const expected = r.error ?? `more=${r.more ?? false}`;
      if (said !== expected) wrong.push(`${JSON.stringify(r.input.slice(0, 80))}: ${said} ≠ ${expected}`);
    }
    expect(wrong).toEqual([]);
    expect(corpus.length).toBeGreaterThan(600);
  });

  it('decodes the value JSON.parse would', () => {
    const got = decodeGoJson(' {"Image":"alpine","Cmd":["echo","hi"]} \n');
    expect(got).toEqual({ ok: true, value: { Image: 'alpine', Cmd: ['echo', 'hi'] }, more: false });
  });

  it('takes the first value and tells that more follows', () => {
    expect(decodeGoJson('{} {}')).toEqual({ ok: true, value: {}, more: true });
    // More() is false before a closing bracket: moby lets `{}}` through
    expect(decodeGoJson('{}}')).toEqual({ ok: true, value: {}, more: false });
  });

  it('quotes bytes as strconv.Quote does', () => {
    expect(quoteChar(0x61)).toBe("'a'");
    expect(quoteChar(0x27)).toBe("'\\''");
    expect(quoteChar(0x0a)).toBe("'\\n'");
    expect(quoteChar(0x01)).toBe("'\\x01'");
    expect(quoteChar(0x85)).toBe("'\\u0085'");
    expect(quoteChar(0xc3)).toBe("'Ã'");
  });

  it('decodes any JSON value, as JSON.parse does', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        const got = decodeGoJson(text);
        expect(got.ok && got.value).toEqual(JSON.parse(text));
      }),
    );
  });

  it('never throws on any text, and an error is a Go message', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json().map((j) => j.slice(0, -1) + '"x'),
        ),
        (text) => {
          const got = decodeGoJson(text);
          if (!got.ok)
            expect(got.error).toMatch(/^(EOF|unexpected EOF|invalid character '.+' [a-z\\ :'()]+)$/u);
        },
      ),
    );
  });
});
