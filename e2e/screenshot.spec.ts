/**
 * `npm run screenshot`: the README's picture of a lesson with its terminal
 * (docs/screenshot.png). Skipped in `npm test`, so the tests never change the tree.
 */
import { test } from '@playwright/test';
import { openLab, type, waitForPrompt } from './terminal.ts';

test.skip(!process.env.SCREENSHOT, 'only with SCREENSHOT=1 (npm run screenshot)');
test.use({ viewport: { width: 1440, height: 900 } });

test('screenshot of a lesson page with the terminal', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openLab(page);
  await page.getByRole('heading', { name: 'A web server in the background' }).scrollIntoViewIfNeeded();
  await page
    .getByRole('button', { name: 'Run in the terminal: docker run -d -p 8080:80 --name web nginx' })
    .click();
  await waitForPrompt(page);
  await type(page, 'docker ps --format "table {{.Names}}\\t{{.Image}}\\t{{.Status}}\\t{{.Ports}}"');
  await waitForPrompt(page);
  await page.screenshot({ path: 'docs/screenshot.png' });
});
