/** The pflag value types docker uses rarely, with pflag's parsing. */

/**
 * pflag ipNetSlice (`--default-addr-pool 10.10.0.0/16`): comma-separated CIDRs, each
 * kept as written after a check.
 */
export function parseIPNetSlice(raw: string): string[] {
  const out: string[] = [];
  for (const item of raw.split(',')) {
    const s = item.trim();
    const m = /^(.+)\/(\d{1,3})$/.exec(s);
    const v4 = m && /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(m[1]!);
    const ok =
      m &&
      (v4
        ? v4.slice(1).every((o) => Number(o) <= 255) && Number(m[2]) <= 32
        : m[1]!.includes(':') && Number(m[2]) <= 128);
    if (!ok) throw new Error(`invalid string being converted to CIDR: ${s}`);
    out.push(s);
  }
  return out;
}

/** pflag stringToString (`--docker host=…,ca=…`): `k=v` pairs, comma-separated (a CSV record). */
export function parseStringToString(raw: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (raw === '') return out;
  for (const pair of raw.split(',')) {
    const eq = pair.indexOf('=');
    if (eq < 0) throw new Error(`${pair} must be formatted as key=value`);
    out[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return out;
}
