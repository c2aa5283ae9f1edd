import { describe, expect, it } from 'vitest';
import { ALL_PROGRAMS } from './programs.ts';

describe('program registry', () => {
  it('has one program per name', () => {
    const seen = new Map<string, number>();
    for (const [name] of ALL_PROGRAMS) seen.set(name, (seen.get(name) ?? 0) + 1);
    expect([...seen].filter(([, n]) => n > 1).map(([name]) => name)).toEqual([]);
  });
});
