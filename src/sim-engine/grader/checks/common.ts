/** Property checks shared by several kinds: labels, environment, lists of names. */
import type { EnvSpec } from '../goal.ts';
import { envMismatches, envOf, envText } from '../values.ts';
import type { PropCheck, PropResult } from './kind.ts';

export function labelsCheck<T>(
  labelsOf: (obj: T) => Record<string, string> | null | undefined,
): PropCheck<T, Record<string, string>, unknown> {
  const text = (l: Record<string, string>) =>
    Object.entries(l)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ');
  return {
    want: (v) => `has the labels ${text(v)}`,
    check(obj, want) {
      const have = labelsOf(obj) ?? {};
      const wrong = Object.entries(want).filter(([k, v]) => have[k] !== v);
      if (wrong.length === 0) return { ok: true, phrase: `has the labels ${text(want)}` };
      return {
        ok: false,
        phrase: `has ${wrong.map(([k]) => (k in have ? `${k}=${have[k]}` : `no label ${k}`)).join(', ')}, not ${text(Object.fromEntries(wrong))}`,
      };
    },
  };
}

export function envCheck<T>(
  envLines: (obj: T) => readonly string[] | null | undefined,
): PropCheck<T, EnvSpec, unknown> {
  return {
    want: (v) => `has ${envText(v)} in its environment`,
    check(obj, want): PropResult {
      const wrong = envMismatches(want, envOf(envLines(obj)));
      if (wrong.length === 0) return { ok: true, phrase: `has ${envText(want)} in its environment` };
      return { ok: false, phrase: `has an environment where ${wrong.join(' and ')}` };
    },
  };
}

/** Every name in the goal's list must be among the object's (`is on the networks front, back`). */
export function namesCheck<T, C>(
  verb: string,
  namesOf: (obj: T, ctx: C) => string[],
): PropCheck<T, string[], C> {
  return {
    want: (v) => `${verb} ${v.join(', ')}`,
    check(obj, want, ctx) {
      const have = namesOf(obj, ctx);
      const missing = want.filter((n) => !have.includes(n));
      if (missing.length === 0) return { ok: true, phrase: `${verb} ${want.join(', ')}` };
      return {
        ok: false,
        phrase: `${verb} ${have.length ? have.join(', ') : 'none'}, not ${missing.join(', ')}`,
      };
    },
  };
}
