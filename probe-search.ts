import { launchChromium } from './scripts/harness/browser.ts';
import { serveStatic } from './scripts/harness/static-server.ts';
const [dist, ...rest] = process.argv.slice(2);
const queries: Array<[string, string]> = JSON.parse(rest[0]!);
const served = await serveStatic(dist!);
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(served.url + (process.env.PROBE_PATH ?? ''));
await page.keyboard.press('/');
await page.waitForSelector('dialog.ms-search[open]');
let ok = 0;
for (const [query, want] of queries) {
  await page.locator('#ms-search-input').fill(query);
  await page.waitForFunction((query) => {
    const dialog = document.querySelector<HTMLElement>('dialog.ms-search');
    return dialog && !dialog.hasAttribute('data-busy') && dialog.dataset.query === query;
  }, query);
  const top = (await page.locator('[role="option"] .ms-result__title').allInnerTexts()).slice(0, 5);
  const rank = top.indexOf(want);
  if (rank >= 0 && rank < 3) ok++;
  console.log(rank >= 0 && rank < 3 ? 'ok  ' : 'MISS', `[${rank}]`, query, '→', top.slice(0, 3).join(' | '));
}
console.log(ok, '/', queries.length);
await browser.close(); await served.close();
