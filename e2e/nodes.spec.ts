import { expect, test } from '@playwright/test';
import { screen, type, waitForPrompt } from './terminal.ts';

test('a tab per node, each with its own prompt and shell', async ({ page }) => {
  await page.goto('/e2e/two-nodes/');
  const tabs = page.getByRole('tablist', { name: 'Lab nodes' }).getByRole('tab');
  await expect(tabs).toHaveText(['manager1', 'worker1']);
  await waitForPrompt(page, 'root@manager1:~#');
  await type(page, 'cat hello.txt');
  await waitForPrompt(page, 'root@manager1:~#');
  expect(await screen(page)).toContain('hello from the lab folder');

  await page.getByRole('tab', { name: 'worker1' }).click();
  await expect(page.getByRole('tab', { name: 'worker1' })).toHaveAttribute('aria-selected', 'true');
  // the setup's `cd /tmp` ran on worker1
  await waitForPrompt(page, 'root@worker1:/tmp#');
  await type(page, 'hostname');
  await waitForPrompt(page, 'root@worker1:/tmp#');
  expect(await screen(page)).toContain('root@worker1:/tmp# hostname\nworker1');

  // back with the keyboard: the first terminal kept its screen
  await page.getByRole('tab', { name: 'worker1' }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('tab', { name: 'manager1' })).toHaveAttribute('aria-selected', 'true');
  expect(await screen(page)).toContain('hello from the lab folder');

  // the Run button types into the terminal being shown
  await page.getByRole('button', { name: 'Run in the terminal: cat hello.txt' }).click();
  await expect.poll(async () => (await screen(page)).match(/hello from the lab folder/g)?.length).toBe(2);
});
