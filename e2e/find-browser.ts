// Which Chromium the e2e tests launch. Playwright's own download when it is there;
// else the system's Chromium (Debian's /usr/bin/chromium here, where Playwright's
// download is blocked); else, as root on Debian/Ubuntu, install it with apt-get;
// else stop and say what to install. Used by playwright.config.ts; `node e2e/find-browser.ts` prints the choice.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const SYSTEM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium'];

/** Flags for a system Chromium in a container: no sandbox, no GPU, no background traffic. */
export const SYSTEM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function playwrightsOwn(): string | undefined {
  try {
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

function system(): string | undefined {
  return SYSTEM.find((p) => existsSync(p));
}

function aptInstall(): string | undefined {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root || !existsSync('/usr/bin/apt-get')) return undefined;
  console.error('e2e: no Chromium found; installing Debian/Ubuntu package "chromium" with apt-get…');
  try {
    execFileSync('apt-get', ['update'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', 'chromium'], { stdio: 'inherit' });
  } catch {
    return undefined;
  }
  return system();
}

/**
 * `{ executablePath, args }` for Playwright's launchOptions: undefined executablePath
 * means Playwright's own browser. Throws with what to install when there is none.
 */
export function findBrowser(): { executablePath: string | undefined; args: string[] } {
  if (playwrightsOwn()) return { executablePath: undefined, args: [] };
  const path = system() ?? aptInstall();
  if (path) return { executablePath: path, args: SYSTEM_ARGS };
  throw new Error(
    "e2e: no Chromium to run the tests in. Install one of: Playwright's own " +
      '(`npx playwright install chromium`), or the system package (Debian: `apt-get install chromium`, ' +
      'Ubuntu: `apt-get install chromium-browser`), so that /usr/bin/chromium or /usr/bin/chromium-browser exists.',
  );
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(findBrowser());
