import { describe, expect, it } from 'vitest';
import { catalogue, catalogueLayers } from './images/index.ts';
import { ALL_PROGRAMS } from './programs.ts';

describe('program registry', () => {
  it('has one program per name', () => {
    const seen = new Map<string, number>();
    for (const [name] of ALL_PROGRAMS) seen.set(name, (seen.get(name) ?? 0) + 1);
    expect([...seen].filter(([, n]) => n > 1).map(([name]) => name)).toEqual([]);
  });

  it("runs every program the catalogue's images carry (or says it is not simulated)", () => {
    const names = new Set(ALL_PROGRAMS.map(([name]) => name));
    const missing = new Set<string>();
    for (const image of catalogue())
      for (const layer of catalogueLayers(image))
        for (const entry of layer) {
          const name = entry.program?.split('@')[0];
          if (name !== undefined && !names.has(name))
            missing.add(`${name} (${image.repository} ${entry.path})`);
        }
    expect([...missing]).toEqual([]);
  });
});
