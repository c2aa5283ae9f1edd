import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CollectingWriter,
  LineReader,
  NullReader,
  Pipe,
  readAll,
  StringReader,
  TeeWriter,
} from './streams.ts';

describe('Pipe', () => {
  it('hands writes to a waiting reader, then null after close', async () => {
    const pipe = new Pipe();
    const first = pipe.read();
    pipe.write('a');
    expect(await first).toBe('a');
    pipe.write('b');
    pipe.write('c');
    pipe.close();
    pipe.write('dropped');
    expect(await pipe.read()).toBe('bc');
    expect(await pipe.read()).toBeNull();
  });

  it('wakes every waiting reader with null on close', async () => {
    const pipe = new Pipe();
    const reads = [pipe.read(), pipe.read()];
    pipe.close();
    expect(await Promise.all(reads)).toEqual([null, null]);
  });

  it('drops writes and tells listeners once the reading end is gone', () => {
    const pipe = new Pipe();
    let broken = 0;
    pipe.onBroken(() => broken++);
    pipe.write('kept?');
    pipe.closeRead();
    pipe.closeRead();
    pipe.write('x');
    expect(pipe.buffered).toBe('');
    expect(pipe.broken).toBe(true);
    expect(broken).toBe(1);
    pipe.onBroken(() => broken++);
    expect(broken).toBe(2);
  });

  it('withdraws a cancelled read without losing the next chunk', async () => {
    const pipe = new Pipe();
    const cancelled = pipe.readCancelable();
    cancelled.cancel();
    pipe.write('for the next reader');
    expect(await pipe.read()).toBe('for the next reader');
  });
});

describe('LineReader', () => {
  it('reassembles lines across any chunking', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom('a', 'b', '\n', 'é'), { maxLength: 40 }),
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 40 }),
        async (chars, cuts) => {
          const text = chars.join('');
          const pipe = new Pipe();
          let i = 0;
          for (let k = 0; i < text.length; k++) {
            const n = cuts[k % cuts.length]!;
            pipe.write(text.slice(i, i + n));
            i += n;
          }
          pipe.close();
          const reader = new LineReader(pipe);
          const lines: string[] = [];
          for (let line = await reader.readLine(); line !== null; line = await reader.readLine())
            lines.push(line);
          const expected = text === '' ? [] : text.replace(/\n$/, '').split('\n');
          expect(lines).toEqual(expected);
        },
      ),
    );
  });

  it('keeps the rest buffered for readAll and rest()', async () => {
    const reader = new LineReader(new StringReader('one\ntwo\nthree'));
    expect(await reader.readLine()).toBe('one');
    expect(await readAll(reader.rest())).toBe('two\nthree');
    const other = new LineReader(new StringReader('x\ny\n'));
    await other.readLine();
    expect(await other.readAll()).toBe('y\n');
    expect(await other.readLine()).toBeNull();
  });
});

describe('small streams', () => {
  it('collects, tees, and reads fixed input', async () => {
    const a = new CollectingWriter();
    const b = new CollectingWriter();
    const tee = new TeeWriter(a, b);
    tee.write('x');
    tee.write('y');
    expect(a.text).toBe('xy');
    expect(b.text).toBe('xy');
    a.clear();
    expect(a.text).toBe('');
    expect(await new NullReader().read()).toBeNull();
    const s = new StringReader('hi');
    expect(await s.read()).toBe('hi');
    expect(await s.read()).toBeNull();
    expect(await new StringReader('').read()).toBeNull();
  });
});
