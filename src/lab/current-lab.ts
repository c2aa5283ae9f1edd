/**
 * The page's lab, for the panels that are not the terminal (an exercise's Check and
 * Reset): the lab panel makes a PageLab, which announces itself here, and whoever needs
 * it waits for it. A reset makes a new PageLab; it is announced in turn, so waiting for
 * "the next lab" is how an exercise knows its reset has happened.
 *
 * An exercise's Reset also leaves commands for the next lab to run after the lesson's
 * setup (its <Setup>): `resetWith` stores them, the next PageLab takes them.
 */
import type { PageLab } from './page-lab.ts';

let current: PageLab | undefined;
let waiting: ((lab: PageLab) => void)[] = [];
let extraSetup: string[] = [];

/** Called by each PageLab as it is made. */
export function announceLab(lab: PageLab): void {
  current = lab;
  const resolve = waiting;
  waiting = [];
  for (const r of resolve) r(lab);
}

/** Called by a PageLab as it is disposed. */
export function retireLab(lab: PageLab): void {
  if (current === lab) current = undefined;
}

/** The page's lab: the one there is, or the next one made. */
export function currentLab(): Promise<PageLab> {
  return current ? Promise.resolve(current) : nextLab();
}

/** The next lab made (after a reset). */
export function nextLab(): Promise<PageLab> {
  return new Promise((resolve) => waiting.push(resolve));
}

/** Commands the next lab runs after the lesson's setup (taken once). */
export function setExtraSetup(commands: readonly string[]): void {
  extraSetup = [...commands];
}

export function takeExtraSetup(): string[] {
  const out = extraSetup;
  extraSetup = [];
  return out;
}
