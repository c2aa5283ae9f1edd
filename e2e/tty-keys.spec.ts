/**
 * Keys typed into `docker run -it` / `docker exec -it` reach the container's terminal
 * through the engine: Ctrl-C interrupts what the container's shell runs (not the docker
 * command), Ctrl-D ends the shell, Ctrl-P Ctrl-Q detaches; lines typed before the
 * container's shell reads them wait for it.
 */
import { expect, test } from '@playwright/test';
import { PROMPT, openLab, screen, type, waitForPrompt } from './terminal.ts';

const lastLines = async (page: Parameters<typeof screen>[0], n: number) =>
  (await screen(page)).split('\n').slice(-n);

test('docker run -it: Ctrl-C interrupts sleep in the container, Ctrl-D ends its shell', async ({ page }) => {
  await openLab(page);
  await type(page, 'docker run -it --rm alpine sh');
  await waitForPrompt(page, '/ #');
  await type(page, 'sleep 100');
  // sleep runs in the container: no prompt after it
  await expect.poll(() => lastLines(page, 1)).toEqual(['/ # sleep 100']);
  await page.keyboard.press('Control+C');
  await expect.poll(() => lastLines(page, 3)).toEqual(['/ # sleep 100', '^C', '/ #']);
  await type(page, 'echo back');
  await expect.poll(() => lastLines(page, 3)).toEqual(['/ # echo back', 'back', '/ #']);
  await page.keyboard.press('Control+D');
  await waitForPrompt(page);
  await type(page, 'echo $?');
  await expect.poll(() => lastLines(page, 3)).toEqual([`${PROMPT} echo $?`, '0', PROMPT]);
  // --rm: the container is gone, so Ctrl-C did not stop the docker command early
  await type(page, 'docker ps -aq | wc -l');
  await expect.poll(() => lastLines(page, 2)).toEqual(['0', PROMPT]);
});

test('Ctrl-P Ctrl-Q detaches; docker attach and docker exec -it come back', async ({ page }) => {
  await openLab(page);
  await type(page, 'docker run -it --name box alpine sh');
  await waitForPrompt(page, '/ #');
  await page.keyboard.press('Control+P');
  await page.keyboard.press('Control+Q');
  await waitForPrompt(page);
  await type(page, "docker ps --format '{{.Names}} {{.Status}}'");
  await expect.poll(async () => (await lastLines(page, 2)).join('\n')).toMatch(/^box Up .*\n/);
  await type(page, 'docker attach box');
  await type(page, 'echo again');
  await expect.poll(() => lastLines(page, 2)).toEqual(['again', '/ #']);
  await page.keyboard.press('Control+P');
  await page.keyboard.press('Control+Q');
  await waitForPrompt(page);
  expect(await lastLines(page, 2)).toEqual(['/ # read escape sequence', PROMPT]);
  await type(page, 'docker exec -it box sh');
  await waitForPrompt(page, '/ #');
  await type(page, 'sleep 50');
  await page.keyboard.press('Control+C');
  await type(page, 'exit 3');
  await waitForPrompt(page);
  await type(page, 'echo $?');
  await expect.poll(() => lastLines(page, 2)).toEqual(['3', PROMPT]);
});

test('lines typed before the container shell reads them all reach it, in order', async ({ page }) => {
  await openLab(page);
  // pulled first: the pull's progress redraws would write over the keys' echo
  await type(page, 'docker pull alpine');
  await waitForPrompt(page);
  // the keys come while `sleep 1` runs: a pty's input queue keeps them for whoever reads
  // next; they are echoed as they are typed, before the container even starts
  await page.keyboard.type('sleep 1; docker run -it --rm alpine sh\necho a\necho b\nexit 4\n');
  await waitForPrompt(page);
  expect(await lastLines(page, 8)).toEqual([
    `${PROMPT} sleep 1; docker run -it --rm alpine sh`,
    'echo a',
    'echo b',
    'exit 4',
    '/ # a',
    '/ # b',
    '/ #',
    PROMPT,
  ]);
  await type(page, 'echo $?');
  await expect.poll(() => lastLines(page, 2)).toEqual(['4', PROMPT]);
});
