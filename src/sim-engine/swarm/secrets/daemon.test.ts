/**
 * The request body of POST /secrets/create and /configs/create as Go's JSON decoder
 * takes it (readSpec, base64ErrorOffset): every input is a spec or an `invalid JSON: …`
 * error, never a crash, and base64 that Node decodes strictly is accepted.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DaemonError } from '../../errdefs.ts';
import { base64ErrorOffset, base64Length } from './data.ts';
import { readSpec } from './daemon.ts';

describe('readSpec', () => {
  it('takes any JSON body: a spec, or a clear invalid-parameter error', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom('secret' as const, 'config' as const), (body, kind) => {
        try {
          const spec = readSpec(kind, body);
          expect(typeof spec).toBe('object');
        } catch (err) {
          expect(err).toBeInstanceOf(DaemonError);
          expect((err as DaemonError).status).toBe(400);
          expect((err as Error).message).toMatch(/^invalid JSON: /);
        }
      }),
    );
  });

  it('names the Go field and type a value does not fit', () => {
    expect(() => readSpec('secret', { Data: 5 })).toThrow(
      'invalid JSON: json: cannot unmarshal number into Go struct field SecretSpec.Data of type []uint8',
    );
    expect(() => readSpec('config', { Labels: ['a'] })).toThrow(
      'invalid JSON: json: cannot unmarshal array into Go struct field ConfigSpec.Labels of type map[string]string',
    );
    expect(() => readSpec('secret', { Name: true })).toThrow(
      'invalid JSON: json: cannot unmarshal bool into Go struct field SecretSpec.Name of type string',
    );
  });
});

describe('base64ErrorOffset', () => {
  it('accepts what the standard alphabet encodes, with its length', () => {
    fc.assert(
      fc.property(fc.uint8Array(), (bytes) => {
        const text = Buffer.from(bytes).toString('base64');
        expect(base64ErrorOffset(text)).toBe(-1);
        expect(base64Length(text)).toBe(bytes.length);
      }),
    );
  });

  it('stops at the first character outside the alphabet, or at an unfinished quantum', () => {
    expect(base64ErrorOffset('ab!d')).toBe(2);
    expect(base64ErrorOffset('abc')).toBe(0);
    expect(base64ErrorOffset('abcde')).toBe(4);
    expect(base64ErrorOffset('a===')).toBe(1);
    expect(base64ErrorOffset('ab=c')).toBe(3);
    expect(base64ErrorOffset('YQ==')).toBe(-1);
  });

  it('gives an offset inside the text for any string that does not decode', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const at = base64ErrorOffset(text);
        expect(at).toBeGreaterThanOrEqual(-1);
        expect(at).toBeLessThanOrEqual(text.length);
        // what decodes is whole quanta of the alphabet, padded at the end only
        if (at === -1) expect(text).toMatch(/^([A-Za-z0-9+/]{4})*([A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/);
      }),
    );
  });
});
