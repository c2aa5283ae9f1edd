/**
 * Go's net.ParseIP and IP.String, for docker's address validators: IPv4 dotted
 * quads (no leading zeros), IPv6 with `::` and an optional trailing IPv4 part.
 * Returns the canonical text, or undefined where Go returns nil.
 */

function parseIPv4(s: string): number[] | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  const out: number[] = [];
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || (p.length > 1 && p[0] === '0')) return undefined;
    const n = Number(p);
    if (n > 255) return undefined;
    out.push(n);
  }
  return out;
}

function parseIPv6(s: string): number[] | undefined {
  // 16 bytes
  let head = s;
  let tail = '';
  const dbl = s.indexOf('::');
  if (dbl >= 0) {
    head = s.slice(0, dbl);
    tail = s.slice(dbl + 2);
    if (tail.includes('::')) return undefined;
  }
  const groups = (part: string): number[] | undefined => {
    if (part === '') return [];
    const bytes: number[] = [];
    const fields = part.split(':');
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i]!;
      if (i === fields.length - 1 && f.includes('.')) {
        const v4 = parseIPv4(f);
        if (!v4) return undefined;
        bytes.push(...v4);
        continue;
      }
      if (!/^[0-9a-fA-F]{1,4}$/.test(f)) return undefined;
      const n = parseInt(f, 16);
      bytes.push(n >> 8, n & 0xff);
    }
    return bytes;
  };
  const h = groups(head);
  const t = groups(tail);
  if (!h || !t) return undefined;
  if (dbl < 0) return h.length === 16 ? h : undefined;
  if (h.length + t.length > 14) return undefined;
  return [...h, ...new Array<number>(16 - h.length - t.length).fill(0), ...t];
}

function formatIPv6(b: number[]): string {
  const words: number[] = [];
  for (let i = 0; i < 16; i += 2) words.push((b[i]! << 8) | b[i + 1]!);
  // longest run of zeros (at least two words) is written as ::
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8;) {
    if (words[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = (ws: number[]) => ws.map((w) => w.toString(16)).join(':');
  if (bestStart < 0) return hex(words);
  return `${hex(words.slice(0, bestStart))}::${hex(words.slice(bestStart + bestLen))}`;
}

/** net.ParseIP(s).String(), or undefined when s is not an IP address. */
export function parseIP(s: string): string | undefined {
  const v4 = parseIPv4(s);
  if (v4) return v4.join('.');
  if (!s.includes(':')) return undefined;
  const v6 = parseIPv6(s);
  if (!v6) return undefined;
  // IPv4-mapped addresses print as IPv4
  if (v6.slice(0, 10).every((x) => x === 0) && v6[10] === 0xff && v6[11] === 0xff)
    return v6.slice(12).join('.');
  return formatIPv6(v6);
}
