/**
 * The terminal's line discipline: lines and Ctrl-D in cooked mode, bytes in raw mode,
 * Ctrl-C to the foreground, a keyboard read only as processes read, hang-up.
 */
import { describe, expect, it } from 'vitest';
import { Terminal } from './terminal.ts';
import type { Reader, SignalName } from './types.ts';

const tick = () => new Promise<void>((r) => setImmediate(r));

/** A keyboard a test types into; reads wait for the next chunk. */
function keyboard(): Reader & { type(chunk: string | null): void; reads: number } {
  const chunks: (string | null)[] = [];
  let waiting: ((c: string | null) => void) | undefined;
  return {
    reads: 0,
    read() {
      this.reads++;
      if (chunks.length > 0) return Promise.resolve(chunks.shift()!);
      return new Promise((r) => (waiting = r));
    },
    type(chunk) {
      const w = waiting;
      waiting = undefined;
      if (w) w(chunk);
      else chunks.push(chunk);
    },
  };
}

/** Everything a read gets, as it resolves. */
function collect(reader: Reader, n: number): (string | null)[] {
  const got: (string | null)[] = [];
  void (async () => {
    for (let i = 0; i < n; i++) got.push(await reader.read());
  })();
  return got;
}

describe('a cooked terminal', () => {
  it('hands over whole lines; Ctrl-D hands over the partial line, or ends one read', async () => {
    const t = new Terminal();
    const got = collect(t.reader, 4);
    t.input('ec');
    await tick();
    expect(got).toEqual([]);
    t.input('ho hi\nab\x04\x04x');
    await tick();
    expect(got).toEqual(['echo hi\n', 'ab', null]);
    t.input('\n');
    await tick();
    // a read after the end of input waits for more: a terminal is not closed by Ctrl-D
    expect(got).toEqual(['echo hi\n', 'ab', null, 'x\n']);
  });

  it('erases a character with DEL and the line with Ctrl-U; CR is a newline', async () => {
    const t = new Terminal();
    const got = collect(t.reader, 1);
    t.input('lx\x7fs -l\x15ls\r');
    await tick();
    expect(got).toEqual(['ls\n']);
  });

  it('sends SIGINT for Ctrl-C and SIGQUIT for Ctrl-\\ to the foreground, dropping unread input', async () => {
    const t = new Terminal();
    const session: SignalName[] = [];
    t.bindSession((s) => session.push(s));
    t.input('lost\n');
    t.input('half\x03');
    t.input('\x1c');
    expect(session).toEqual(['SIGINT', 'SIGQUIT']);
    const got = collect(t.reader, 1);
    t.input('kept\n');
    await tick();
    expect(got).toEqual(['kept\n']);
  });

  it('gives the signals to the shell doing job control while it claims the terminal', () => {
    const t = new Terminal();
    const to: string[] = [];
    t.bindSession((s) => to.push(`session ${s}`));
    const outer = t.claimForeground((s) => to.push(`outer ${s}`));
    const inner = t.claimForeground((s) => to.push(`inner ${s}`));
    t.input('\x03');
    inner();
    t.input('\x03');
    outer();
    t.input('\x03');
    expect(to).toEqual(['inner SIGINT', 'outer SIGINT', 'session SIGINT']);
  });
});

describe('typed-ahead input', () => {
  // a pty's input queue: what is typed before anyone reads waits, every line, in order
  it('keeps every line typed before a read, in one chunk or several', async () => {
    const t = new Terminal();
    t.input('echo a\necho b\n');
    t.input('exit 4\n');
    const got = collect(t.reader, 3);
    await tick();
    expect(got).toEqual(['echo a\n', 'echo b\n', 'exit 4\n']);
  });

  it('keeps the lines a cooked read left for the reads after a switch to raw mode', async () => {
    const t = new Terminal();
    const kb = keyboard();
    const reader = t.keyboard(kb);
    kb.type('one\ntwo\nthree\n');
    kb.type('four\n');
    expect(await reader.read()).toBe('one\n');
    // as the docker CLI does once attached: what the line discipline already made lines
    // stays lines, what the keyboard still holds comes as bytes
    t.setRaw();
    const got = collect(reader, 3);
    await tick();
    expect(got).toEqual(['two\n', 'three\n', 'four\n']);
  });
});

describe('a raw terminal', () => {
  it('hands every byte over as it comes, Ctrl-C and Ctrl-D included, until restored', async () => {
    const t = new Terminal();
    const signals: SignalName[] = [];
    t.bindSession((s) => signals.push(s));
    const restore = t.setRaw();
    expect(t.raw).toBe(true);
    const got = collect(t.reader, 3);
    t.input('ab');
    t.input('\x03');
    t.input('\x04');
    await tick();
    expect(got).toEqual(['ab', '\x03', '\x04']);
    expect(signals).toEqual([]);
    restore();
    restore();
    expect(t.raw).toBe(false);
    t.input('\x03');
    expect(signals).toEqual(['SIGINT']);
  });
});

describe("a terminal's keyboard", () => {
  it('is read only when a process reads, through the line discipline', async () => {
    const t = new Terminal();
    const kb = keyboard();
    const reader = t.keyboard(kb);
    kb.type('one\n');
    kb.type('two\n');
    await tick();
    expect(kb.reads).toBe(0);
    expect(await reader.read()).toBe('one\n');
    // the second line is still the keyboard's: type-ahead for whoever reads next
    expect(kb.reads).toBe(1);
    kb.type('\x04');
    expect(await reader.read()).toBe('two\n');
    expect(await reader.read()).toBe(null);
  });

  it('in raw mode turns Ctrl-D into its byte and a line into its bytes', async () => {
    const t = new Terminal();
    const kb = keyboard();
    const reader = t.keyboard(kb);
    t.setRaw();
    kb.type('ls\n');
    kb.type('\x04');
    kb.type('\x10');
    expect([await reader.read(), await reader.read(), await reader.read()]).toEqual(['ls\n', '\x04', '\x10']);
  });

  it('gives a key typed meanwhile to the read waiting on the keyboard', async () => {
    const t = new Terminal();
    const kb = keyboard();
    const reader = t.keyboard(kb);
    t.setRaw();
    const first = reader.read();
    await tick();
    t.input('\x03');
    expect(await first).toBe('\x03');
    kb.type('after\n');
    expect(await reader.read()).toBe('after\n');
  });

  it('hangs up at its end: every read ends', async () => {
    const t = new Terminal();
    const kb = keyboard();
    const reader = t.keyboard(kb);
    kb.type(null);
    expect(await reader.read()).toBe(null);
    expect(await reader.read()).toBe(null);
  });

  it('is a new one for each command line: earlier readers take nothing more', async () => {
    const t = new Terminal();
    const first = t.keyboard(keyboard());
    const stale = first.read();
    const kb = keyboard();
    const second = t.keyboard(kb);
    kb.type('next\n');
    expect(await second.read()).toBe('next\n');
    const raced = await Promise.race([stale, tick().then(() => 'still waiting')]);
    expect(raced).toBe('still waiting');
  });
});
