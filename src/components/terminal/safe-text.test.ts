import { describe, expect, it } from 'vitest';
import { SafeText, safeText } from './safe-text.ts';

describe('safeText', () => {
  it('keeps text, colours and the cursor movement of docker pull', () => {
    const pull = '\x1b[1A\x1b[2K\r4f55086f7dd0: Pull complete \r\x1b[1B';
    expect(safeText(pull)).toBe(pull);
    expect(safeText('\x1b[1;31mred\x1b[0m\ttab\n')).toBe('\x1b[1;31mred\x1b[0m\ttab\n');
    expect(safeText('\x1b[?25lhidden\x1b[?25h')).toBe('\x1b[?25lhidden\x1b[?25h');
  });

  it('drops links, clipboard writes, titles, palette changes and bracketed paste', () => {
    expect(safeText('\x1b]8;;https://evil.example\x07click\x1b]8;;\x07')).toBe('click');
    expect(safeText('\x1b]52;c;ZXZpbA==\x1b\\after')).toBe('after');
    expect(safeText('\x1b]0;title\x07\x1b]11;#ff0000\x07x')).toBe('x');
    expect(safeText('\x1b[200~pasted\x1b[201~')).toBe('pasted');
    expect(safeText('\x1b[?2004h\x1b[?1000h\x1b[8;100;100tok')).toBe('ok');
    expect(safeText('\x1bP1$qm\x1b\\\x1b_apc\x1b\\\x1bcreset')).toBe('reset');
  });

  it('drops C1 controls and stray C0 bytes', () => {
    expect(safeText('a\x9d8;;x\x07b\x9bc\x00\x07\x7fd')).toBe('a8;;xbcd');
  });

  it('holds back a sequence split across writes', () => {
    const f = new SafeText();
    expect(f.write('one\x1b]8;;http')).toBe('one');
    expect(f.write('s://x\x07two')).toBe('two');
    expect(f.write('\x1b[3')).toBe('');
    expect(f.write('1mred')).toBe('\x1b[31mred');
  });
});
