import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { LESSON, openLab } from './terminal.ts';

/** Every lesson page, as the course home lists them. */
async function lessonPages(page: Page): Promise<string[]> {
  await page.goto('/');
  const hrefs = await page
    .locator('main a[href^="/lessons/"]')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
  return [...new Set(hrefs)];
}

test('every lesson page loads with no console error', async ({ page }) => {
  const pages = await lessonPages(page);
  expect(pages).toContain(LESSON);
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${page.url()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
  // a missing file (the favicon, a font) is a console error too, but names no URL there
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`${page.url()}: ${r.status()} ${r.url()}`);
  });
  for (const url of ['/', ...pages]) {
    await page.goto(url);
    if (url !== '/') await expect(page.locator('dockyard-lab')).toHaveAttribute('data-state', 'ready');
  }
  expect(errors).toEqual([]);
});

/**
 * axe's violations on the page, as readable lines. One is Starlight's and left out:
 * its search button is labelled "Search" while its visible text also shows the
 * shortcut ("Search Ctrl K"), which label-content-name-mismatch flags.
 */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.flatMap((v) => {
    const nodes = v.nodes.filter(
      (n) => !(v.id === 'label-content-name-mismatch' && String(n.target) === 'button[data-open-modal=""]'),
    );
    return nodes.length > 0 ? [`${v.id}: ${v.help} (${nodes.map((n) => String(n.target)).join(' | ')})`] : [];
  });
}

test('axe finds no violation on the lesson page with the lab open', async ({ page }) => {
  await openLab(page);
  expect(await violations(page)).toEqual([]);
});

test('axe finds no violation on any lesson page, lab open', async ({ page }) => {
  test.slow();
  const found: string[] = [];
  for (const url of await lessonPages(page)) {
    await page.goto(url);
    await expect(page.locator('dockyard-lab')).toHaveAttribute('data-state', 'ready');
    for (const v of await violations(page)) found.push(`${url}: ${v}`);
  }
  expect(found).toEqual([]);
});

test('axe finds no violation on the course home', async ({ page }) => {
  await page.goto('/');
  expect(await violations(page)).toEqual([]);
});

test('the first load carries no xterm and no engine', async ({ request }) => {
  // the lesson's HTML, its stylesheets and its scripts: xterm, its CSS and the engine
  // come later, from the lab panel's lazy chunk (mount, page-lab)
  const html = await (await request.get(LESSON)).text();
  expect(html).not.toMatch(/xterm/i);
  for (const [, href] of html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g))
    expect(await (await request.get(href!)).text()).not.toContain('.xterm');
  const scripts = [...html.matchAll(/<script type="module" src="([^"]+)"/g)].map((m) => m[1]!);
  expect(scripts.join(' ')).toMatch(/LabPanel/);
  expect(scripts.join(' ')).not.toMatch(/mount|page-lab/);
});
