import { describe, expect, it } from 'vitest';
import { Clock } from './clock.ts';

describe('Clock', () => {
  it('fires timers in due order, same-instant ones in the order scheduled, each at its own time', () => {
    const clock = new Clock(1000);
    const seen: string[] = [];
    clock.after(20, () => seen.push(`b@${clock.now()}`));
    clock.after(10, () => {
      seen.push(`a@${clock.now()}`);
      clock.after(5, () => seen.push(`a2@${clock.now()}`));
    });
    clock.after(20, () => seen.push(`c@${clock.now()}`));
    expect(clock.nextDue()).toBe(1010);
    expect(clock.advanceTo(1100)).toBe(4);
    expect(seen).toEqual(['a@1010', 'a2@1015', 'b@1020', 'c@1020']);
    expect(clock.now()).toBe(1100);
  });

  it('keeps whole milliseconds: a fractional timer waits for the next one, a fractional advance stops short', () => {
    const clock = new Clock(1000.7);
    expect(clock.now()).toBe(1000);
    let fired = false;
    clock.after(0.2, () => (fired = true));
    expect(clock.nextDue()).toBe(1001);
    clock.advanceTo(1000.9);
    expect([clock.now(), fired]).toEqual([1000, false]);
    clock.advanceBy(1);
    expect([clock.now(), fired]).toEqual([1001, true]);
  });

  it('cancels a timer and reports none pending', () => {
    const clock = new Clock(0);
    const t = clock.after(5, () => {
      throw new Error('cancelled timers do not fire');
    });
    clock.cancel(t);
    expect(clock.pending).toBe(0);
    expect(clock.step()).toBe(false);
  });
});
