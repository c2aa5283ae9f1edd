/**
 * Progress, challenges and Show goal as a learner meets them: pass an exercise and find
 * it on the Progress page; export it, lose the browser's storage, import the file and
 * find it back (a bad file changes nothing and says why); a challenge's exercise is
 * worth less after a hint, and its score says so; the course home counts what is done;
 * Show goal puts the goal beside the cluster view; axe finds nothing wrong.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openLab, PROMPT, type, waitForPrompt } from './terminal.ts';

const PUBLISH = 'Run nginx in the background, published on port 8080';
const CHALLENGE = '/lessons/containers/containers-challenge/';
const SITE = 'Serve nginx as site on port 9090';

const exercise = (page: Page, title: string) => page.getByRole('region', { name: title, exact: true });
const row = (page: Page, title: string) => page.getByRole('row', { name: new RegExp(`^${title}`) });
const cell = (page: Page, title: string, name: string) => row(page, title).locator(`[data-cell="${name}"]`);

/** Delete the progress database, as a browser evicting the site's storage would. */
async function forgetProgress(page: Page): Promise<void> {
  const outcome = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const req = indexedDB.deleteDatabase('dockyard-progress');
        req.onsuccess = () => resolve('deleted');
        req.onerror = () => resolve(`error: ${req.error?.message}`);
      }),
  );
  expect(outcome).toBe('deleted');
}

async function violations(page: Page): Promise<string[]> {
  const found = await new AxeBuilder({ page }).analyze();
  return found.violations.flatMap((v) =>
    v.nodes
      // Starlight's search button ("Search" labelled, "Search Ctrl K" shown), as in pages.spec.ts
      .filter(
        (n) => !(v.id === 'label-content-name-mismatch' && String(n.target) === 'button[data-open-modal=""]'),
      )
      .map((n) => `${v.id}: ${v.help} (${String(n.target)})`),
  );
}

test('pass an exercise, see it on the Progress page, export, lose storage, import, see it back', async ({
  page,
}) => {
  await openLab(page);
  const ex = exercise(page, PUBLISH);
  await type(page, 'docker run -d -p 8080:80 nginx');
  await waitForPrompt(page);
  await ex.getByRole('button', { name: 'Check' }).click();
  await expect(ex.getByRole('status')).toContainText('Well done');
  await expect(ex.locator('.dy-ex-state')).toHaveText(/^Passed on .*\d{4}\.?$/);

  await page.goto('/');
  await expect(page.locator('.dy-module-progress').first()).toHaveText(/^1 of \d+ exercises done$/);
  await page.getByRole('link', { name: 'Progress page' }).click();
  await expect(page).toHaveURL(/\/progress\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your progress');
  await expect(cell(page, PUBLISH, 'state')).toHaveText(/^Passed on .*\d{4}\.?$/);
  await expect(cell(page, PUBLISH, 'attempts')).toHaveText('1');
  await expect(page.locator('.dy-progress-summary')).toHaveText(
    /^You have passed 1 of the course’s \d+ exercises\.$/,
  );

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export progress' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^dockyard-progress-\d{4}-\d{2}-\d{2}\.json$/);
  const file = await download.path();
  const exported = JSON.parse(readFileSync(file, 'utf8'));
  expect(exported).toMatchObject({ format: 'dockyard-progress', version: 1 });
  expect(exported.exercises).toEqual([
    expect.objectContaining({
      lesson: '/lessons/containers/run-your-first-container/',
      exercise: 'publish-nginx',
      attempts: 1,
      passed: expect.objectContaining({ hintsShown: 0, solutionShown: false }),
    }),
  ]);

  await forgetProgress(page);
  await page.reload();
  await expect(cell(page, PUBLISH, 'state')).toHaveText('Not started');

  const input = page.getByLabel('Import progress from a file');
  const result = page.locator('.dy-progress-io-result');
  // a bad file: a precise message, nothing changed
  await input.setInputFiles({
    name: 'edited.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      JSON.stringify({ ...exported, exercises: [{ ...exported.exercises[0], attempts: -1 }] }),
    ),
  });
  await expect(result).toHaveText(
    'edited.json was not imported. The file cannot be imported: exercises[0].attempts must be a whole number from 0 to 1,000,000, not -1. Nothing was changed.',
  );
  await expect(cell(page, PUBLISH, 'state')).toHaveText('Not started');

  await input.setInputFiles(file);
  await expect(result).toHaveText(/^Imported .+: 1 exercise, merged with the progress in this browser\.$/);
  await expect(cell(page, PUBLISH, 'state')).toHaveText(/^Passed on .*\d{4}\.?$/);
  await page.reload();
  await expect(cell(page, PUBLISH, 'state')).toHaveText(/^Passed on .*\d{4}\.?$/);
  expect(await violations(page)).toEqual([]);
});

test('a challenge: a hint lowers what an exercise is worth, and the score says so', async ({ page }) => {
  await page.goto(CHALLENGE);
  await page.locator('.dy-term:not([hidden]) .xterm-rows').waitFor();
  await waitForPrompt(page, PROMPT);
  const score = page.locator('.dy-challenge-score');
  await expect(score).toHaveText('Score so far: 0 of 35 points — 0 of 3 exercises passed.');
  const ex = exercise(page, SITE);
  await expect(ex.locator('.dy-ex-state')).toHaveText('Worth 10 points.');
  await ex.getByRole('button', { name: 'Hint 1 of 2' }).click();
  await expect(ex.locator('.dy-ex-state')).toHaveText('Worth 7 of 10 points: 1 hint shown.');

  await type(page, 'docker run -d --name site -p 9090:80 nginx');
  await waitForPrompt(page);
  await ex.getByRole('button', { name: 'Check' }).click();
  await expect(ex.getByRole('status')).toContainText('Well done');
  await expect(ex.locator('.dy-ex-state')).toHaveText('Passed: 7 of 10 points.');
  await expect(score).toHaveText('Score so far: 7 of 35 points — 1 of 3 exercises passed.');
  // what is seen after the pass costs nothing
  await ex.getByRole('button', { name: 'Hint 2 of 2' }).click();
  await expect(ex.locator('.dy-ex-state')).toHaveText('Passed: 7 of 10 points.');
  expect(await violations(page)).toEqual([]);

  await page.goto('/progress/');
  const lesson = page.locator(`[data-lesson="${CHALLENGE}"]`);
  await expect(lesson.locator('[data-score]')).toHaveText('Score: 7 of 35 points.');
  await expect(cell(page, SITE, 'points')).toHaveText('7 of 10');
  await expect(cell(page, SITE, 'hints')).toHaveText('2 of 2');
});

test('Show goal puts the goal beside the cluster view, by keyboard too', async ({ page }) => {
  await page.goto('/lessons/services/scale-a-service/');
  const title = 'Scale web to six replicas, two on each node';
  const ex = exercise(page, title);
  const show = ex.getByRole('button', { name: 'Show goal' });
  await show.focus();
  await page.keyboard.press('Enter');
  const cluster = page.getByRole('region', { name: 'Cluster view' });
  const goal = page.getByRole('region', { name: `Goal: ${title}` });
  await expect(cluster).toBeVisible();
  await expect(goal).toBeVisible();
  await expect(goal).toContainText('replicas: 6');
  await expect(ex.getByRole('button', { name: 'Hide goal' })).toHaveAttribute('aria-expanded', 'true');
  await expect(ex.locator('[data-part="goal"]')).toBeHidden();
  // side by side: the goal to the right of the cluster view, on the same row
  const c = (await cluster.boundingBox())!;
  const g = (await goal.boundingBox())!;
  expect(g.x).toBeGreaterThanOrEqual(c.x + c.width - 1);
  expect(Math.abs(g.y - c.y)).toBeLessThan(2);
  expect(await violations(page)).toEqual([]);

  // the panel's own Hide goal puts it away and gives the focus back to the exercise
  await goal.getByRole('button', { name: 'Hide goal' }).click();
  await expect(goal).toBeHidden();
  await expect(show).toBeFocused();
  await expect(show).toHaveAttribute('aria-expanded', 'false');
});

test('axe finds no violation on the Progress page', async ({ page }) => {
  await page.goto('/progress/');
  await expect(page.locator('.dy-progress-summary')).toHaveText(/^You have passed/);
  expect(await violations(page)).toEqual([]);
});
