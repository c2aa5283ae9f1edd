/** Comparisons in goals: `3` (exactly), `">= 3"`, `"< 2"`, `"!= 0"`. */
import type { Comparison } from './goal.ts';

const FORM = /^\s*(==|=|!=|>=|<=|>|<)?\s*(\d+)\s*$/;

/** Read `3`, `"3"` or `">= 3"`; undefined when it is none of them. */
export function parseComparison(value: string | number | boolean | null): Comparison | undefined {
  if (typeof value === 'number')
    return Number.isInteger(value) && value >= 0 ? { op: '==', value } : undefined;
  if (typeof value !== 'string') return undefined;
  const m = FORM.exec(value);
  if (!m) return undefined;
  const op = (m[1] === '=' || m[1] === undefined ? '==' : m[1]) as Comparison['op'];
  return { op, value: Number(m[2]) };
}

export function holds(c: Comparison, n: number): boolean {
  switch (c.op) {
    case '==':
      return n === c.value;
    case '!=':
      return n !== c.value;
    case '>=':
      return n >= c.value;
    case '<=':
      return n <= c.value;
    case '>':
      return n > c.value;
    case '<':
      return n < c.value;
  }
}

/** `exactly 3`, `at least 3`, `fewer than 2`… for sentences. */
export function comparisonText(c: Comparison): string {
  switch (c.op) {
    case '==':
      return `${c.value}`;
    case '!=':
      return `any number but ${c.value}`;
    case '>=':
      return `at least ${c.value}`;
    case '<=':
      return `at most ${c.value}`;
    case '>':
      return `more than ${c.value}`;
    case '<':
      return `fewer than ${c.value}`;
  }
}
