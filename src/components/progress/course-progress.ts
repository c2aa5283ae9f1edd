/**
 * `<dockyard-course-progress>`: on the course home, how many of each module's exercises
 * the learner has passed ("2 of 5 exercises done"), from the progress kept in this
 * browser. The list of modules is static HTML; this only adds the tallies once the
 * progress is read, and leaves them hidden if it cannot be.
 */
import { progressStore } from '../../lab/progress-store.ts';
import type { ProgressKey } from '../../lab/progress.ts';

export function doneText(done: number, of: number): string {
  return `${done} of ${of} exercise${of === 1 ? '' : 's'} done`;
}

export class DockyardCourseProgress extends HTMLElement {
  connectedCallback(): void {
    void this.#fill();
  }

  async #fill(): Promise<void> {
    const { exercises } = await progressStore().load();
    for (const line of this.querySelectorAll<HTMLElement>('.dy-module-progress[data-exercises]')) {
      const keys = JSON.parse(line.dataset.exercises!) as ProgressKey[];
      const done = keys.filter((k) => exercises.get(k)?.passed).length;
      line.textContent = doneText(done, keys.length);
      line.hidden = false;
    }
  }
}

if (!customElements.get('dockyard-course-progress'))
  customElements.define('dockyard-course-progress', DockyardCourseProgress);
