/**
 * `<dockyard-exercise>`: the buttons of an exercise (Exercise.astro renders the parts,
 * hidden). Plain buttons, so the keyboard and screen readers work as usual; the results
 * go to a polite live region, a line each with ✓ or ✗ and its sentence. The grader and
 * the engine load with the first Check or Reset (lab/exercise-lab.ts), not before.
 *
 * Checks, hints and the solution are recorded as the learner's progress
 * (exercise-progress.ts). Show goal puts the goal beside the cluster view when the lab
 * has one (goal-beside.ts), and shows it in place otherwise.
 */
import type * as ExerciseLab from '../../lab/exercise-lab.ts';
import { renderGrade, renderMessage } from './results.ts';
import { ExerciseProgressView } from './exercise-progress.ts';
import { hideGoalBeside, showGoalBeside, type GoalOwner } from './goal-beside.ts';

let labModule: Promise<typeof ExerciseLab> | undefined;

/** The page's lab panel, started if it has not been (its `start()` loads the terminal and the engine). */
function startLab(): void {
  const panel = document.querySelector('dockyard-lab') as (HTMLElement & { start?: () => unknown }) | null;
  panel?.start?.();
}

function exerciseLab(): Promise<typeof ExerciseLab> {
  startLab();
  labModule ??= import('../../lab/exercise-lab.ts');
  return labModule;
}

export class DockyardExercise extends HTMLElement {
  #hintsShown = 0;
  #onConfirm: (() => void) | undefined;
  #confirmFrom: HTMLButtonElement | undefined;
  #progress: ExerciseProgressView | undefined;
  #goalOwner: GoalOwner | undefined;

  connectedCallback(): void {
    const line = this.querySelector<HTMLElement>('.dy-ex-state');
    const { lesson, id, points } = this.dataset;
    if (line && lesson && id) {
      const hints = this.#part('hint').length;
      this.#progress = new ExerciseProgressView(
        line,
        lesson,
        id,
        points ? { points: Number(points), hints } : undefined,
      );
      void this.#progress.load();
    }
    for (const button of this.querySelectorAll<HTMLButtonElement>(
      '.dy-ex-actions button, .dy-ex-confirm button',
    ))
      button.addEventListener('click', () => this.#act(button));
    const goal = this.#part('goal')[0];
    const goalButton = this.#button('goal');
    if (goal && goalButton) {
      goal.id ||= `${this.id || `dy-ex-${this.dataset.id}`}-goal`;
      goalButton.setAttribute('aria-controls', goal.id);
    }
    this.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && !this.#confirm.hidden) this.#closeConfirm();
    });
  }

  get #results(): HTMLElement {
    return this.querySelector('.dy-ex-results')!;
  }

  get #confirm(): HTMLElement {
    return this.querySelector('.dy-ex-confirm')!;
  }

  #part(name: string): HTMLElement[] {
    return [...this.querySelectorAll<HTMLElement>(`[data-part="${name}"]`)];
  }

  #button(action: string): HTMLButtonElement | null {
    return this.querySelector(`button[data-action="${action}"]`);
  }

  #act(button: HTMLButtonElement): void {
    switch (button.dataset.action) {
      case 'check':
        return void this.check(button);
      case 'goal':
        return this.#toggleGoal(button);
      case 'hint':
        return this.#nextHint(button);
      case 'solution':
        return this.#ask(
          button,
          'Show the solution? Trying the hints first teaches more.',
          'Show the solution',
          () => this.#showSolution(),
        );
      case 'reset':
        return this.#ask(
          button,
          'Start the lab again from the lesson’s beginning and this exercise’s setup? What you did in the lab is lost.',
          'Reset the lab',
          () => void this.reset(button),
        );
      case 'yes': {
        const go = this.#onConfirm;
        this.#closeConfirm();
        return go?.();
      }
      case 'no':
        return this.#closeConfirm();
    }
  }

  async check(button: HTMLButtonElement): Promise<void> {
    button.disabled = true;
    renderMessage(this.#results, 'Checking the lab…');
    try {
      const lab = await exerciseLab();
      const grade = await lab.checkGoal(this.dataset.goal ?? '');
      renderGrade(this.#results, grade);
      this.#results.scrollIntoView({ block: 'nearest' });
      this.dataset.passed = String(grade.passed);
      this.#progress?.checked(grade.passed);
      if (grade.passed)
        this.dispatchEvent(
          new CustomEvent('dockyard:exercise-passed', { bubbles: true, detail: { id: this.dataset.id } }),
        );
    } catch (err) {
      renderMessage(this.#results, `The check could not run: ${(err as Error).message}`);
    } finally {
      button.disabled = false;
    }
  }

  async reset(button: HTMLButtonElement): Promise<void> {
    button.disabled = true;
    renderMessage(this.#results, 'Resetting the lab…');
    try {
      const lab = await exerciseLab();
      const problems = await lab.resetLab(JSON.parse(this.dataset.setup ?? '[]') as string[]);
      delete this.dataset.passed;
      renderMessage(
        this.#results,
        problems.length === 0
          ? 'The lab is back at this exercise’s start.'
          : `The lab was reset, but a setup command failed: ${problems.map((p) => `${p.command} (exit ${p.status})`).join(', ')}.`,
      );
    } catch (err) {
      renderMessage(this.#results, `The lab could not be reset: ${(err as Error).message}.`);
    } finally {
      this.#results.scrollIntoView({ block: 'nearest' });
      button.disabled = false;
    }
  }

  /** Show the goal beside the cluster view if the lab has one, else in place; or hide it. */
  #toggleGoal(button: HTMLButtonElement): void {
    const goal = this.#part('goal')[0];
    if (!goal) return;
    const open = button.getAttribute('aria-expanded') !== 'true';
    const shown = (on: boolean) => {
      button.setAttribute('aria-expanded', String(on));
      button.textContent = on ? 'Hide goal' : 'Show goal';
    };
    if (!open) {
      goal.hidden = true;
      if (this.#goalOwner) hideGoalBeside(this.#goalOwner);
      return shown(false);
    }
    this.#goalOwner ??= {
      title: this.querySelector('h3')?.textContent ?? '',
      yaml: this.dataset.goal ?? '',
      button,
      closed: () => {
        button.setAttribute('aria-controls', goal.id);
        shown(false);
      },
    };
    const beside = showGoalBeside(this.#goalOwner);
    if (beside) button.setAttribute('aria-controls', beside.id);
    else goal.hidden = false;
    shown(true);
  }

  #nextHint(button: HTMLButtonElement): void {
    const hints = this.#part('hint');
    const hint = hints[this.#hintsShown];
    if (!hint) return;
    hint.hidden = false;
    const label = hint.querySelector('.dy-ex-label');
    if (label && hints.length > 1) label.textContent = `Hint ${this.#hintsShown + 1} of ${hints.length}`;
    this.#hintsShown++;
    this.#progress?.hintShown(this.#hintsShown);
    hint.focus();
    if (this.#hintsShown >= hints.length) {
      button.disabled = true;
      button.textContent = hints.length === 1 ? 'Hint shown' : 'No more hints';
    } else button.textContent = `Hint ${this.#hintsShown + 1} of ${hints.length}`;
  }

  #showSolution(): void {
    const solution = this.#part('solution')[0];
    if (!solution) return;
    solution.hidden = false;
    this.#progress?.solutionShown();
    const button = this.#button('solution');
    if (button) {
      button.disabled = true;
      button.textContent = 'Solution shown';
    }
    solution.focus();
  }

  /** Ask before doing something that cannot be taken back; the question takes the focus. */
  #ask(from: HTMLButtonElement, question: string, yes: string, go: () => void): void {
    const box = this.#confirm;
    box.querySelector('p')!.textContent = question;
    const ok = box.querySelector<HTMLButtonElement>('[data-action="yes"]')!;
    ok.textContent = yes;
    box.hidden = false;
    this.#onConfirm = go;
    this.#confirmFrom = from;
    ok.focus();
  }

  #closeConfirm(): void {
    this.#confirm.hidden = true;
    this.#onConfirm = undefined;
    this.#confirmFrom?.focus();
    this.#confirmFrom = undefined;
  }
}

if (!customElements.get('dockyard-exercise')) customElements.define('dockyard-exercise', DockyardExercise);
