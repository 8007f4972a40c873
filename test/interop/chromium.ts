import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium, as `.ci/install-chromium.sh` installs it. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** A host name the browser resolves to this machine, for a page on an origin the API does not allow. */
export const FOREIGN_HOST = 'foreign.test';

/**
 * Why the browser tests cannot run here, or null when they can. Only a developer machine
 * without Chromium may skip them: in CI (`CI` set) a missing browser must fail the run.
 */
export function chromiumUnavailable(): string | null {
  if (existsSync(CHROMIUM_PATH) || process.env.CI) return null;
  return `${CHROMIUM_PATH} is not installed (run .ci/install-chromium.sh); CI runs these tests`;
}

/**
 * Headless Chromium with nothing running in the background: no updates, sync or QUIC, so a
 * test only makes the requests it asks for. `FOREIGN_HOST` resolves to 127.0.0.1.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
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
