import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DETACH_KEYS, EscapeProxy, toBytes } from './detach-keys.ts';
import type { Reader } from './types.ts';

describe('detach keys (moby/term ToBytes)', () => {
  it.each([
    ['ctrl-p,ctrl-q', '\x10\x11'],
    ['ctrl-@,ctrl-a,ctrl-z', '\x00\x01\x1a'],
    ['ctrl-[,ctrl-\\,ctrl-],ctrl-^,ctrl-_', '\x1b\x1c\x1d\x1e\x1f'],
    ['a,b', 'ab'],
    ['DEL', '\x7f'],
  ])('%j', (keys, bytes) => {
    expect(toBytes(keys)).toBe(bytes);
  });

  it.each([
    ['', "Unknown character: ''"],
    [',', "Unknown character: ''"],
    ['ctrl-p,', "Unknown character: ''"],
    ['ctrl-P', "Unknown character: 'ctrl-P'"],
    ['bogus', "Unknown character: 'bogus'"],
    ['é', "Unknown character: 'é'"],
  ])('%j is refused', (keys, message) => {
    expect(() => toBytes(keys)).toThrow(message);
  });

  it('reads every sequence or names the key it cannot read', () => {
    fc.assert(
      fc.property(fc.string(), (keys) => {
        try {
          const bytes = toBytes(keys);
          expect(bytes.length).toBe(keys.split(',').length);
        } catch (e) {
          expect((e as Error).message).toMatch(/^Unknown character: '.*'$/s);
        }
      }),
    );
  });
});

/** A reader of the given chunks, then the end of input. */
function chunks(...list: string[]): Reader {
  return { read: () => Promise.resolve(list.length > 0 ? list.shift()! : null) };
}

/** What the proxy hands over until it detaches or the input ends. */
async function through(proxy: EscapeProxy): Promise<{ out: string[]; detached: boolean }> {
  let detached = false;
  void proxy.detached.then(() => (detached = true));
  const out: string[] = [];
  for (;;) {
    const next = await Promise.race([proxy.read(), proxy.detached.then(() => 'detach' as const)]);
    if (next === null || next === 'detach') break;
    out.push(next);
  }
  await Promise.resolve();
  return { out, detached };
}

describe('the escape proxy', () => {
  it('hands input over until the keys, holding back a partial sequence', async () => {
    expect(await through(new EscapeProxy(chunks('ls\n', 'ab\x10', '\x11', 'never')))).toEqual({
      out: ['ls\n', 'ab'],
      detached: true,
    });
  });

  it('hands back keys that were not the sequence after all, with what broke it', async () => {
    expect(await through(new EscapeProxy(chunks('\x10', 'x', '\x10\x10\x11')))).toEqual({
      out: ['\x10x', '\x10\x10\x11'],
      detached: false,
    });
  });

  it('drops a partial sequence at the end of input', async () => {
    expect(await through(new EscapeProxy(chunks('a\x10')))).toEqual({ out: ['a'], detached: false });
  });

  it('passes everything on, in order, when the keys never come', () => {
    return fc.assert(
      fc.asyncProperty(
        fc.array(fc.string({ unit: fc.constantFrom('a', '\x10', '\n', '\x03') })),
        async (list) => {
          const proxy = new EscapeProxy(chunks(...list), DEFAULT_DETACH_KEYS);
          const { out, detached } = await through(proxy);
          expect(detached).toBe(false);
          // only a trailing Ctrl-P that began a sequence is held back (one that broke a
          // sequence is not looked at again)
          const all = list.join('');
          let held = false;
          for (const c of all) held = c === '\x10' && !held;
          expect(out.join('')).toBe(held ? all.slice(0, -1) : all);
        },
      ),
    );
  });
});
