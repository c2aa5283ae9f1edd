/**
 * `npm run bench` (after `npm run build`): the lesson page in headless Chromium, from
 * the built site served by `astro preview`.
 *
 * - first-load JavaScript: every script the page fetches by its load event and idle
 *   time, with the lab panel's lazy chunks held back, gzipped here (level 9, as a CDN
 *   would serve it) — issue 6's target is 50 KB or less;
 * - the lab's own JavaScript (xterm, the engine), fetched when the panel appears;
 * - time from navigation to the terminal's first prompt, and to the output of a first
 *   command (`docker ps`), median of 5 cold loads — target 1 s;
 * - the lesson with an editor: its first-load JavaScript before the editor is opened
 *   (Monaco must not be in it), then what pressing Editor fetches (Monaco, its workers,
 *   its icon font) and how long until the editor shows.
 * Prints figures; asserts nothing.
 */
import { spawn } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import { findBrowser } from '../e2e/find-browser.ts';

const PORT = 4331;
const BASE = `http://localhost:${PORT}`;
const LESSON = '/lessons/containers/run-your-first-container/';
const EDITOR_LESSON = '/lessons/dockerfiles/write-your-first-dockerfile/';
const LAB_CHUNK = /\/_astro\/(mount|page-lab|files|persist|sim-engine)\.[^/]+\.js$/;
const rows = '.dy-term:not([hidden]) .xterm-rows';

async function serve(): Promise<() => void> {
  const server = spawn('npx', ['astro', 'preview', '--port', String(PORT), '--host', 'localhost'], {
    stdio: 'ignore',
    detached: true,
  });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${BASE}/`)).ok) return () => process.kill(-server.pid!);
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  process.kill(-server.pid!);
  throw new Error('astro preview did not start (is the site built? npm run build)');
}

/** Scripts a page loads, with their gzipped size; `hold` requests are aborted. */
async function scripts(page: Page, hold?: RegExp, url = LESSON): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  if (hold) await page.route(hold, (route) => route.abort());
  page.on('response', async (r) => {
    if (r.request().resourceType() !== 'script' || hold?.test(r.url())) return;
    sizes.set(new URL(r.url()).pathname, gzipSync(await r.body(), { level: 9 }).length);
  });
  await page.goto(`${BASE}${url}`, { waitUntil: 'load' });
  await page.evaluate(() => new Promise((r) => requestIdleCallback(() => r(null), { timeout: 3000 })));
  await page.waitForTimeout(500);
  return sizes;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

async function timeToOutput(browser: Browser): Promise<{ prompt: number; output: number }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const t0 = Date.now();
  await page.goto(`${BASE}${LESSON}`);
  await page.waitForFunction(
    (sel) => document.querySelector(sel)?.textContent?.includes('root@node1:~#'),
    rows,
    {
      polling: 'raf',
    },
  );
  const prompt = Date.now() - t0;
  await page.locator('.dy-term:not([hidden]) .xterm').click();
  await page.keyboard.insertText('docker ps');
  await page.keyboard.press('Enter');
  await page.waitForFunction(
    (sel) => document.querySelector(sel)?.textContent?.includes('CONTAINER ID'),
    rows,
    {
      polling: 'raf',
    },
  );
  const output = Date.now() - t0;
  await context.close();
  return { prompt, output };
}

/** The editor lesson: first-load JS before the editor opens, then what opening it fetches. */
async function editorFigures(browser: Browser): Promise<void> {
  const first = await scripts(await browser.newPage(), LAB_CHUNK, EDITOR_LESSON);
  console.log(
    `lesson page with an editor, first-load JS before the editor opens (gzip): ${kb(total(first))} in ${first.size} scripts`,
  );
  const page = await browser.newPage();
  await page.goto(`${BASE}${EDITOR_LESSON}`);
  await page.waitForFunction(
    (sel) => document.querySelector(sel)?.textContent?.includes('root@node1:~#'),
    rows,
  );
  const opened = new Map<string, number>();
  const pending: Promise<void>[] = [];
  page.on('response', (r) => {
    const path = new URL(r.url()).pathname;
    if (!/\.(js|ttf)$/.test(path)) return;
    pending.push(
      r.body().then(
        (body) => void opened.set(path, gzipSync(body, { level: 9 }).length),
        () => undefined,
      ),
    );
  });
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Editor' }).click();
  await page.locator('.dy-monaco .view-lines').waitFor();
  const shown = Date.now() - t0;
  // the YAML worker starts when a YAML file is opened: make one
  await page.locator('.dy-term:not([hidden]) .xterm').click();
  await page.keyboard.insertText("printf 'services: {}\\n' > stack.yml");
  await page.keyboard.press('Enter');
  await page.getByRole('tab', { name: 'stack.yml' }).click();
  await page.waitForTimeout(1500);
  await Promise.all(pending);
  console.log(
    `editor, loaded when Editor is pressed (gzip): ${kb(total(opened))}; shown ${shown} ms after the click`,
  );
  for (const [path, size] of [...opened].sort((a, b) => b[1] - a[1]))
    console.log(`  ${kb(size).padStart(9)}  ${path}`);
  await page.close();
}

async function main(): Promise<void> {
  const stop = await serve();
  const found = findBrowser();
  const browser = await chromium.launch({ executablePath: found.executablePath, args: found.args });
  try {
    const first = await scripts(await browser.newPage(), LAB_CHUNK);
    console.log(`lesson page, first-load JS (gzip): ${kb(total(first))} in ${first.size} scripts`);
    for (const [path, size] of [...first].sort((a, b) => b[1] - a[1]))
      console.log(`  ${kb(size).padStart(9)}  ${path}`);
    const all = await scripts(await browser.newPage());
    const lab = new Map([...all].filter(([path]) => !first.has(path)));
    console.log(`lab panel, loaded when it appears (gzip): ${kb(total(lab))}`);
    for (const [path, size] of [...lab].sort((a, b) => b[1] - a[1]))
      console.log(`  ${kb(size).padStart(9)}  ${path}`);
    const runs: { prompt: number; output: number }[] = [];
    for (let i = 0; i < 5; i++) runs.push(await timeToOutput(browser));
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    console.log(
      `navigation → first prompt: ${median(runs.map((r) => r.prompt))} ms; → first command's output (docker ps): ${median(runs.map((r) => r.output))} ms (median of ${runs.length} cold loads)`,
    );
    await editorFigures(browser);
  } finally {
    await browser.close();
    stop();
  }
}

await main();
