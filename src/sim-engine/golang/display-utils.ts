/**
 * docker/cli cli/command/formatter/displayutils.go: TruncateID (12 characters after
 * any "sha256:"), Ellipsis (cut to a display width, East Asian wide characters
 * counting 2, with "…") and PrettyPrint (capitalise the first letter).
 */
import { sprintf } from './fmt-printf.ts';
import { isEastAsianWide } from './unicode.ts';
import { byteLength, runeCount, sliceBytes } from './utf8.ts';

const SHORT_LEN = 12;

/** formatter.TruncateID: drop the digest algorithm (anything up to ':'), keep 12 bytes. */
export function truncateID(id: string): string {
  const i = id.indexOf(':');
  if (i >= 0) id = id.slice(i + 1);
  if (byteLength(id) > SHORT_LEN) id = sliceBytes(id, 0, SHORT_LEN);
  return id;
}

function charWidth(cp: number): number {
  return isEastAsianWide(cp) ? 2 : 1;
}

/**
 * formatter.Ellipsis: fit `s` in `maxDisplayWidth` cells, ending in "…" when cut.
 * A width of 1 returns the first character whatever its width.
 */
export function ellipsis(s: string, maxDisplayWidth: number): string {
  if (maxDisplayWidth <= 0) return '';
  const rs = [...s];
  if (maxDisplayWidth === 1) return rs[0] ?? ''; // Go would index out of range on ""
  if (byteLength(s) === runeCount(s)) {
    if (rs.length <= maxDisplayWidth) return s;
    return rs.slice(0, maxDisplayWidth - 1).join('') + '…';
  }
  const display: number[] = [];
  let width = 0;
  for (const r of rs) {
    width += charWidth(r.codePointAt(0)!);
    display.push(width);
  }
  if (width <= maxDisplayWidth) return s;
  for (let i = 0; i < display.length - 1; i++) {
    if (display[i]! <= maxDisplayWidth - 1 && display[i + 1]! > maxDisplayWidth - 1) {
      return rs.slice(0, i + 1).join('') + '…';
    }
  }
  return s;
}

function capitalizeFirst(s: string): string {
  const n = byteLength(s);
  if (n === 0) return s;
  if (n === 1) return s.toLowerCase();
  // Go upper-cases the first byte and lower-cases the rest
  return s[0]!.toUpperCase() + s.slice(1).toLowerCase();
}

/** formatter.PrettyPrint: "ready" → "Ready", nil → "None". */
export function prettyPrint(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (typeof v === 'string') return capitalizeFirst(v);
  return capitalizeFirst(sprintf('%s', v));
}
