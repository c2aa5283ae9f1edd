/** Tab completion in the lesson terminal: docker's subcommands, flags and container names. */
import { expect, test, type Page } from '@playwright/test';
import { PROMPT, openLab, screen, type, waitForPrompt } from './terminal.ts';

const lastLine = async (page: Page) => (await screen(page)).split('\n').pop();

test('Tab completes subcommands, lists flags, and completes container names', async ({ page }) => {
  await openLab(page);
  const term = page.locator('.dy-term:not([hidden]) .xterm');
  await term.click();

  // one candidate: put in with a space after it
  await page.keyboard.insertText('docker ru');
  await page.keyboard.press('Tab');
  await page.keyboard.insertText('x');
  await expect.poll(() => lastLine(page)).toBe(`${PROMPT} docker run x`);
  await page.keyboard.press('Control+U');

  // several: the second Tab lists them below the line, and the prompt and line come back
  await page.keyboard.insertText('docker ps -');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect.poll(async () => (await screen(page)).includes('--all')).toBe(true);
  const shown = await screen(page);
  expect(shown).toMatch(/--filter/);
  expect(shown).toMatch(/--quiet/);
  expect(shown.split('\n').pop()).toBe(`${PROMPT} docker ps -`);
  await page.keyboard.press('Control+U');

  await type(page, 'docker run -d --name web nginx');
  await waitForPrompt(page);
  await term.click();
  await page.keyboard.insertText('docker stop w');
  await page.keyboard.press('Tab');
  await expect.poll(() => lastLine(page)).toBe(`${PROMPT} docker stop web`);
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await screen(page)).split('\n').slice(-2)).toEqual(['web', PROMPT]);
});
