/**
 * Exercises on a lesson page, as a learner meets them: Check says line by line what is
 * not there yet, the learner types the solution into the terminal, Check passes; hints
 * come one at a time, the solution only after a question; Reset lab goes back to the
 * exercise's start; axe finds nothing wrong with the results on screen.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openLab, type, waitForPrompt } from './terminal.ts';

const SERVICES = '/lessons/services/scale-a-service/';

const PUBLISH = 'Run nginx in the background, published on port 8080';
const TIDY = 'Bring web back, and remove old';

const exercise = (page: Page, title: string) => page.getByRole('region', { name: title });
const results = (page: Page, title: string) => exercise(page, title).getByRole('status');

test('fail a check, read why, run the solution in the terminal, pass the check', async ({ page }) => {
  await openLab(page);
  const ex = exercise(page, PUBLISH);
  await ex.getByRole('button', { name: 'Check' }).click();
  await expect(results(page, PUBLISH)).toContainText('0 of 2 checks pass. Not there yet:');
  await expect(results(page, PUBLISH)).toContainText(
    '✗Not yet: No container is from nginx and is running and publishes 8080→80/tcp',
  );
  await expect(results(page, PUBLISH)).toContainText('GET http://localhost:8080 from node1 gets no answer');

  await type(page, 'docker run -d -p 8080:80 nginx');
  await waitForPrompt(page);
  await ex.getByRole('button', { name: 'Check' }).click();
  await expect(results(page, PUBLISH)).toContainText('Well done: all 3 checks pass.');
  await expect(results(page, PUBLISH).getByRole('listitem')).toHaveText([
    /✓Passed: .* is from nginx and is running and publishes 8080→80\/tcp$/,
    '✓Passed: GET http://localhost:8080 from node1 answers 200',
    '✓Passed: The answer to GET http://localhost:8080 from node1 contains "Welcome to nginx"',
  ]);
});

test('hints one at a time, the goal on demand, the solution after a question', async ({ page }) => {
  await page.goto('/lessons/containers/run-your-first-container/');
  const ex = exercise(page, PUBLISH);
  const hints = ex.locator('[data-part="hint"]');
  await expect(hints.nth(0)).toBeHidden();

  await ex.getByRole('button', { name: 'Hint 1 of 2' }).click();
  await expect(hints.nth(0)).toBeVisible();
  await expect(hints.nth(0)).toBeFocused();
  await expect(hints.nth(0)).toContainText('Hint 1 of 2');
  await expect(hints.nth(1)).toBeHidden();
  await ex.getByRole('button', { name: 'Hint 2 of 2' }).click();
  await expect(hints.nth(1)).toContainText('-p 8080:80');
  await expect(ex.getByRole('button', { name: 'No more hints' })).toBeDisabled();

  const goal = ex.getByRole('button', { name: 'Show goal' });
  await goal.click();
  await expect(ex.getByRole('button', { name: 'Hide goal' })).toHaveAttribute('aria-expanded', 'true');
  await expect(ex.locator('[data-part="goal"]')).toContainText('contains: Welcome to nginx');

  const solution = ex.locator('[data-part="solution"]');
  await ex.getByRole('button', { name: 'Show solution' }).click();
  await expect(ex.getByText('Show the solution? Trying the hints first teaches more.')).toBeVisible();
  await expect(ex.getByRole('button', { name: 'Show the solution' })).toBeFocused();
  await ex.getByRole('button', { name: 'Not yet' }).click();
  await expect(solution).toBeHidden();
  await expect(ex.getByRole('button', { name: 'Show solution' })).toBeFocused();

  // by keyboard this time
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(solution).toBeVisible();
  await expect(solution).toContainText('docker run -d -p 8080:80 nginx');
  await expect(ex.getByRole('button', { name: 'Solution shown' })).toBeDisabled();
});

test("Reset lab goes back to the lesson's start and the exercise's setup", async ({ page }) => {
  await openLab(page);
  await type(page, 'docker run -d --name mine alpine sleep 1d');
  await waitForPrompt(page);
  const ex = exercise(page, TIDY);
  await ex.getByRole('button', { name: 'Reset lab' }).click();
  await ex.getByRole('button', { name: 'Reset the lab' }).click();
  await expect(results(page, TIDY)).toHaveText('The lab is back at this exercise’s start.', {
    timeout: 30_000,
  });
  await ex.getByRole('button', { name: 'Check' }).click();
  await expect(results(page, TIDY).getByRole('listitem')).toHaveText([
    '✗Not yet: web is exited, not running',
    '✓Passed: web publishes 8080→80/tcp',
    '✗Not yet: There is still a container old (running); it should be gone',
  ]);
  await waitForPrompt(page);
  await type(page, 'docker ps -a --format "{{.Names}} {{.State}}"');
  await waitForPrompt(page);
  await type(page, 'docker start web && docker rm -f old');
  await waitForPrompt(page);
  await ex.getByRole('button', { name: 'Check' }).click();
  await expect(results(page, TIDY)).toContainText('Well done: all 3 checks pass.');
});

test('axe finds no violation with results, hints and the solution on screen', async ({ page }) => {
  await openLab(page);
  const ex = exercise(page, PUBLISH);
  await ex.getByRole('button', { name: 'Check' }).click();
  await expect(results(page, PUBLISH)).toContainText('checks pass');
  await ex.getByRole('button', { name: 'Hint 1 of 2' }).click();
  await ex.getByRole('button', { name: 'Show goal' }).click();
  await ex.getByRole('button', { name: 'Show solution' }).click();
  await ex.getByRole('button', { name: 'Show the solution' }).click();
  const found = await new AxeBuilder({ page }).analyze();
  const lines = found.violations.flatMap((v) =>
    v.nodes
      // Starlight's search button ("Search" labelled, "Search Ctrl K" shown), as in pages.spec.ts
      .filter(
        (n) => !(v.id === 'label-content-name-mismatch' && String(n.target) === 'button[data-open-modal=""]'),
      )
      .map((n) => `${v.id}: ${v.help} (${String(n.target)})`),
  );
  expect(lines).toEqual([]);
});

test('a swarm exercise: reset to its setup, scale the service, pass', async ({ page }) => {
  await page.goto(SERVICES);
  await page.locator('.dy-term:not([hidden]) .xterm-rows').waitFor();
  await waitForPrompt(page);
  const title = 'Scale web to six replicas, two on each node';
  const ex = exercise(page, title);
  await ex.getByRole('button', { name: 'Reset lab' }).click();
  await ex.getByRole('button', { name: 'Reset the lab' }).click();
  await expect(results(page, title)).toHaveText('The lab is back at this exercise’s start.', {
    timeout: 30_000,
  });
  await ex.getByRole('button', { name: 'Check' }).click();
  await expect(results(page, title).getByRole('listitem')).toHaveText([
    '✓Passed: web uses the image nginx',
    '✗Not yet: web is set to 2 replicas; the goal is 6',
    '✗Not yet: web runs 2 of 2 tasks on nginx; the goal is 6',
    /^✗Not yet: web runs tasks on node\d \(1\), node\d \(1\): 2 nodes in use, the goal is 3$/,
  ]);
  await waitForPrompt(page);
  await type(page, 'docker service scale -d web=6');
  await waitForPrompt(page);
  await expect
    .poll(
      async () => {
        await ex.getByRole('button', { name: 'Check' }).click();
        return results(page, title).innerText();
      },
      { timeout: 30_000, intervals: [1000] },
    )
    .toContain('Well done: all 4 checks pass.');
  await expect(results(page, title)).toContainText('web runs tasks on node1 (2), node2 (2), node3 (2)');
});
