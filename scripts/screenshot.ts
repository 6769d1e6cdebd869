// Screenshots of the built site for the README and for review:
//   node scripts/screenshot.ts <page path> <out.png> [width] [light|dark] [height]
// The site is read from dist/, or from $SCREENSHOT_DIST (a build in a temporary folder).
import path from 'node:path';
import { launchChromium } from './harness/browser.ts';
import { serveStatic } from './harness/static-server.ts';

const [pagePath = '', out = 'screenshot.png', width = '1280', theme = 'light', height = '900'] = process.argv.slice(2);
const site = await serveStatic(path.resolve(process.env.SCREENSHOT_DIST ?? 'dist'));
const browser = await launchChromium();
try {
  const context = await browser.newContext({ viewport: { width: Number(width), height: Number(height) }, colorScheme: theme as 'light' | 'dark' });
  const page = await context.newPage();
  await page.goto(site.url + pagePath, { waitUntil: 'networkidle' });
  // A shot of a card at its #fragment: the arrival outline is for readers, not for the README.
  await page.addStyleTag({ content: '.ms-example:target { outline: none !important; }' });
  // Let smooth scrolling to a #fragment and the arrival highlight finish.
  await page.waitForTimeout(2500);
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await site.close();
}
