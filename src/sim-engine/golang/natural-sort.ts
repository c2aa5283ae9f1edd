/**
 * github.com/fvbommel/sortorder v1.1.0 NaturalLess, the order of `docker network
 * ls`, `volume ls`, `config ls`, `context ls` and `port`: runs of ASCII digits
 * compare as numbers ("abc2" < "abc12"), with fewer leading zeros first ("2" <
 * "02"); everything else compares bytewise, and digits sort before other bytes.
 */
import { encodeUtf8 } from './utf8.ts';

function isDigit(b: number): boolean {
  return b >= 0x30 && b <= 0x39;
}

function compareRuns(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/** sortorder.NaturalLess */
export function naturalLess(str1: string, str2: string): boolean {
  const s1 = encodeUtf8(str1);
  const s2 = encodeUtf8(str2);
  let i1 = 0;
  let i2 = 0;
  while (i1 < s1.length && i2 < s2.length) {
    const c1 = s1[i1]!;
    const c2 = s2[i2]!;
    const dig1 = isDigit(c1);
    const dig2 = isDigit(c2);
    if (dig1 !== dig2) return dig1; // digits before other characters
    if (!dig1) {
      // UTF-8 compares bytewise-lexicographically, no need to decode code points
      if (c1 !== c2) return c1 < c2;
      i1++;
      i2++;
      continue;
    }
    // digits: eat zeros, then all digits
    while (i1 < s1.length && s1[i1] === 0x30) i1++;
    while (i2 < s2.length && s2[i2] === 0x30) i2++;
    const nz1 = i1;
    const nz2 = i2;
    while (i1 < s1.length && isDigit(s1[i1]!)) i1++;
    while (i2 < s2.length && isDigit(s2[i2]!)) i2++;
    // if the lengths of the numbers without leading zeros differ, the shorter one is less
    if (i1 - nz1 !== i2 - nz2) return i1 - nz1 < i2 - nz2;
    // equally long: compare as strings
    const cmp = compareRuns(s1.slice(nz1, i1), s2.slice(nz2, i2));
    if (cmp !== 0) return cmp < 0;
    // otherwise, the one with fewer zeros is less
    if (nz1 !== nz2) return nz1 < nz2;
  }
  // identical so far: the shorter string sorts first
  return s1.length < s2.length;
}

/** A comparator for Array.prototype.sort giving NaturalLess order. */
export function naturalCompare(a: string, b: string): number {
  if (naturalLess(a, b)) return -1;
  if (naturalLess(b, a)) return 1;
  return 0;
}
