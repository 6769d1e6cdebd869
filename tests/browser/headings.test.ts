// Headings keep the measure (issue 17.1): at every width from a small phone to a wide desktop, no
// section or example title is squeezed by its badge, tags, history mark or menu. Each title's box
// must be at least half the width of the text column, on the demo (which has history marks) and on
// an imported upstream release.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { findCorpus } from '../../scripts/harness/corpus-path.ts';
import { launchChromium } from '../../scripts/harness/browser.ts';
import { buildSite, projectRoot } from '../../scripts/harness/build-site.ts';
import { serveStatic } from '../../scripts/harness/static-server.ts';

const widths = [320, 375, 768, 1024, 1440];

interface Squeezed {
  page: string;
  width: number;
  id: string;
  title: string;
  titleWidth: number;
  columnWidth: number;
}

/** Every heading of the given pages at every width, and those narrower than half the column. */
async function squeezedTitles(browser: Browser, base: string, pages: string[]): Promise<{ measured: number; marks: number; squeezed: Squeezed[] }> {
  const squeezed: Squeezed[] = [];
  let measured = 0;
  let marks = 0;
  for (const width of widths) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    for (const pathname of pages) {
      await page.goto(base + pathname, { waitUntil: 'load' });
      const found = await page.evaluate(() => {
        const column = document.querySelector('.chapter')!.getBoundingClientRect().width;
        const titles = [...document.querySelectorAll<HTMLElement>('.chapter .ms-heading, .chapter .ms-example__title')].filter(
          (title) => title.offsetParent !== null,
        );
        return {
          marks: document.querySelectorAll('.chapter .ms-history').length,
          titles: titles.map((title) => ({
            id: title.id || title.closest('article')!.id,
            title: title.textContent!.trim(),
            titleWidth: title.getBoundingClientRect().width,
            columnWidth: column,
          })),
        };
      });
      measured += found.titles.length;
      marks += found.marks;
      for (const title of found.titles) if (title.titleWidth < title.columnWidth / 2) squeezed.push({ page: pathname, width, ...title });
    }
    await context.close();
  }
  return { measured, marks, squeezed };
}

describe('headings keep at least half the measure at 320–1440 px', () => {
  let browser: Browser;
  const closers: Array<() => Promise<void>> = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    for (const close of closers) await close();
  });

  test('the demo: every chapter of the latest release and of the draft, with history marks', { timeout: 180_000 }, async () => {
    const dist = inject('builtSite');
    const spec = JSON.parse(readFileSync(path.join(dist, 'spec.json'), 'utf8'));
    const site = await serveStatic(dist, '/');
    closers.push(site.close);
    const pages = spec.chapters.flatMap((chapter: { slug: string }) => [`${chapter.slug}/`, `draft/${chapter.slug}/`]);
    const { measured, marks, squeezed } = await squeezedTitles(browser, site.url, pages);
    expect(measured).toBeGreaterThan(widths.length * pages.length);
    // The demo's releases mark what changed: the case that squeezed titles to a word per line.
    expect(marks).toBeGreaterThan(0);
    expect(squeezed).toEqual([]);
  });

  const corpus = findCorpus();
  const source = corpus && path.join(corpus, '2025-09-12', 'model_spec.md');
  test.skipIf(!source || !existsSync(source))('an imported upstream release: its chapters with badges and tags', { timeout: 300_000 }, async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'ms-headings-'));
    closers.push(async () => rmSync(work, { recursive: true, force: true }));
    const content = path.join(work, 'content');
    const imported = spawnSync(
      process.execPath,
      [path.join(projectRoot, 'scripts/import-model-spec.ts'), source!, '--examples', path.join(path.dirname(source!), 'examples'), '--out', content],
      { encoding: 'utf8' },
    );
    expect(imported.status, imported.stderr).toBe(0);
    const built = buildSite({ contentDir: content, outDir: path.join(work, 'dist') });
    expect(built.status, built.output.slice(-3000)).toBe(0);
    const spec = JSON.parse(readFileSync(path.join(built.outDir, 'spec.json'), 'utf8'));
    const site = await serveStatic(built.outDir, '/');
    closers.unshift(site.close);
    const { measured, squeezed } = await squeezedTitles(
      browser,
      site.url,
      spec.chapters.map((chapter: { slug: string }) => `${chapter.slug}/`),
    );
    expect(measured).toBeGreaterThan(1000);
    expect(squeezed).toEqual([]);
  });
});
