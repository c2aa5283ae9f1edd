import { describe, expect, it } from 'vitest';
import { LineEditor } from './line-editor.ts';
import { parseKeys } from './keys.ts';

describe('LineEditor', () => {
  it('edits at the cursor', () => {
    const e = new LineEditor();
    e.insert('docker ps');
    e.move('word-left');
    e.insert('container ');
    expect(e.text).toBe('docker container ps');
    e.move('home');
    e.delete();
    e.move('end');
    e.backspace();
    expect(e.text).toBe('ocker container p');
    e.kill('kill-word');
    expect(e.text).toBe('ocker container ');
    e.move('home');
    e.kill('kill-end');
    expect(e.text).toBe('');
  });

  it('walks the history and keeps the line being written', () => {
    const e = new LineEditor();
    e.insert('one');
    expect(e.accept()).toBe('one');
    e.insert('two');
    e.accept();
    e.insert('two');
    e.accept(); // a repeat is not added twice
    e.insert('   ');
    e.accept(); // nor a blank line
    expect(e.history).toEqual(['one', 'two']);
    e.insert('dra');
    e.recall(-1);
    expect(e.text).toBe('two');
    e.recall(-1);
    e.recall(-1);
    expect(e.text).toBe('one');
    e.recall(1);
    e.recall(1);
    expect(e.text).toBe('dra');
  });

  it('renders a wrapped line and puts the cursor back where it edits', () => {
    const e = new LineEditor();
    e.insert('abcdefgh');
    // prompt "$ " + 8 characters on 5 columns: rows "$ abc" "defgh" → wrap the full row
    expect(e.render('$ ', 5)).toBe('\r\x1b[J$ abcdefgh \b\r');
    e.move('home');
    // from cell 10 (row 2) up two rows to the prompt, redraw, then back up to cell 2
    expect(e.render('$ ', 5)).toBe('\x1b[2A\r\x1b[J$ abcdefgh \b\x1b[2A\r\x1b[2C');
  });
});

describe('parseKeys', () => {
  it('splits pastes, arrows and controls into keys', () => {
    expect(parseKeys('ls\r\nps\r')).toEqual([
      { kind: 'text', text: 'ls' },
      { kind: 'enter' },
      { kind: 'text', text: 'ps' },
      { kind: 'enter' },
    ]);
    expect(parseKeys('\x1b[A\x1b[3~\x03\x0c')).toEqual([
      { kind: 'up' },
      { kind: 'delete' },
      { kind: 'interrupt', byte: '\x03' },
      { kind: 'clear', byte: '\x0c' },
    ]);
    // Ctrl-P is ↑ at the prompt but keeps its byte (the detach keys); Ctrl-Q has no editing
    // use, and is a key when typed, not when it is stray in a paste
    expect(parseKeys('\x10')).toEqual([{ kind: 'up', byte: '\x10' }]);
    expect(parseKeys('\x11')).toEqual([{ kind: 'control', byte: '\x11' }]);
    expect(parseKeys('a\x11b')).toEqual([{ kind: 'text', text: 'ab' }]);
    expect(parseKeys('\x1b[200~a\x1b]8;;x\x07b\x1b[201~')).toEqual([{ kind: 'text', text: 'a8;;xb' }]);
  });
});
