/**
 * The whole lab survives a reload (its input log is saved and replayed: containers,
 * images and files come back, the terminal's text and ↑ history too), a command still
 * running at the reload is running again after it, and Undo brings the lab back to just
 * before the last command; axe with the lab open after an Undo.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { PROMPT, openLab, screen, type, waitForPrompt } from './terminal.ts';

/** Reload once the save is made (a moment after a change), and wait for the lab's prompt (unless a command is running). */
async function reload(page: Page, prompt = true): Promise<void> {
  await page.waitForTimeout(1000);
  await page.reload();
  await page.locator('.dy-term:not([hidden]) .xterm-rows').waitFor();
  if (prompt) await waitForPrompt(page);
}

/** The names `docker ps` lists now. */
async function running(page: Page): Promise<string> {
  await type(page, 'docker ps --format "ps: {{.Names}} {{.Status}}"');
  await waitForPrompt(page);
  const text = await screen(page);
  return text.slice(text.lastIndexOf('{{.Status}}"'));
}

test('reload: the container is still there, ↑ recalls the last command, a following command follows again', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openLab(page);
  await type(page, 'docker run -d --name web nginx');
  await waitForPrompt(page);
  await type(page, 'echo hello > notes.txt');
  await waitForPrompt(page);

  await reload(page);
  const back = await screen(page);
  // (the notice wraps at the terminal's width)
  expect(back.replace(/\n/g, '')).toMatch(
    /Your lab from .* is back: its containers, images, swarm and files/,
  );
  // the terminal's text from before the reload
  expect(back).toContain(`Status: Downloaded newer image for nginx:latest`);
  expect(back).toContain(`${PROMPT} echo hello > notes.txt`);
  // ↑ recalls the last command typed before the reload
  await page.locator('.dy-term:not([hidden]) .xterm').click();
  await page.keyboard.press('ArrowUp');
  await expect
    .poll(async () => (await screen(page)).split('\n').pop())
    .toBe(`${PROMPT} echo hello > notes.txt`);
  await page.keyboard.press('Control+U');
  expect(await running(page)).toMatch(/ps: web Up [^\n]*second/);
  await type(page, 'cat notes.txt');
  await waitForPrompt(page);
  expect(await screen(page)).toContain(`${PROMPT} cat notes.txt\nhello`);

  // a command still following when the page goes is following again after it: Ctrl-C stops it
  await type(page, 'docker logs -f web');
  await expect.poll(() => screen(page)).toContain('Configuration complete; ready for start up');
  await reload(page, false);
  // its output so far is shown again, and it is still following: no prompt after it
  await expect.poll(() => screen(page)).toContain('start worker process');
  expect((await screen(page)).split('\n').pop()).not.toBe(PROMPT);
  await page.locator('.dy-term:not([hidden]) .xterm').click();
  await page.keyboard.press('Control+C');
  await waitForPrompt(page);
  await type(page, 'echo $?');
  await waitForPrompt(page);
  expect((await screen(page)).split('\n').slice(-2)).toEqual(['130', PROMPT]);
});

test('Undo brings back what the last command removed; twice goes further back; a reload keeps it', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openLab(page);
  const undo = page.locator('[data-action="undo"]');
  await expect(undo).toBeDisabled();
  await type(page, 'docker run -d --name web nginx');
  await waitForPrompt(page);
  await expect(undo).toBeEnabled();
  await type(page, 'docker rm -f web');
  await waitForPrompt(page);
  await expect(page.getByRole('button', { name: 'Undo the last command: docker rm -f web' })).toBeEnabled();

  // from the keyboard, as any button
  await undo.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText('Undone: docker rm -f web');
  await waitForPrompt(page);
  expect((await screen(page)).split('\n').slice(-2)).toEqual(['[undone: docker rm -f web]', PROMPT]);
  expect(await running(page)).toMatch(/ps: web Up [^\n]*second/);

  // the `docker ps` just run goes first, then the run: nothing is left
  await undo.click();
  await expect(page.getByRole('status')).toHaveText(/^Undone: docker ps/);
  await undo.click();
  await expect(page.getByRole('status')).toHaveText('Undone: docker run -d --name web nginx');
  await waitForPrompt(page);
  await expect(undo).toBeDisabled();
  await type(page, 'docker ps -aq | wc -l');
  await waitForPrompt(page);
  expect((await screen(page)).split('\n').slice(-2)).toEqual(['0', PROMPT]);

  // Undo after the reload too: the save is the undone lab
  await type(page, 'docker run -d --name api nginx');
  await waitForPrompt(page);
  await type(page, 'docker stop api');
  await waitForPrompt(page);
  await undo.click();
  await expect(page.getByRole('status')).toHaveText('Undone: docker stop api');
  await reload(page);
  expect(await running(page)).toMatch(/ps: api Up [^\n]*second/);

  const axe = await new AxeBuilder({ page }).include('.dy-lab').analyze();
  expect(axe.violations).toEqual([]);
});
