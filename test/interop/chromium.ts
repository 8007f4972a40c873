import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';

/** Where a Chromium (or Chrome) may already be: `CHROMIUM_PATH` first, then the usual places. */
const CANDIDATES = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
].filter((p): p is string => Boolean(p));

const INSTALL_SCRIPT = fileURLToPath(new URL('../../.ci/install-chromium.sh', import.meta.url));

/** A host name the browser resolves to this machine, for a page on an origin the API does not allow. */
export const FOREIGN_HOST = 'foreign.test';

/** The browser the tests drive, or why there is none. */
export type ChromiumFound = { path: string } | { reason: string };

const found = () => CANDIDATES.find((p) => existsSync(p));

/**
 * Finds Chromium, and where there is none installs Debian's with `.ci/install-chromium.sh`
 * when this machine can: Linux with apt-get, run as root. Elsewhere it says why not and how
 * to get one, so the browser tests are skipped with that reason rather than silently.
 * In CI (`CI` set) a missing browser is an error: the run must not pass without them.
 * `SKIP_BROWSER_INSTALL=1` looks but does not install.
 */
export function ensureChromium(log: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): ChromiumFound {
  const present = found();
  if (present) return { path: present };
  const manual = 'install Chromium (Debian/Ubuntu: sudo .ci/install-chromium.sh; macOS: brew install --cask chromium) or set CHROMIUM_PATH';
  let reason: string;
  if (process.env.SKIP_BROWSER_INSTALL === '1') reason = `no Chromium found and SKIP_BROWSER_INSTALL=1: ${manual}`;
  else if (process.platform !== 'linux' || !existsSync('/usr/bin/apt-get'))
    reason = `no Chromium found, and this is not a Debian-like Linux where the tests can install it: ${manual}`;
  else if (process.getuid?.() !== 0) reason = `no Chromium found, and installing it needs root: ${manual}`;
  else {
    log('browser tests: no Chromium found; installing Debian’s chromium with .ci/install-chromium.sh (once, about a minute)');
    const run = spawnSync('bash', [INSTALL_SCRIPT], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const installed = found();
    if (installed) {
      log(`browser tests: ${run.stdout.trim() || `using ${installed}`}`);
      return { path: installed };
    }
    reason = `installing Chromium failed (${(run.stderr || run.stdout || String(run.error ?? '')).trim().split('\n').at(-1)}): ${manual}`;
  }
  if (process.env.CI) throw new Error(`browser tests cannot run in CI: ${reason}`);
  log(`browser tests SKIPPED: ${reason}`);
  return { reason };
}

/**
 * Headless Chromium with nothing running in the background: no updates, sync or QUIC, so a
 * test only makes the requests it asks for. `FOREIGN_HOST` resolves to 127.0.0.1.
 */
export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--host-resolver-rules=MAP ${FOREIGN_HOST} 127.0.0.1`,
    ],
  });
}
