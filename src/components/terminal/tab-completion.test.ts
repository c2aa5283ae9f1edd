import { describe, expect, it } from 'vitest';
import { LineEditor } from './line-editor.ts';
import { commonPrefix, listColumns, tabAction } from './tab-completion.ts';

describe('Tab at the prompt', () => {
  it('puts in a single candidate with a space, a directory or a continued word without', () => {
    expect(tabAction({ from: 7, candidates: ['run'] }, 'ru', false)).toEqual({
      kind: 'insert',
      from: 7,
      text: 'run ',
    });
    expect(tabAction({ from: 4, candidates: ['app/'] }, 'a', false)).toEqual({
      kind: 'insert',
      from: 4,
      text: 'app/',
    });
    expect(tabAction({ from: 21, candidates: ['web='], noSpace: true }, 'w', false)).toEqual({
      kind: 'insert',
      from: 21,
      text: 'web=',
    });
  });

  it('puts in the shared start of several, then lists them on the second Tab; none rings the bell', () => {
    expect(commonPrefix(['start', 'stats', 'stop'])).toBe('st');
    expect(tabAction({ from: 7, candidates: ['start', 'stats'] }, 's', false)).toEqual({
      kind: 'insert',
      from: 7,
      text: 'sta',
    });
    expect(tabAction({ from: 7, candidates: ['start', 'stats'] }, 'sta', false)).toEqual({ kind: 'bell' });
    expect(tabAction({ from: 7, candidates: ['start', 'stats'] }, 'sta', true)).toEqual({
      kind: 'list',
      items: ['start', 'stats'],
    });
    expect(tabAction({ from: 7, candidates: [] }, 'x', true)).toEqual({ kind: 'bell' });
    // file names listed without the directory typed
    expect(tabAction({ from: 4, candidates: ['app/a.py', 'app/b.py'] }, 'app/', true)).toEqual({
      kind: 'list',
      items: ['a.py', 'b.py'],
    });
    // a name carrying control characters is neither typed nor shown
    expect(tabAction({ from: 0, candidates: ['\x1b[31mx'] }, '', false)).toEqual({ kind: 'bell' });
  });

  it('lists in columns, down then across', () => {
    expect(listColumns(['a', 'b', 'c', 'd', 'e'], 8)).toBe('a  d\r\nb  e\r\nc\r\n');
    expect(listColumns(['--all', '-a'], 80)).toBe('--all  -a\r\n');
  });

  it('replaces the word in the line and restores history', () => {
    const e = new LineEditor();
    e.insert('docker ru -d');
    e.move('home');
    for (let i = 0; i < 9; i++) e.move('right');
    e.replace(7, 'run ');
    expect(e.text).toBe('docker run  -d');
    expect(e.cursor).toBe(11);
    e.restoreHistory(['docker ps', '', 'ls']);
    e.set('');
    e.recall(-1);
    expect(e.text).toBe('ls');
    e.recall(-1);
    expect(e.text).toBe('docker ps');
  });
});
