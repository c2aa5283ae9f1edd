/**
 * The results of a Check, written into the exercise's live region: a summary, then a
 * line per requirement — ✓ or ✗ (hidden from screen readers, which hear "passed" or
 * "not yet") and the grader's sentence. Text only: sentences name things the learner
 * typed, so they are never parsed as HTML.
 */
import type { Grade } from '../../sim-engine/index.ts';

export function renderMessage(region: HTMLElement, text: string): void {
  const p = document.createElement('p');
  p.className = 'dy-ex-summary';
  p.textContent = text;
  region.replaceChildren(p);
}

export function renderGrade(region: HTMLElement, grade: Grade): void {
  const passing = grade.lines.filter((l) => l.passed).length;
  const summary = document.createElement('p');
  summary.className = 'dy-ex-summary';
  summary.textContent = grade.passed
    ? `Well done: all ${grade.lines.length} checks pass.`
    : `${passing} of ${grade.lines.length} checks pass. Not there yet:`;
  const list = document.createElement('ul');
  for (const line of grade.lines) {
    const li = document.createElement('li');
    li.className = line.passed ? 'dy-ex-pass' : 'dy-ex-fail';
    const mark = document.createElement('span');
    mark.className = 'dy-ex-mark';
    mark.setAttribute('aria-hidden', 'true');
    mark.textContent = line.passed ? '✓' : '✗';
    const said = document.createElement('span');
    said.className = 'sr-only';
    said.textContent = line.passed ? 'Passed: ' : 'Not yet: ';
    const text = document.createElement('span');
    text.textContent = line.explain;
    li.append(mark, said, text);
    list.append(li);
  }
  region.replaceChildren(summary, list);
}
