/**
 * End-to-end tests: the built site (`npm run build` first; `npm test` does) served by
 * `astro preview`, in Chromium — Playwright's own if installed, else the system's
 * (e2e/find-browser.ts says which and why).
 */
import { defineConfig } from '@playwright/test';
import { findBrowser } from './e2e/find-browser.ts';

const PORT = 4329;
const browser = findBrowser();

export default defineConfig({
  testDir: 'e2e',
  // two workers on a 2-core machine; the engine is CPU-bound
  workers: 2,
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    baseURL: `http://localhost:${PORT}`,
    browserName: 'chromium',
    launchOptions: { executablePath: browser.executablePath, args: browser.args },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `npx astro preview --port ${PORT} --host localhost`,
    url: `http://localhost:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
