/**
 * How a section of a goal is graded, the same for every kind of object: a named object
 * is looked up and each property it must have gives a line; `null` gives one line
 * ("there is no container named old"); `any`/`all`/`none` and `count` give one line
 * each. A kind only says how to name, find and check its objects (containers.ts,
 * services.ts…), each property check writing its own sentence.
 */
import { comparisonText, holds } from '../compare.ts';
import type { At, Named, Quantified, Requirement, Section } from '../goal.ts';
import type { Read } from '../snapshot.ts';

/** One line of a grade: whether it holds, and a sentence saying what the lab is like. */
export interface GradeLine {
  passed: boolean;
  explain: string;
  /** the goal's line this comes from */
  line: number;
  path: string;
}

/** A property check's answer: whether it holds, and what the object is like in words said after its name. */
export interface PropResult {
  ok: boolean;
  /** `is running` / `is exited, not running` */
  phrase: string;
}

/** One property: the requirement in words (`is running`, for any/all/none), and its check. */
export interface PropCheck<T, V, C, P = unknown> {
  want(value: V): string;
  /** `props`: every property the goal gives this object (a check may read a sibling: running reads image) */
  check(obj: T, value: V, ctx: C, props: P): PropResult;
  /**
   * For a property that is itself a section (a stack's services): the lines it gives on
   * a named object, one per requirement inside it. `check` still sums it up in one
   * phrase for `any`/`all`/`none`.
   */
  lines?(obj: T, value: V, ctx: C): GradeLine[];
}

type ValueOf<R> = R extends Requirement<infer V> ? V : never;

export interface Kind<T, P, C> {
  noun: string;
  plural: string;
  name(obj: T): string;
  find(all: readonly T[], name: string, ctx: C): T | undefined;
  /** every property, in the order lines are given */
  checks: { [K in keyof P]-?: PropCheck<T, ValueOf<NonNullable<P[K]>>, C, P> };
  /** a word on an object that should not exist (`(exited)`) */
  describe?(obj: T): string;
  /** where the objects are, for sentences about all of them (`in stack shop`: "There are 2 services in stack shop") */
  among?: string;
}

/** `service`, or `service in stack shop`: the noun of sentences about the whole section. */
const nounOf = <T, P, C>(kind: Kind<T, P, C>, noun: string) => (kind.among ? `${noun} ${kind.among}` : noun);

export const line = (at: At, passed: boolean, explain: string): GradeLine => ({
  passed,
  explain,
  line: at.line,
  path: at.path,
});

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The properties a goal gives, in the kind's order. */
function requirements<T, P, C>(
  kind: Kind<T, P, C>,
  props: P,
): [PropCheck<T, unknown, C, P>, Requirement<unknown>][] {
  const out: [PropCheck<T, unknown, C, P>, Requirement<unknown>][] = [];
  for (const key of Object.keys(kind.checks) as (keyof P & string)[]) {
    const req = props[key] as Requirement<unknown> | undefined;
    if (req) out.push([kind.checks[key] as PropCheck<T, unknown, C, P>, req]);
  }
  return out;
}

function results<T, P, C>(kind: Kind<T, P, C>, obj: T, props: P, ctx: C): (PropResult & At)[] {
  return requirements(kind, props).map(([c, req]) => ({
    ...c.check(obj, req.value, ctx, props),
    line: req.line,
    path: req.path,
  }));
}

function named<T, P, C>(kind: Kind<T, P, C>, all: readonly T[], goal: Named<P>, ctx: C): GradeLine[] {
  const obj = kind.find(all, goal.name, ctx);
  if (goal.absent) {
    return [
      obj === undefined
        ? line(goal, true, `There is no ${kind.noun} ${goal.name}`)
        : line(
            goal,
            false,
            `There is still a ${kind.noun} ${goal.name}${kind.describe ? ` ${kind.describe(obj)}` : ''}; it should be gone`,
          ),
    ];
  }
  if (obj === undefined) return [line(goal, false, `There is no ${kind.noun} ${goal.name}`)];
  const lines = requirements(kind, goal.props).flatMap(([c, req]) => {
    if (c.lines) return c.lines(obj, req.value, ctx);
    const r = c.check(obj, req.value, ctx, goal.props);
    return [line(req, r.ok, `${goal.name} ${r.phrase}`)];
  });
  return lines.length > 0 ? lines : [line(goal, true, `There is a ${kind.noun} ${goal.name}`)];
}

function quantified<T, P, C>(kind: Kind<T, P, C>, all: readonly T[], goal: Quantified<P>, ctx: C): GradeLine {
  const noun = nounOf(kind, kind.noun);
  const nouns = nounOf(kind, kind.plural);
  const checked = all
    .map((obj) => ({ obj, name: kind.name(obj), results: results(kind, obj, goal.props, ctx) }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const wants = requirements(kind, goal.props).map(([c, req]) => c.want(req.value));
  const rule = wants.length > 0 ? wants.join(' and ') : 'exists';
  const matching = checked.filter((c) => c.results.every((r) => r.ok));
  const misses = checked.filter((c) => !c.results.every((r) => r.ok));
  const why = (list: typeof misses) =>
    list
      .slice(0, 3)
      .map((c) => `${c.name} ${c.results.find((r) => !r.ok)!.phrase}`)
      .join('; ') + (list.length > 3 ? `; and ${list.length - 3} more` : '');
  const names = (list: typeof checked) => list.map((c) => c.name).join(', ');
  switch (goal.quantifier) {
    case 'any': {
      if (goal.count) {
        const ok = holds(goal.count, matching.length);
        const n = matching.length;
        const found = `${plural(n, noun, nouns)} ${n === 1 ? 'matches' : 'match'} "${rule}"`;
        return line(
          goal,
          ok,
          `${found}${n ? ` (${names(matching)})` : ''}; the goal is ${comparisonText(goal.count)}`,
        );
      }
      if (matching.length > 0) return line(goal, true, `${names(matching)} ${rule}`);
      return line(goal, false, `No ${noun} ${rule}${misses.length ? ` (${why(misses)})` : ''}`);
    }
    case 'all':
      if (misses.length === 0)
        return line(
          goal,
          true,
          all.length ? `Every ${noun} ${rule}` : `There are no ${nouns}, so none breaks the rule`,
        );
      return line(goal, false, `Not every ${noun} ${rule}: ${why(misses)}`);
    case 'none':
      if (matching.length === 0) return line(goal, true, `No ${noun} ${rule}`);
      return line(goal, false, `${names(matching)} ${rule}, and no ${noun} should`);
  }
}

export function gradeSection<T, P, C>(
  kind: Kind<T, P, C>,
  section: Section<P>,
  read: Read<readonly T[]> | undefined,
  ctx: C,
): GradeLine[] {
  if (!read || !read.ok) {
    const error = read && !read.ok ? read.error : 'not read';
    const at = [...(section.count ? [section.count] : []), ...section.named, ...section.quantified];
    return at.map((a) => line(a, false, `Cannot read the ${kind.plural}: ${error}`));
  }
  const all = read.value;
  const out: GradeLine[] = [];
  if (section.count) {
    const n = all.length;
    const ok = holds(section.count.value, n);
    out.push(
      line(
        section.count,
        ok,
        `There ${n === 1 ? 'is' : 'are'} ${plural(n, nounOf(kind, kind.noun), nounOf(kind, kind.plural))}${ok ? '' : `; the goal is ${comparisonText(section.count.value)}`}`,
      ),
    );
  }
  for (const goal of section.named) out.push(...named(kind, all, goal, ctx));
  for (const goal of section.quantified) out.push(quantified(kind, all, goal, ctx));
  return out;
}
