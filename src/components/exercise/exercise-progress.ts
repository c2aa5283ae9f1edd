/**
 * An exercise's progress on its page: recorded as the learner uses it (a Check, a hint,
 * the solution; lab/progress-store.ts) and shown in one line under its title — passed
 * or not and, in a challenge, what it is worth now ("Worth 7 of 10 points: 1 hint
 * shown"). Each change is announced on the document (PROGRESS_EVENT) for the
 * challenge's score. Storage that fails never stops the exercise: the line says so.
 */
import { afterCheck, afterHint, afterSolution, type ExerciseProgress } from '../../lab/progress.ts';
import { PROGRESS_EVENT, progressStore } from '../../lab/progress-store.ts';
import { pointsText, worthNow, type ScoredExercise } from '../../lab/progress-score.ts';

/** "12 May 2025" in the reader's language */
export function dayOf(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'long', year: 'numeric' });
}

/** The line under an exercise's title. */
export function stateText(p: ExerciseProgress, scored: ScoredExercise | undefined): string {
  if (!scored) return p.passed ? `Passed on ${dayOf(p.passed.at)}.` : '';
  const now = worthNow(scored, p);
  if (p.passed) return `Passed: ${now} of ${pointsText(scored.points)}.`;
  if (p.solutionShown) return `Worth 0 of ${pointsText(scored.points)}: the solution was shown.`;
  if (p.hintsShown > 0)
    return `Worth ${now} of ${pointsText(scored.points)}: ${p.hintsShown === 1 ? '1 hint' : `${p.hintsShown} hints`} shown.`;
  return `Worth ${pointsText(scored.points)}.`;
}

export class ExerciseProgressView {
  readonly #line: HTMLElement;
  readonly #lesson: string;
  readonly #id: string;
  readonly #scored: ScoredExercise | undefined;
  #notice = '';
  /** changes are made one after another, so none is lost to another's read */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(line: HTMLElement, lesson: string, id: string, scored: ScoredExercise | undefined) {
    this.#line = line;
    this.#lesson = lesson;
    this.#id = id;
    this.#scored = scored;
  }

  /** Show what is stored. */
  async load(): Promise<void> {
    const { progress, notice } = await progressStore().get(this.#lesson, this.#id);
    this.#notice = notice ?? '';
    this.#render(progress);
  }

  checked(passed: boolean): void {
    this.#record((p) => afterCheck(p, passed, new Date().toISOString()));
  }

  hintShown(shown: number): void {
    this.#record((p) => afterHint(p, shown));
  }

  solutionShown(): void {
    this.#record(afterSolution);
  }

  #record(change: (p: ExerciseProgress) => ExerciseProgress): void {
    this.#queue = this.#queue
      .then(() => progressStore().record(this.#lesson, this.#id, change))
      .then(
        (p) => {
          this.#notice = '';
          this.#render(p);
          document.dispatchEvent(new CustomEvent(PROGRESS_EVENT, { detail: p }));
        },
        (err: unknown) => {
          this.#notice = `Your progress could not be saved in this browser (${(err as Error)?.message ?? String(err)}).`;
          this.#line.textContent = this.#notice;
          this.#line.hidden = false;
        },
      );
  }

  #render(p: ExerciseProgress): void {
    const text = [stateText(p, this.#scored), this.#notice].filter(Boolean).join(' ');
    this.#line.textContent = text;
    this.#line.hidden = text === '';
    this.#line.classList.toggle('dy-ex-passed', p.passed !== null);
  }
}
