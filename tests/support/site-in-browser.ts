import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from '../../scripts/harness/browser.ts';
import { serveStatic } from '../../scripts/harness/static-server.ts';

/**
 * The built site served on 127.0.0.1 and a Chromium to browse it, for one test file: started
 * before its tests, closed after them. Read `browser` and `url` inside tests or hooks.
 */
export function siteInBrowser(dist: string, base = '/') {
  const state = {} as { browser: Browser; url: string; close: () => Promise<void> };
  beforeAll(async () => {
    const site = await serveStatic(dist, base);
    state.url = site.url;
    state.close = site.close;
    state.browser = await launchChromium();
  });
  afterAll(async () => {
    await state.browser?.close();
    await state.close?.();
  });
  return state;
}
