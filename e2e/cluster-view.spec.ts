/**
 * The cluster view and the API inspector on the services lesson (three nodes in a
 * swarm): scale a service in the terminal and see its tasks spread over the columns,
 * the text table say the same, the inspector show the CLI's `POST …/services/…/update`;
 * the clock controls pause, step and speed up; axe finds nothing wrong with both open.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { screen, type, waitForPrompt, PROMPT } from './terminal.ts';

const SERVICES = '/lessons/services/scale-a-service/';

async function openServices(page: Page): Promise<void> {
  await page.goto(SERVICES);
  await page.locator('.dy-term:not([hidden]) .xterm-rows').waitFor();
  await waitForPrompt(page, PROMPT);
}

const column = (page: Page, node: string) => page.locator(`.dy-cv-node[data-node="${node}"]`);
const cards = (page: Page, node: string) => column(page, node).locator('.dy-cv-card[data-kind="task"]');
const rows = (page: Page, node: string) =>
  page.locator(`.dy-cv-table tbody tr[data-node="${node}"][data-id]`);

test('scale a service: the cluster view, its table and the API inspector follow', async ({ page }) => {
  await openServices(page);
  await page.getByRole('button', { name: 'Cluster' }).click();
  const view = page.getByRole('region', { name: 'Cluster view' });
  await expect(view).toBeVisible();
  // three nodes, node1 the leader, all ready and active
  await expect(page.locator('.dy-cv-node')).toHaveCount(3);
  await expect(column(page, 'node1')).toHaveAttribute('aria-label', 'node1: Manager, Leader, Ready, Active');
  await expect(column(page, 'node2')).toHaveAttribute('aria-label', 'node2: Worker, Ready, Active');

  await type(page, 'docker service create --name web --replicas 3 -d nginx');
  await waitForPrompt(page);
  for (const node of ['node1', 'node2', 'node3']) await expect(cards(page, node)).toHaveCount(1);
  await expect(page.locator('.dy-cv-card[data-state="running"]')).toHaveCount(3);
  await expect(page.locator('.dy-cv-card').first()).toContainText('nginx:latest');

  await type(page, 'docker service scale web=6');
  await waitForPrompt(page);
  expect(await screen(page)).toContain('web scaled to 6');
  for (const node of ['node1', 'node2', 'node3']) await expect(cards(page, node)).toHaveCount(2);

  // the table says the same, row for card
  await page.getByRole('button', { name: 'Table' }).click();
  const table = page.getByRole('table');
  await expect(table).toBeVisible();
  for (const node of ['node1', 'node2', 'node3']) {
    await expect(rows(page, node)).toHaveCount(2);
    const ids = await cards(page, node).evaluateAll((cs) =>
      cs.map((c) => (c as HTMLElement).dataset.id).sort(),
    );
    const rowIds = await rows(page, node).evaluateAll((rs) =>
      rs.map((r) => (r as HTMLElement).dataset.id).sort(),
    );
    expect(rowIds).toEqual(ids);
  }
  await expect(rows(page, 'node2').first()).toContainText('nginx:latest');

  // the API inspector: what `docker service scale` sent
  await page.getByRole('button', { name: 'API' }).click();
  const api = page.getByRole('region', { name: 'API requests of the last command' });
  await expect(api).toContainText('docker service scale web=6');
  await expect(api.locator('.dy-api-req').first()).toContainText('HEAD /_ping 200 OK');
  const update = api.locator('.dy-api-req', { hasText: /POST \/v1\.\d+\/services\/\w+\/update/ });
  await expect(update).toHaveCount(1);
  await expect(update).toContainText('200 OK');
  await update.locator('summary').click();
  await expect(update.locator('pre').first()).toContainText('"Replicas": 6');

  // drain node3: its column says so and its tasks move away
  await type(page, 'docker node update --availability drain node3');
  await waitForPrompt(page);
  await expect(column(page, 'node3')).toHaveAttribute('data-availability', 'drain');
  await expect(column(page, 'node3').locator('.dy-cv-badge[data-kind="drain"]')).toHaveText('Drain');
  await expect(cards(page, 'node3')).toHaveCount(0);
  await expect(page.locator('.dy-cv-card[data-kind="task"]')).toHaveCount(6);

  await expect(page.locator('[data-action="cluster"]')).toHaveAttribute('aria-expanded', 'true');
  const axe = await new AxeBuilder({ page }).include('.dy-lab').analyze();
  expect(axe.violations).toEqual([]);
});

test('clock controls: pause holds virtual time, step moves it a second, speeds are buttons', async ({
  page,
}) => {
  await openServices(page);
  await page.getByRole('button', { name: 'Cluster' }).click();
  const time = page.locator('.dy-cv-time');
  await expect(time).toContainText(/Virtual time \d\d:\d\d:\d\d/);
  const pause = page.getByRole('button', { name: 'Pause' });
  await expect(pause).toBeEnabled();
  await pause.click();
  const resume = page.getByRole('button', { name: 'Resume' });
  await expect(resume).toHaveAttribute('aria-pressed', 'true');
  const held = await time.textContent();
  await page.waitForTimeout(1500);
  await expect(time).toHaveText(held!);
  const stepButton = page.getByRole('button', { name: 'Step 1 s' });
  await stepButton.click();
  await expect(time).not.toHaveText(held!);
  await resume.click();
  await expect(page.getByRole('button', { name: 'Pause' })).toHaveAttribute('aria-pressed', 'false');
  await expect(stepButton).toBeDisabled();
  await page.getByRole('button', { name: '16×' }).click();
  await expect(page.getByRole('button', { name: '16×' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: '1×' })).toHaveAttribute('aria-pressed', 'false');
});
