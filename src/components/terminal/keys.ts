/**
 * What xterm's `onData` sends, as the keys a line editor understands. One call may hold
 * one key (an arrow is `ESC [ A`) or a whole paste, so the data is split into keys;
 * printable runs stay together as one `text` key. A key typed as a control character
 * keeps it in `byte` (Ctrl-P is `up` at the prompt, but a running command may want the
 * byte: Ctrl-P Ctrl-Q detaches from a container); control characters the editor has no
 * use for are `control` keys.
 */
export type Key =
  | { kind: 'text'; text: string }
  | { kind: 'control'; byte: string }
  | {
      byte?: string;
      kind:
        | 'enter'
        | 'backspace'
        | 'delete'
        | 'left'
        | 'right'
        | 'word-left'
        | 'word-right'
        | 'home'
        | 'end'
        | 'up'
        | 'down'
        | 'interrupt'
        | 'clear'
        | 'eof'
        | 'kill-start'
        | 'kill-end'
        | 'kill-word'
        | 'tab';
    };

type Named = Exclude<Key, { kind: 'text' } | { kind: 'control' }>['kind'];

const SEQUENCES: Record<string, Named> = {
  '\x1b[A': 'up',
  '\x1bOA': 'up',
  '\x1b[B': 'down',
  '\x1bOB': 'down',
  '\x1b[C': 'right',
  '\x1bOC': 'right',
  '\x1b[D': 'left',
  '\x1bOD': 'left',
  '\x1b[1;5C': 'word-right',
  '\x1b[1;5D': 'word-left',
  '\x1bf': 'word-right',
  '\x1bb': 'word-left',
  '\x1b[H': 'home',
  '\x1bOH': 'home',
  '\x1b[1~': 'home',
  '\x1b[F': 'end',
  '\x1bOF': 'end',
  '\x1b[4~': 'end',
  '\x1b[3~': 'delete',
};

const CONTROLS: Record<string, Named> = {
  '\r': 'enter',
  '\n': 'enter',
  '\x7f': 'backspace',
  '\b': 'backspace',
  '\x03': 'interrupt',
  '\x0c': 'clear',
  '\x04': 'eof',
  '\x01': 'home',
  '\x05': 'end',
  '\x02': 'left',
  '\x06': 'right',
  '\x10': 'up',
  '\x0e': 'down',
  '\x15': 'kill-start',
  '\x0b': 'kill-end',
  '\x17': 'kill-word',
  '\t': 'tab',
};

export function parseKeys(data: string): Key[] {
  // a paste may come wrapped in bracketed-paste markers: they are not keys
  // eslint-disable-next-line no-control-regex -- escape sequences are what this reads
  const input = data.replace(/\x1b\[20[01]~/g, '');
  const keys: Key[] = [];
  let text = '';
  const flush = () => {
    const last = keys[keys.length - 1];
    if (text && last?.kind === 'text') last.text += text;
    else if (text) keys.push({ kind: 'text', text });
    text = '';
  };
  for (let i = 0; i < input.length;) {
    const c = input[i]!;
    if (c === '\x1b') {
      flush();
      const seq = Object.keys(SEQUENCES).find((s) => input.startsWith(s, i));
      if (seq) {
        keys.push({ kind: SEQUENCES[seq]! });
        i += seq.length;
        continue;
      }
      // an unknown sequence: skip ESC, its CSI parameters and its final byte
      // eslint-disable-next-line no-control-regex -- escape sequences are what this reads
      const m = /^\x1b(\[[0-9;?]*[\x40-\x7e]|O.|.)?/s.exec(input.slice(i))!;
      i += m[0].length;
      continue;
    }
    if (c === '\r' && input[i + 1] === '\n') i++; // CRLF in a paste is one Enter
    const control = CONTROLS[c];
    if (control) {
      flush();
      keys.push(c === '\r' || c === '\n' ? { kind: control } : { kind: control, byte: c });
    } else if (c < ' ' && input.length === 1) {
      // typed on its own, not inside a paste (where stray controls are dropped)
      keys.push({ kind: 'control', byte: c });
    } else if (c >= ' ' && !(c >= '\x80' && c <= '\x9f')) text += c;
    i++;
  }
  flush();
  return keys;
}
