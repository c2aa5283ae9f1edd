/**
 * A Run button on every `sh` code block of a lesson with a lab. Expressive Code already
 * gives each block its Copy button; Run sends the block's text (its lines, run one
 * after another) to the lab panel, which types it into the terminal being shown.
 */
import { RUN_EVENT } from './lab-element.ts';

function blockText(pre: HTMLPreElement): string {
  const lines = pre.querySelectorAll('.ec-line');
  if (lines.length === 0) return pre.textContent ?? '';
  return [...lines].map((l) => l.textContent ?? '').join('\n');
}

export function addRunButtons(scope: ParentNode = document): void {
  for (const pre of scope.querySelectorAll<HTMLPreElement>('.sl-markdown-content pre[data-language="sh"]')) {
    const block = pre.closest('.expressive-code') ?? pre.parentElement!;
    if (block.querySelector('.dy-run')) continue;
    const command = blockText(pre).trim();
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'dy-run';
    button.textContent = 'Run';
    button.setAttribute('aria-label', `Run in the terminal: ${command}`);
    button.addEventListener('click', () => {
      document.dispatchEvent(new CustomEvent(RUN_EVENT, { detail: { command } }));
    });
    block.append(button);
  }
}
