/**
 * The lab's editor on the Dockerfile lesson: typing in Monaco reaches the lab's files,
 * the build parser's diagnostics show as markers, `docker build` reads what was typed;
 * the lab (files and terminal history) comes back on reload; Reset lab starts afresh;
 * Monaco stays out of the first load; axe with the editor open.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { PROMPT, screen, type, waitForPrompt } from './terminal.ts';

const LESSON = '/lessons/dockerfiles/write-your-first-dockerfile/';

async function openLesson(page: Page): Promise<void> {
  await page.goto(LESSON);
  await page.locator('.dy-term:not([hidden]) .xterm-rows').waitFor();
  await waitForPrompt(page);
}

async function openEditor(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: 'Editor' });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  await expect(page.locator('.dy-monaco .monaco-editor')).toBeVisible();
}

/** The text Monaco shows for the open file (its rendered lines, which is all of a short file). */
async function editorText(page: Page): Promise<string> {
  return (await page.locator('.dy-monaco .view-lines').innerText()).replace(/\u00a0/g, ' ');
}

/** Click at the end of the file and type, a line at a time. */
async function typeAtEnd(page: Page, lines: string[]): Promise<void> {
  await page.locator('.dy-monaco .view-lines').click();
  await page.keyboard.press('Control+End');
  for (const line of lines) {
    await page.keyboard.press('Enter');
    await page.keyboard.insertText(line);
  }
}

test('edit the Dockerfile in the editor, see its mistake, build and run it; reload; reset', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openLesson(page);
  await openEditor(page);
  await expect(page.getByRole('tab', { name: 'Dockerfile' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { name: 'index.html' })).toBeVisible();
  expect(await editorText(page)).toContain('# Build an image that serves index.html with nginx.');

  // a misspelt instruction: the build parser's error, as a marker on its line
  // a Dockerfile of only a comment is already marked: BuildKit's "file with no instructions"
  await expect(page.locator('.dy-monaco .squiggly-error')).toHaveCount(1);
  await typeAtEnd(page, ['FORM nginx:alpine']);
  // F8 opens the marker under the cursor's next problem (the markers follow the typing by a moment)
  const widget = page.locator('.monaco-editor .marker-widget').first();
  await expect
    .poll(async () => {
      await page.keyboard.press('Escape');
      await page.keyboard.press('F8');
      return widget.innerText().catch(() => '');
    })
    .toContain('unknown instruction: FORM (did you mean FROM?)');
  await page.keyboard.press('Escape');

  // the edit is already on the node: docker build sees the same mistake
  await type(page, 'docker build -t app .');
  await waitForPrompt(page);
  expect(await screen(page)).toContain('unknown instruction: FORM (did you mean FROM?)');

  // fix it in the editor
  await page.locator('.dy-monaco .view-lines').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+End');
  await page.keyboard.insertText('FROM nginx:alpine');
  await typeAtEnd(page, ['COPY index.html /usr/share/nginx/html/index.html']);
  await expect(page.locator('.dy-monaco .squiggly-error')).toHaveCount(0);

  await type(page, 'docker build -t app .');
  await waitForPrompt(page);
  expect(await screen(page)).toContain('naming to docker.io/library/app:latest');
  await type(page, 'docker run --rm app cat /usr/share/nginx/html/index.html');
  await waitForPrompt(page);
  expect(await screen(page)).toContain('<h1>Hello from my first image!</h1>');

  // a file made in the terminal gets a tab
  await type(page, 'echo hi > notes.txt');
  await waitForPrompt(page);
  await expect(page.getByRole('tab', { name: 'notes.txt' })).toBeVisible();

  // reload: the files and the terminal's history come back (the save is debounced)
  await page.waitForTimeout(1500);
  await page.reload();
  await page.locator('.dy-term:not([hidden]) .xterm-rows').waitFor();
  await waitForPrompt(page);
  const restored = await screen(page);
  expect(restored).toContain('docker run --rm app cat /usr/share/nginx/html/index.html');
  expect(restored).toMatch(/Your lab from .* is back/);
  await openEditor(page);
  await expect.poll(() => editorText(page)).toContain('COPY index.html /usr/share/nginx/html/index.html');
  await expect(page.getByRole('tab', { name: 'notes.txt' })).toBeVisible();
  await type(page, 'cat Dockerfile');
  await waitForPrompt(page);
  expect(await screen(page)).toContain(
    `${PROMPT} cat Dockerfile\n# Build an image that serves index.html with nginx.\nFROM nginx:alpine\nCOPY index.html`,
  );

  // Reset lab: asks once, then starts again from the lesson's setup
  const reset = page.getByRole('button', { name: 'Reset lab' });
  await reset.click();
  await page.getByRole('button', { name: 'Reset: sure?' }).click();
  await expect(page.getByRole('status')).toContainText('The lab was reset');
  await waitForPrompt(page);
  expect(await screen(page)).not.toContain('docker run --rm app');
  await expect.poll(() => editorText(page)).not.toContain('FROM nginx:alpine');
  await expect(page.getByRole('tab', { name: 'notes.txt' })).toHaveCount(0);

  // and the reset lab is what a reload finds
  await page.reload();
  await page.locator('.dy-term:not([hidden]) .xterm-rows').waitFor();
  await waitForPrompt(page);
  expect(await screen(page)).not.toContain('Your lab from');
});

test('a compose file made in the terminal gets a tab, and the Compose schema checks it', async ({ page }) => {
  await openLesson(page);
  await openEditor(page);
  await type(page, `printf 'services:\\n  web:\\n    image: nginx\\n    replica: 2\\n' > stack.yml`);
  await waitForPrompt(page);
  await page.getByRole('tab', { name: 'stack.yml' }).click();
  await expect.poll(() => editorText(page)).toContain('replica: 2');
  // monaco-yaml's worker validates against the schema: `replica` is not a service property
  await expect(
    page.locator('.dy-monaco .squiggly-error, .dy-monaco .squiggly-warning').first(),
  ).toBeVisible();
  const widget = page.locator('.monaco-editor .marker-widget').first();
  await expect
    .poll(async () => {
      await page.keyboard.press('Escape');
      await page.keyboard.press('F8');
      return widget.innerText().catch(() => '');
    })
    .toContain('Property replica is not allowed');
});

test('a corrupt save gives a fresh lab with a notice and leaves other saves alone', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('dockyard-labs', 1);
      req.onupgradeneeded = () => req.result.createObjectStore('labs');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('labs', 'readwrite');
      tx.objectStore('labs').put(
        { version: 2, savedAt: 0, nodes: { node1: { home: 'nope' } } },
        '/lessons/dockerfiles/write-your-first-dockerfile/',
      );
      tx.objectStore('labs').put({ version: 1, savedAt: 1, nodes: {} }, '/some/other/lesson/');
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  });
  await openLesson(page);
  expect(await screen(page)).toContain('Your saved lab could not be read. This lab starts fresh');
  const other = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const req = indexedDB.open('dockyard-labs', 1);
        req.onsuccess = () => {
          const get = req.result.transaction('labs').objectStore('labs').get('/some/other/lesson/');
          get.onsuccess = () => resolve(get.result);
        };
      }),
  );
  expect(other).toEqual({ version: 1, savedAt: 1, nodes: {} });
});

test('Monaco is not in the first load of a page with an editor', async ({ request }) => {
  const html = await (await request.get(LESSON)).text();
  expect(html).not.toMatch(/monaco|codicon/i);
  for (const [, href] of html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g))
    expect(await (await request.get(href!)).text()).not.toMatch(/monaco-editor|codicon/);
  const scripts = [...html.matchAll(/<script type="module" src="([^"]+)"/g)].map((m) => m[1]!);
  expect(scripts.join(' ')).not.toMatch(/mount-editor|editor\.worker|yaml\.worker/);
  for (const src of scripts)
    expect(await (await request.get(src)).text()).not.toMatch(/monaco-editor|MonacoEnvironment/);
});

test('axe finds no violation with the editor open', async ({ page }) => {
  await openLesson(page);
  await openEditor(page);
  await expect(page.locator('.dy-monaco .view-lines')).toContainText('Build an image');
  const results = await new AxeBuilder({ page }).analyze();
  const found = results.violations.flatMap((v) => {
    // Starlight's search button (see pages.spec.ts)
    const nodes = v.nodes.filter(
      (n) => !(v.id === 'label-content-name-mismatch' && String(n.target) === 'button[data-open-modal=""]'),
    );
    return nodes.length > 0 ? [`${v.id}: ${v.help} (${nodes.map((n) => String(n.target)).join(' | ')})`] : [];
  });
  expect(found).toEqual([]);
});
