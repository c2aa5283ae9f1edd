/**
 * `<dockyard-progress>`: the Progress page's live part. The page's HTML lists the
 * course's exercises (from the build); this fills in what the learner did on each,
 * from the progress kept in this browser (lab/progress-store.ts), with each lesson's
 * and module's tally and each challenge's score. Export downloads the whole progress
 * as a file (lab/progress-file.ts); Import checks a file first — a bad one gets a
 * precise message and changes nothing — and merges a good one in.
 */
import { progressKey, type ExerciseProgress, type ProgressKey } from '../../lab/progress.ts';
import { progressStore } from '../../lab/progress-store.ts';
import { challengeScore, earned, type ScoredExercise } from '../../lab/progress-score.ts';
import {
  exportFileName,
  exportProgress,
  MAX_FILE_BYTES,
  parseProgressFile,
} from '../../lab/progress-file.ts';
import { dayOf } from '../exercise/exercise-progress.ts';

type Progress = Map<ProgressKey, ExerciseProgress>;

/** The state of one exercise, in words. */
export function stateOf(p: ExerciseProgress | undefined): string {
  if (p?.passed) return `Passed on ${dayOf(p.passed.at)}`;
  if (p && p.attempts > 0) return 'Not passed yet';
  if (p && (p.hintsShown > 0 || p.solutionShown)) return 'Started';
  return 'Not started';
}

const exercisesText = (n: number) => (n === 1 ? '1 exercise' : `${n} exercises`);

export class DockyardProgress extends HTMLElement {
  #progress: Progress = new Map();

  connectedCallback(): void {
    this.querySelector('[data-action="export"]')?.addEventListener('click', () => this.#export());
    const input = this.querySelector<HTMLInputElement>('[data-action="import"]');
    input?.addEventListener('change', () => void this.#import(input));
    void this.#load();
  }

  async #load(): Promise<void> {
    const { exercises, notice } = await progressStore().load();
    this.#progress = exercises;
    this.#render(notice);
  }

  #render(notice?: string): void {
    let passedAll = 0;
    let all = 0;
    for (const module of this.querySelectorAll<HTMLElement>('.dy-progress-module')) {
      let passed = 0;
      let count = 0;
      for (const lesson of module.querySelectorAll<HTMLElement>('[data-lesson]')) {
        const t = this.#renderLesson(lesson);
        passed += t.passed;
        count += t.count;
      }
      const summary = module.querySelector<HTMLElement>('.dy-progress-module-summary');
      if (summary)
        summary.textContent =
          count === 0 ? 'No exercises yet.' : `${passed} of ${exercisesText(count)} passed.`;
      passedAll += passed;
      all += count;
    }
    const summary = this.querySelector<HTMLElement>('.dy-progress-summary');
    if (summary)
      summary.textContent = [`You have passed ${passedAll} of the course’s ${exercisesText(all)}.`, notice]
        .filter(Boolean)
        .join(' ');
  }

  /** Fill in a lesson's rows and challenge score; its tally. */
  #renderLesson(lesson: HTMLElement): { passed: number; count: number } {
    const path = lesson.dataset.lesson!;
    const scored: ScoredExercise[] = [];
    const progress: (ExerciseProgress | undefined)[] = [];
    for (const row of lesson.querySelectorAll<HTMLTableRowElement>('tr[data-exercise]')) {
      const ex = { points: Number(row.dataset.points), hints: Number(row.dataset.hints) };
      const p = this.#progress.get(progressKey(path, row.dataset.exercise!));
      scored.push(ex);
      progress.push(p);
      const cell = (name: string) => row.querySelector<HTMLElement>(`[data-cell="${name}"]`);
      const state = cell('state')!;
      state.textContent = stateOf(p);
      state.dataset.state = p?.passed ? 'passed' : 'open';
      cell('attempts')!.textContent = String(p?.attempts ?? 0);
      cell('hints')!.textContent = `${Math.min(p?.hintsShown ?? 0, ex.hints)} of ${ex.hints}`;
      cell('solution')!.textContent = p?.solutionShown ? 'Shown' : 'Not shown';
      const points = cell('points');
      if (points) points.textContent = `${earned(ex, p)} of ${ex.points}`;
    }
    const score = challengeScore(scored, (i) => progress[i]);
    const line = lesson.querySelector<HTMLElement>('[data-score]');
    if (line) line.textContent = `Score: ${score.score} of ${score.max} points.`;
    return { passed: score.passed, count: score.exercises };
  }

  #export(): void {
    const now = new Date().toISOString();
    const blob = new Blob([exportProgress(this.#progress.values(), now)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = exportFileName(now);
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    this.#say(`Your progress (${exercisesText(this.#progress.size)}) was downloaded as ${a.download}.`);
  }

  async #import(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    input.value = ''; // choosing the same file again is a new import
    if (!file) return;
    if (file.size > MAX_FILE_BYTES)
      return this.#say(
        `${file.name} was not imported: it is too big to be a progress file (${Math.ceil(file.size / 1024)} KB; Dockyard’s are at most ${MAX_FILE_BYTES / 1024} KB). Nothing was changed.`,
        true,
      );
    let text: string;
    try {
      text = await file.text();
    } catch (err) {
      return this.#say(
        `${file.name} could not be read: ${(err as Error).message}. Nothing was changed.`,
        true,
      );
    }
    const parsed = parseProgressFile(text);
    if (!parsed.ok)
      return this.#say(`${file.name} was not imported. ${parsed.message} Nothing was changed.`, true);
    try {
      await progressStore().merge(parsed.exercises);
    } catch (err) {
      return this.#say(
        `${file.name} could not be imported: this browser refused to store it (${(err as Error).message}). Nothing was changed.`,
        true,
      );
    }
    await this.#load();
    this.#say(
      `Imported ${file.name}: ${exercisesText(parsed.exercises.length)}, merged with the progress in this browser.`,
    );
  }

  #say(text: string, error = false): void {
    const result = this.querySelector<HTMLElement>('.dy-progress-io-result');
    if (!result) return;
    result.textContent = text;
    result.classList.toggle('dy-progress-error', error);
  }
}

if (!customElements.get('dockyard-progress')) customElements.define('dockyard-progress', DockyardProgress);
