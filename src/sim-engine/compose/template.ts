/**
 * Variable substitution in compose values — docker/cli cli/compose/template/template.go:
 * `$$` is a literal `$`; `$VAR` and `${VAR}`; `${VAR:-default}` (unset or empty),
 * `${VAR-default}` (unset), `${VAR:?message}` (error if unset or empty), `${VAR?message}`
 * (error if unset). Anything else after a `$` is an invalid template.
 *
 * Kept as Go has it, quirks included: an unbraced name takes the default syntax too and
 * runs to the end of the string (`$A-b c` is `$A` with default `b c`), and an error in one
 * substitution is forgotten when a later one in the same string succeeds.
 */

import { quote } from '../golang/index.ts';

/** template.Mapping: a variable's value and whether it is set. */
export type Mapping = (name: string) => [string, boolean];

export class InvalidTemplateError extends Error {
  readonly template: string;
  constructor(template: string) {
    super(`Invalid template: ${quote(template)}`);
    this.template = template;
  }
}

const SUBST = '[_a-z][_a-z0-9]*(?::?[-?][^}]*)?';
// `\$(?i:(?P<escaped>\$)|(?P<named>subst)|{(?P<braced>subst)}|(?P<invalid>))`
const PATTERN = new RegExp(`\\$(?:(\\$)|(${SUBST})|\\{(${SUBST})\\}|())`, 'gi');

type SubstituteFunc = (substitution: string, mapping: Mapping) => [string, boolean, Error | undefined];

function partition(s: string, sep: string): [string, string] {
  const i = s.indexOf(sep);
  return i < 0 ? [s, ''] : [s.slice(0, i), s.slice(i + sep.length)];
}

const softDefault: SubstituteFunc = (substitution, mapping) => {
  if (!substitution.includes(':-')) return ['', false, undefined];
  const [name, defaultValue] = partition(substitution, ':-');
  const [value, ok] = mapping(name);
  return [!ok || value === '' ? defaultValue : value, true, undefined];
};

const hardDefault: SubstituteFunc = (substitution, mapping) => {
  if (!substitution.includes('-')) return ['', false, undefined];
  const [name, defaultValue] = partition(substitution, '-');
  const [value, ok] = mapping(name);
  return [ok ? value : defaultValue, true, undefined];
};

function withRequired(sep: string, valid: (v: string) => boolean): SubstituteFunc {
  return (substitution, mapping) => {
    if (!substitution.includes(sep)) return ['', false, undefined];
    const [name, message] = partition(substitution, sep);
    const [value, ok] = mapping(name);
    if (!ok || !valid(value))
      return ['', true, new InvalidTemplateError(`required variable ${name} is missing a value: ${message}`)];
    return [value, true, undefined];
  };
}

const DEFAULT_SUBSTITUTE_FUNCS: SubstituteFunc[] = [
  softDefault,
  hardDefault,
  withRequired(':?', (v) => v !== ''),
  withRequired('?', () => true),
];

/** template.Substitute: the substituted string, or the last error the substitutions left. */
export function substitute(template: string, mapping: Mapping): { value: string; error?: Error } {
  let err: Error | undefined;
  const value = template.replace(
    PATTERN,
    (_m, escaped: string | undefined, named: string | undefined, braced: string | undefined) => {
      if (escaped) return escaped;
      const substitution = named || braced || '';
      if (substitution === '') {
        err = new InvalidTemplateError(template);
        return '';
      }
      for (const f of DEFAULT_SUBSTITUTE_FUNCS) {
        let v: string;
        let applied: boolean;
        [v, applied, err] = f(substitution, mapping);
        if (err) return '';
        if (!applied) continue;
        return v;
      }
      return mapping(substitution)[0];
    },
  );
  return { value, error: err };
}
