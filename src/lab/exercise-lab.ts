/**
 * An exercise's Check and Reset on the page's lab (loaded when the learner first
 * presses one of them, so the grader never weighs on the page's first load).
 *
 * Check grades the lab as it is now: a snapshot through the Engine API (lab-reach.ts,
 * by PageLab.reach, which records the HTTP goals' curl as the lab's input) while wall
 * time keeps driving the clock. Reset asks the lab panel for a new lab (the
 * `dockyard:reset-lab` event) after leaving the exercise's <Setup> for it to run after
 * the lesson's setup, then waits for that lab to be ready.
 */
import { grade, parseGoal, snapshot, type Grade } from '../sim-engine/index.ts';
import { currentLab, nextLab, setExtraSetup } from './current-lab.ts';
import type { SetupProblem } from './page-lab.ts';

/** The lab panel's reset request (src/components/lab-panel/lab-element.ts listens for it). */
const RESET_EVENT = 'dockyard:reset-lab';

export async function checkGoal(goalYaml: string): Promise<Grade> {
  const goal = parseGoal(goalYaml);
  const lab = await currentLab();
  await lab.ready;
  // the lab's reach: an HTTP goal's curl is an input to the lab, recorded for a replay
  return grade(goal, await snapshot(lab.reach(), goal));
}

/**
 * A fresh lab: the lesson's setup, then `setup`. Resolves with the setup commands that
 * failed, or rejects when nothing on the page answered the reset within `timeout` ms.
 */
export async function resetLab(setup: readonly string[], timeout = 15_000): Promise<SetupProblem[]> {
  setExtraSetup(setup);
  const next = nextLab();
  document.dispatchEvent(new CustomEvent(RESET_EVENT));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const lab = await Promise.race([
    next,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('the lab did not restart')), timeout);
    }),
  ]).finally(() => clearTimeout(timer));
  return lab.ready;
}
