import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestGateway, startLocalServer } from '../support/gateway.js';
import { ensureChromium, FOREIGN_HOST, launchChromium } from './chromium.js';
import { queryPage, type ServedPage, servePage } from './page-server.js';

// Finds Chromium, or installs it where this machine can; otherwise the reason is printed and
// names the skipped suite (ensureChromium).
const chromium = ensureChromium();

const PUTIN = '{ leader(id: "leader:vladimir-putin") { name country { name } } }';

describe.skipIf('reason' in chromium)(
  `a browser calling the local server${'reason' in chromium ? ` (SKIPPED: ${chromium.reason})` : ''}`,
  () => {
    let api: Awaited<ReturnType<typeof startLocalServer>>;
    let browser: Browser;
    const pages: ServedPage[] = [];

    beforeAll(async () => {
      api = await startLocalServer(await createTestGateway());
      browser = await launchChromium('path' in chromium ? chromium.path : '');
    });
    afterAll(async () => {
      await browser?.close();
      await Promise.all(pages.map((p) => p.close()));
      await api?.close();
    });

    /** Opens the query page from `host` on its own port and waits until its script has finished. */
    async function openQueryPage(host: string): Promise<{ page: Page; state: string; text: string; messages: string[] }> {
      const served = await servePage(queryPage(api.url, PUTIN));
      pages.push(served);
      const page = await browser.newPage();
      const messages: string[] = [];
      page.on('console', (message) => messages.push(message.text()));
      await page.goto(`http://${host}:${served.port}/`);
      const result = page.locator('#result:not([data-state="pending"])');
      await result.waitFor({ timeout: 10_000 });
      return { page, state: (await result.getAttribute('data-state')) ?? '', text: (await result.textContent()) ?? '', messages };
    }

    it('lets a page on another localhost origin POST a query with fetch and read the answer', async () => {
      const { page, state, text } = await openQueryPage('127.0.0.1');
      expect(state).toBe('done');
      const body = JSON.parse(text) as { data: { leader: { name: string; country: { name: string } } }; errors?: unknown };
      expect(body.errors).toBeUndefined();
      expect(body.data.leader).toEqual({ name: 'Vladimir Putin', country: { name: 'Russia' } });
      await page.close();
    });

    it('keeps a page on a foreign origin from reading the answer (CORS)', async () => {
      const { page, state, messages } = await openQueryPage(FOREIGN_HOST);
      expect(state).toBe('failed');
      expect(messages.join('\n')).toMatch(/blocked by CORS policy/);
      await page.close();
    });

    it("shows Apollo's landing page with the embedded Sandbox at the API URL", async () => {
      const page = await browser.newPage();
      // The page's scripts come from Apollo's CDN; the test checks what this server sends, offline.
      await page.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
      const response = await page.goto(api.url, { waitUntil: 'domcontentloaded' });
      expect(response?.status()).toBe(200);
      expect(response?.headers()['content-type']).toMatch(/^text\/html/);
      expect(await page.title()).toBe('Apollo Server');
      expect(await page.locator('#embeddableSandbox').count()).toBe(1);
      expect(await page.content()).toContain('https://embeddable-sandbox.cdn.apollographql.com/');
      await page.close();
    });
  },
);
