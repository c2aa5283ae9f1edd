/**
 * The few Unicode classifications Docker's output depends on: Go's `unicode.IsPrint`
 * (what `strconv.Quote` leaves unescaped), `IsLetter`/`IsDigit` (template
 * identifiers), and display widths — East Asian Wide/Fullwidth as
 * golang.org/x/text/width reports it (the CLI's `Ellipsis`) and go-runewidth's
 * `StringWidth` (the CLI's tabwriter fork, which aligns CJK and emoji by cells).
 */

const printable = /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u;
const letter = /\p{L}/u;
const digit = /\p{Nd}/u;
const whiteSpace = /\p{White_Space}/u;
const zeroWidth = /[\p{Mn}\p{Me}\p{Cf}\p{Zl}\p{Zp}]/u;
const emojiPresentation = /\p{Emoji_Presentation}/u;

function ch(cp: number): string {
  return String.fromCodePoint(cp);
}

/** unicode.IsPrint: letters, marks, numbers, punctuation, symbols and U+0020. */
export function isPrint(cp: number): boolean {
  if (cp === 0x20) return true;
  if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) return false;
  if (cp >= 0xd800 && cp <= 0xdfff) return false;
  return printable.test(ch(cp));
}

export function isLetter(cp: number): boolean {
  return letter.test(ch(cp));
}

export function isDigit(cp: number): boolean {
  return digit.test(ch(cp));
}

/** unicode.IsSpace. */
export function isSpace(cp: number): boolean {
  if (cp <= 0xff) return cp === 0x20 || (cp >= 0x09 && cp <= 0x0d) || cp === 0x85 || cp === 0xa0;
  return whiteSpace.test(ch(cp));
}

// East Asian Width W and F ranges (EastAsianWidth.txt) outside what
// \p{Emoji_Presentation} already covers; inclusive pairs, sorted.
const WIDE: readonly number[] = [
  0x1100, 0x115f, 0x2329, 0x232a, 0x2e80, 0x2e99, 0x2e9b, 0x2ef3, 0x2f00, 0x2fd5, 0x2ff0, 0x303e, 0x3041,
  0x3096, 0x3099, 0x30ff, 0x3105, 0x312f, 0x3131, 0x318e, 0x3190, 0x31e3, 0x31ef, 0x321e, 0x3220, 0x3247,
  0x3250, 0x4dbf, 0x4e00, 0xa48c, 0xa490, 0xa4c6, 0xa960, 0xa97c, 0xac00, 0xd7a3, 0xf900, 0xfaff, 0xfe10,
  0xfe19, 0xfe30, 0xfe52, 0xfe54, 0xfe66, 0xfe68, 0xfe6b, 0xff01, 0xff60, 0xffe0, 0xffe6, 0x16fe0, 0x16fe4,
  0x16ff0, 0x16ff1, 0x17000, 0x187f7, 0x18800, 0x18cd5, 0x18d00, 0x18d08, 0x1aff0, 0x1b2fb, 0x1f200, 0x1f202,
  0x1f210, 0x1f23b, 0x1f240, 0x1f248, 0x1f250, 0x1f251, 0x1f260, 0x1f265, 0x20000, 0x2fffd, 0x30000, 0x3fffd,
];

function inWideTable(cp: number): boolean {
  let lo = 0;
  let hi = WIDE.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < WIDE[mid * 2]!) hi = mid - 1;
    else if (cp > WIDE[mid * 2 + 1]!) lo = mid + 1;
    else return true;
  }
  return false;
}

/** East Asian Wide or Fullwidth (x/text/width Kind EastAsianWide/EastAsianFullwidth). */
export function isEastAsianWide(cp: number): boolean {
  if (cp < 0x1100) return false;
  return inWideTable(cp) || emojiPresentation.test(ch(cp));
}

/** go-runewidth RuneWidth with EastAsianWidth=false (the CLI on a non-CJK locale). */
export function runeWidth(cp: number): number {
  if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp === 0xad) return 0;
  if (cp < 0x300) return 1;
  if (zeroWidth.test(ch(cp))) return 0;
  return isEastAsianWide(cp) ? 2 : 1;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * go-runewidth StringWidth: per grapheme cluster, the width of its first rune that
 * has a width (so "e" + combining accent is 1, a ZWJ emoji sequence is 2).
 */
export function stringWidth(s: string): number {
  // fast path: printable ASCII is one cell per byte
  if (/^[\x20-\x7e]*$/.test(s)) return s.length;
  let width = 0;
  for (const { segment } of graphemes.segment(s)) {
    for (const c of segment) {
      const w = runeWidth(c.codePointAt(0)!);
      if (w > 0) {
        width += w;
        break;
      }
    }
  }
  return width;
}
