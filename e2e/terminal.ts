/** Reading and typing into a lesson's terminal, as a learner would. */
import { expect, type Page } from '@playwright/test';

export const LESSON = '/lessons/containers/run-your-first-container/';
export const PROMPT = 'root@node1:~#';

/** The shown terminal's screen as text, a line per row, trailing blanks trimmed. */
export async function screen(page: Page): Promise<string> {
  const rows = page.locator('.dy-term:not([hidden]) .xterm-rows');
  const text = await rows.innerText();
  return text
    .split('\n')
    .map((l) => l.replace(/\u00a0/g, ' ').trimEnd())
    .join('\n')
    .replace(/\n+$/, '');
}

/** Wait until the last line of the screen is an empty prompt: the last command ended. */
export async function waitForPrompt(page: Page, prompt = PROMPT): Promise<void> {
  await expect.poll(async () => (await screen(page)).split('\n').pop(), { timeout: 30_000 }).toBe(prompt);
}

/** Open the lesson and wait for the lab's first prompt. */
export async function openLab(page: Page): Promise<void> {
  await page.goto(LESSON);
  await page.locator('.dy-term:not([hidden]) .xterm-rows').waitFor();
  await waitForPrompt(page);
}

/** Type a line into the terminal and press Enter. */
export async function type(page: Page, line: string): Promise<void> {
  await page.locator('.dy-term:not([hidden]) .xterm').click();
  await page.keyboard.insertText(line);
  // Enter only once the line is on the screen: before that, the last line is still the
  // last prompt, and waitForPrompt would take it for the end of this command (a busy
  // machine renders late). Spaces are left out: a long line wraps, maybe at one.
  const bare = line.replace(/\s+/g, '');
  await expect
    .poll(async () => (await screen(page)).replace(/\s+/g, '').endsWith(bare), { timeout: 10_000 })
    .toBe(true);
  await page.keyboard.press('Enter');
}
