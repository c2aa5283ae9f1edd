/**
 * `<dockyard-challenge-score>`: a challenge's score so far and its maximum, from the
 * learner's progress in this browser; redrawn when an exercise records a change
 * (PROGRESS_EVENT). Its exercises (id, points, hints) are in its HTML, from the build.
 */
import { progressKey } from '../../lab/progress.ts';
import { PROGRESS_EVENT, progressStore } from '../../lab/progress-store.ts';
import { challengeScore, pointsText, type ScoredExercise } from '../../lab/progress-score.ts';

type Planned = ScoredExercise & { id: string };

export function scoreText(s: { score: number; max: number; passed: number; exercises: number }): string {
  return `Score so far: ${s.score} of ${pointsText(s.max)} — ${s.passed} of ${s.exercises} exercises passed.`;
}

export class DockyardChallengeScore extends HTMLElement {
  connectedCallback(): void {
    void this.#draw();
    document.addEventListener(PROGRESS_EVENT, this.#onProgress);
  }

  disconnectedCallback(): void {
    document.removeEventListener(PROGRESS_EVENT, this.#onProgress);
  }

  #onProgress = (): void => void this.#draw();

  async #draw(): Promise<void> {
    const lesson = this.dataset.lesson ?? '';
    const exercises = JSON.parse(this.dataset.exercises ?? '[]') as Planned[];
    const { exercises: progress, notice } = await progressStore().load();
    const score = challengeScore(exercises, (i) => progress.get(progressKey(lesson, exercises[i]!.id)));
    const line = this.querySelector<HTMLElement>('[data-score]');
    if (line) line.textContent = notice ? `${scoreText(score)} ${notice}` : scoreText(score);
  }
}

if (!customElements.get('dockyard-challenge-score'))
  customElements.define('dockyard-challenge-score', DockyardChallengeScore);
