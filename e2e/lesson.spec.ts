import { expect, test } from '@playwright/test';
import { PROMPT, openLab, screen, type, waitForPrompt } from './terminal.ts';

/** The screen after the last `$ line`, with wrapped rows and column padding folded into single spaces. */
async function outputOf(page: Parameters<typeof screen>[0], line: string): Promise<string> {
  const text = await screen(page);
  return text
    .slice(text.lastIndexOf(`${PROMPT} ${line}`) + `${PROMPT} ${line}`.length)
    .replace(/\s+/g, ' ')
    .trim();
}

test('run nginx and read docker ps in the terminal', async ({ page }) => {
  await openLab(page);
  await type(page, 'docker run -d -p 8080:80 nginx');
  await waitForPrompt(page);
  expect(await screen(page)).toContain('Status: Downloaded newer image for nginx:latest');
  await type(page, 'docker ps');
  await waitForPrompt(page);
  const table = await outputOf(page, 'docker ps');
  expect(table).toMatch(/^CONTAINER ID IMAGE COMMAND CREATED STATUS PORTS NAMES /);
  expect(table).toMatch(
    / [0-9a-f]{12} nginx "\/docker-entrypoint\.…" .* Up .* 0\.0\.0\.0:8080->80\/tcp, \[::\]:8080->80\/tcp /,
  );
});

test('Ctrl-C stops docker logs -f and gives the prompt back', async ({ page }) => {
  await openLab(page);
  await type(page, 'docker run -d --name web nginx');
  await waitForPrompt(page);
  await type(page, 'docker logs -f web');
  await expect.poll(() => screen(page)).toContain('Configuration complete; ready for start up');
  // still following: no prompt after the logs
  expect((await screen(page)).split('\n').pop()).not.toBe(PROMPT);
  await page.keyboard.press('Control+C');
  await waitForPrompt(page);
  expect(await screen(page)).toContain('^C');
  await type(page, 'echo $?');
  await waitForPrompt(page);
  expect(await outputOf(page, 'echo $?')).toBe('130 root@node1:~#');
});

test('line editing and history at the prompt', async ({ page }) => {
  await openLab(page);
  await type(page, 'echo one');
  await waitForPrompt(page);
  await page.keyboard.insertText('echo tw');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.insertText('X');
  await page.keyboard.press('End');
  await page.keyboard.insertText('o');
  // Enter once the edited line shows, or waitForPrompt could take the last prompt for the next
  await expect.poll(async () => (await screen(page)).split('\n').pop()).toBe(`${PROMPT} echo Xtwo`);
  await page.keyboard.press('Enter');
  await waitForPrompt(page);
  expect(await screen(page)).toContain('echo Xtwo\nXtwo');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect.poll(async () => (await screen(page)).split('\n').pop()).toBe(`${PROMPT} echo one`);
  await page.keyboard.press('Enter');
  await waitForPrompt(page);
  expect((await screen(page)).split('\n').slice(-3)).toEqual([`${PROMPT} echo one`, 'one', PROMPT]);
});

test('the Run button types the block into the terminal', async ({ page }) => {
  await openLab(page);
  await page.getByRole('button', { name: 'Run in the terminal: docker run hello-world' }).click();
  await expect.poll(() => screen(page)).toContain('https://docs.docker.com/get-started/');
  await waitForPrompt(page);
  // the screen shows the end of hello-world's message; the start has scrolled up
  expect(await screen(page)).toContain('The Docker daemon streamed that output to the Docker client');
});

test('text a container prints cannot open links or touch the clipboard', async ({ page }) => {
  await openLab(page);
  await type(page, `printf 'a\\033]8;;https://example.com\\007link\\033]8;;\\007 \\033]52;c;aGk=\\007b\\n'`);
  await waitForPrompt(page);
  expect(await screen(page)).toContain('\nalink b\n');
  await expect(page.locator('.xterm a')).toHaveCount(0);
});

test('docker run -it: typed lines reach the container shell, Ctrl-D ends it', async ({ page }) => {
  await openLab(page);
  await type(page, 'docker run -it alpine sh');
  await waitForPrompt(page, '/ #');
  await page.keyboard.insertText('echo inside');
  await page.keyboard.press('Enter');
  await expect
    .poll(async () => (await screen(page)).split('\n').slice(-3))
    .toEqual(['/ # echo inside', 'inside', '/ #']);
  await page.keyboard.press('Control+D');
  await waitForPrompt(page);
});
