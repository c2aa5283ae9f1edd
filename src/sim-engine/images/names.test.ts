import { describe, expect, it } from 'vitest';
import { Random } from '../random.ts';
import { ADJECTIVES, SURNAMES, randomName } from './names.ts';

describe('randomName', () => {
  it("uses moby's lists", () => {
    expect(ADJECTIVES).toHaveLength(108);
    expect(SURNAMES).toHaveLength(236);
    expect(ADJECTIVES[0]).toBe('admiring');
    expect(SURNAMES).toContain('wozniak');
    expect(new Set(ADJECTIVES).size).toBe(ADJECTIVES.length);
    expect(new Set(SURNAMES).size).toBe(SURNAMES.length);
  });

  it('makes adjective_surname names from the given source', () => {
    const rng = new Random(7);
    for (let i = 0; i < 200; i++) {
      const [adjective, surname, ...rest] = randomName(() => rng.float()).split('_');
      expect(rest).toEqual([]);
      expect(ADJECTIVES).toContain(adjective);
      expect(SURNAMES).toContain(surname);
    }
  });

  it('is deterministic for a seed', () => {
    const a = new Random('seed');
    const b = new Random('seed');
    expect(randomName(() => a.float())).toBe(randomName(() => b.float()));
  });

  it('never says boring_wozniak', () => {
    const boring = ADJECTIVES.indexOf('boring') / ADJECTIVES.length;
    const wozniak = SURNAMES.indexOf('wozniak') / SURNAMES.length;
    const draws = [boring, wozniak, 0, 0];
    expect(randomName(() => draws.shift()!)).toBe('admiring_' + SURNAMES[0]);
  });

  it('appends one digit on a retry', () => {
    const draws = [0, 0, 0.75];
    expect(randomName(() => draws.shift()!, 1)).toBe(`admiring_${SURNAMES[0]}7`);
    expect(randomName(() => 0.9999999, 1)).toMatch(/^zen_\w+9$/);
  });
});
