/**
 * What may reach xterm from a learner or a container: text, and the few control
 * sequences docker's TTY output needs — SGR colours, cursor movement and erasing
 * (`docker pull`'s progress lines), cursor show/hide. Everything else is dropped: OSC
 * (links with OSC 8, the clipboard with OSC 52, palette and title changes), DCS/APC/PM/SOS
 * strings, bracketed-paste markers and mode changes, C1 controls, and stray C0 bytes.
 *
 * It is a stream filter: a sequence split across two writes is held back until it is
 * complete, so a container cannot smuggle one in halves.
 */

/** CSI finals we let through, with plain numeric parameters only. */
const CSI_FINALS = new Set(['m', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'f', 'J', 'K', 'd', 'X', 'P', '@']);
/** C0 controls kept as they are: backspace, tab, line feed, carriage return. */
const C0_KEPT = new Set(['\b', '\t', '\n', '\r']);
/** Longest sequence held back waiting for its end; past it, the sequence is dropped. */
const MAX_PENDING = 4096;

export class SafeText {
  #pending = '';

  /** Filter a chunk of output; may hold back the start of an unfinished sequence. */
  write(chunk: string): string {
    const text = this.#pending + chunk;
    this.#pending = '';
    let out = '';
    let i = 0;
    while (i < text.length) {
      const c = text[i]!;
      const code = c.charCodeAt(0);
      if (c === '\x1b') {
        const end = sequenceEnd(text, i);
        if (end === undefined) {
          // unfinished: wait for the rest, unless it is absurdly long
          if (text.length - i <= MAX_PENDING) this.#pending = text.slice(i);
          break;
        }
        out += allowed(text.slice(i, end));
        i = end;
        continue;
      }
      if ((code < 0x20 && !C0_KEPT.has(c)) || code === 0x7f || (code >= 0x80 && code <= 0x9f)) {
        i++;
        continue;
      }
      out += c;
      i++;
    }
    return out;
  }
}

/** One-shot filter for a complete string (a learner's line, a notice). */
export function safeText(text: string): string {
  return new SafeText().write(text);
}

/** Index just past the escape sequence starting at `i`, or undefined if it is unfinished. */
function sequenceEnd(text: string, i: number): number | undefined {
  const kind = text[i + 1];
  if (kind === undefined) return undefined;
  if (kind === '[') {
    for (let j = i + 2; j < text.length; j++) {
      const code = text.charCodeAt(j);
      if (code >= 0x40 && code <= 0x7e) return j + 1;
      if (code < 0x20 || code > 0x3f) return j; // not a CSI byte: the sequence is broken, end it here
    }
    return undefined;
  }
  if (kind === ']' || kind === 'P' || kind === '_' || kind === '^' || kind === 'X') {
    // a string: ends with BEL or ST (ESC \)
    for (let j = i + 2; j < text.length; j++) {
      if (text[j] === '\x07') return j + 1;
      if (text[j] === '\x1b') {
        if (j + 1 >= text.length) return undefined;
        return text[j + 1] === '\\' ? j + 2 : j;
      }
    }
    return undefined;
  }
  // ESC + intermediates (0x20–0x2f) + a final byte
  let j = i + 1;
  while (j < text.length && text.charCodeAt(j) >= 0x20 && text.charCodeAt(j) <= 0x2f) j++;
  return j < text.length ? j + 1 : undefined;
}

/** The sequence itself if it is on the allow-list, else nothing. */
function allowed(seq: string): string {
  // eslint-disable-next-line no-control-regex -- escape sequences are what this reads
  const csi = /^\x1b\[([0-9;:]*)([\x40-\x7e])$/.exec(seq);
  if (csi && CSI_FINALS.has(csi[2]!)) return seq;
  if (seq === '\x1b[?25l' || seq === '\x1b[?25h') return seq;
  return '';
}
