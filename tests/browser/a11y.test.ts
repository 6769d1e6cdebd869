// Accessibility: axe-core in Debian's Chromium on the built default site, light and dark: the
// home page, a chapter page (badges, example cards, code, math) and the open search dialog.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { siteInBrowser } from '../support/site-in-browser.ts';

interface AxeNode {
  target: string[];
  html: string;
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

const dist = inject('builtSite');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const spec = JSON.parse(readFileSync(path.join(dist, 'spec.json'), 'utf8'));
const exampleList = Object.values(spec.examples) as Array<{ chapter: string; url: string }>;
/** The chapter with the most example cards, so cards, grades and badges are all checked. */
const chapterPath = (() => {
  const counts = new Map<string, number>();
  for (const example of exampleList) counts.set(new URL(example.url).pathname, (counts.get(new URL(example.url).pathname) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
})();
/** A word that is certainly in the index: from the first section title. */
const searchWord = (spec.sections[1]?.title ?? spec.sections[0].title).split(/\W+/).find((word: string) => word.length >= 5) ?? 'model';

const site = siteInBrowser(dist);

async function open(pathname: string, colorScheme: 'light' | 'dark'): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme, reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(site.url + pathname.replace(/^\//, ''), { waitUntil: 'load' });
  return { page, close: () => context.close() };
}

/** axe-core's violations for the whole document, in a form that reads well in a failure. */
async function violations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const found = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  })) as AxeViolation[];
  return found.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ${node.target.join(' ')} — ${node.html.slice(0, 160)}\n    ${(node.failureSummary ?? '').replace(/\n/g, '\n    ')}`,
    ),
  );
}

describe.each(['light', 'dark'] as const)('axe-core finds no violations (%s)', (colorScheme) => {
  test('home page', async () => {
    const { page, close } = await open('/', colorScheme);
    try {
      expect(await violations(page)).toEqual([]);
    } finally {
      await close();
    }
  });

  test(`chapter page ${chapterPath}`, async () => {
    const { page, close } = await open(chapterPath, colorScheme);
    try {
      expect(await page.locator('.ms-example').count()).toBeGreaterThan(0);
      expect(await violations(page)).toEqual([]);
    } finally {
      await close();
    }
  });

  test('the other chapter pages (code, math, prompts, commentary)', async () => {
    const others = (spec.chapters as Array<{ url: string }>).map((chapter) => new URL(chapter.url).pathname).filter((pathname) => pathname !== chapterPath);
    expect(others.length).toBeGreaterThan(0);
    const { page, close } = await open(others[0]!, colorScheme);
    try {
      const found: string[] = [];
      for (const pathname of others) {
        await page.goto(site.url + pathname.replace(/^\//, ''), { waitUntil: 'load' });
        found.push(...(await violations(page)).map((violation) => `${pathname}: ${violation}`));
      }
      expect(found).toEqual([]);
    } finally {
      await close();
    }
  });

  test(`search dialog with results for “${searchWord}”`, async () => {
    const { page, close } = await open(chapterPath, colorScheme);
    try {
      await page.click('.site-header [data-search-open]');
      await page.waitForSelector('dialog[open] input');
      await page.fill('dialog[open] input', searchWord);
      await page.waitForSelector('dialog[open] [role="option"]', { timeout: 15_000 });
      expect(await violations(page)).toEqual([]);
    } finally {
      await close();
    }
  });
});

// The icons are drawn by the stylesheet (a mask over the text colour) rather than written into
// every page. Forced colours (Windows High Contrast) replace backgrounds, which would leave a
// mask's colour the same as the page: each icon must still paint there.
describe('icons drawn by the stylesheet paint, also in forced colours', () => {
  const icons = ['.ms-menu', '.ms-turn > .ms-turn__role', '.toc__count', '.site-footer .back-to-top'];
  test.each(['none', 'active'] as const)('forced colours: %s', async (forcedColors) => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, forcedColors, reducedMotion: 'reduce' });
    try {
      const page = await context.newPage();
      await page.goto(site.url + chapterPath.replace(/^\//, ''), { waitUntil: 'load' });
      // The controls hold no markup of their own: a name, and the stylesheet's icon.
      expect(await page.locator('.ms-menu *, svg use').count()).toBe(0);
      for (const selector of icons) {
        const element = page.locator(selector).first();
        await element.scrollIntoViewIfNeeded();
        const shown = await element.screenshot();
        const style = await page.addStyleTag({ content: `${selector}::before { visibility: hidden !important }` });
        const hidden = await element.screenshot();
        await style.evaluate((node) => (node as Element).remove());
        expect(shown.equals(hidden), `${selector}: its icon paints`).toBe(false);
      }
    } finally {
      await context.close();
    }
  });
});
