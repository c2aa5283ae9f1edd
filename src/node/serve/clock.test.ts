import { describe, expect, it } from 'vitest';
import { Clock } from '../../sim-engine/clock.ts';
import { followWallClock } from './clock.ts';

describe('the served engine follows wall time', () => {
  it('catching up moves virtual time by the wall time elapsed, firing the timers on the way in order', async () => {
    let wall = 1000;
    const clock = new Clock(50_000);
    const fired: [string, number][] = [];
    clock.after(300, () => {
      fired.push(['a', clock.now()]);
      // a timer set by a firing one for "now" fires in the same catch-up
      clock.after(0, () => fired.push(['a+0', clock.now()]));
    });
    clock.after(900, () => fired.push(['b', clock.now()]));
    clock.after(5000, () => fired.push(['late', clock.now()]));
    const driver = followWallClock(clock, { wallNow: () => wall, idlePoll: 10_000 });
    try {
      wall += 1000;
      await driver.catchUp();
      expect(clock.now()).toBe(51_000);
      expect(fired).toEqual([
        ['a', 50_300],
        ['a+0', 50_300],
        ['b', 50_900],
      ]);
      wall += 4000;
      await driver.catchUp();
      expect(fired.at(-1)).toEqual(['late', 55_000]);
    } finally {
      driver.dispose();
    }
  });

  it('ticks on its own while nobody asks', async () => {
    const clock = new Clock(0);
    let fired = false;
    clock.after(20, () => (fired = true));
    const driver = followWallClock(clock, { idlePoll: 5 });
    try {
      await new Promise((r) => setTimeout(r, 80));
      expect(fired).toBe(true);
      expect(clock.now()).toBeGreaterThanOrEqual(20);
    } finally {
      driver.dispose();
    }
  });
});
