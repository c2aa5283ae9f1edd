/**
 * A section of named objects, as every kind of goal writes it (containers, services,
 * stacks, a stack's services…): `web: {…}` must exist with those properties, `web: null`
 * or `web: { absent: true }` must not exist, `any`/`all`/`none` are rules over every
 * object and `count` says how many there are.
 */
import type { Named, Quantified, Section } from './goal.ts';
import { comparison, readProps } from './parse-props.ts';
import { fail, type Reader, type YValue } from './yaml-reader.ts';

export type Props = Parameters<typeof readProps>[2];

export function section<P>(r: Reader, v: YValue, table: Props, kind: string): Section<P> {
  const out: Section<P> = { named: [], quantified: [] };
  for (const { key, keyAt, value } of r.entries(v, `a mapping of ${kind} names to what they must be`)) {
    if (key === 'count') {
      out.count = { value: comparison(r, value), ...value };
      continue;
    }
    if (key === 'any' || key === 'all' || key === 'none') {
      const props = readProps<P>(r, value, table as never, kind, key === 'any' ? ['count'] : []);
      const q: Quantified<P> = { quantifier: key, props, line: keyAt.line, path: keyAt.path };
      const count = r.entries(value).find((e) => e.key === 'count');
      if (count) q.count = comparison(r, count.value);
      out.quantified.push(q);
      continue;
    }
    out.named.push(named<P>(r, key, keyAt, value, table, kind));
  }
  return out;
}

function named<P>(
  r: Reader,
  name: string,
  keyAt: { line: number; path: string },
  value: YValue,
  table: Props,
  kind: string,
): Named<P> {
  const at = { name, line: keyAt.line, path: keyAt.path };
  if (r.isEmpty(value)) return { ...at, absent: true };
  const absent = r
    .entries(value, `a mapping of what the ${kind} must be, or null for "no such ${kind}"`)
    .find((e) => e.key === 'absent');
  if (absent) {
    const isAbsent = r.bool(absent.value);
    if (isAbsent && r.entries(value).length > 1)
      fail(absent.keyAt, `absent: true says there must be no ${kind} ${name}; it takes no other keys`);
    if (isAbsent) return { ...at, absent: true };
  }
  return { ...at, absent: false, props: readProps<P>(r, value, table as never, kind, ['absent']) };
}
