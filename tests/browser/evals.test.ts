// Evals on the built demo site, in Chromium: a section's bars (no JavaScript needed), the heatmap
// on /evals/, the drill-down of one example and model, and the "failing for" search filter.
// Expectations come from the built evals.json, so regenerating the demo runs doesn't break them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { siteInBrowser } from '../support/site-in-browser.ts';
import { createRequire } from 'node:module';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const dist = inject('builtSite');
const evals = JSON.parse(readFileSync(path.join(dist, 'evals.json'), 'utf8'));
const spec = JSON.parse(readFileSync(path.join(dist, 'spec.json'), 'utf8'));
const site = siteInBrowser(dist);
const pages: Page[] = [];
const errors: string[] = [];
afterAll(async () => {
  for (const page of pages)
    await page
      .context()
      .close()
      .catch(() => {});
  expect(errors).toEqual([]);
});

async function open(pathname: string, javaScriptEnabled = true, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled, colorScheme });
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(`${pathname}: ${error.message}`));
  await page.goto(site.url + pathname.replace(/^\//, ''), { waitUntil: 'load' });
  pages.push(page);
  return page;
}

type Counts = { compliant: number; ok: number; violating: number; unscored: number; error: number };
const graded = (c: Counts) => c.compliant + c.ok + c.violating;
const rate = (c: Counts) => `${Math.round(((c.compliant + c.ok) / graded(c)) * 100)}%`;
const runs: Array<{ id: string; model: string }> = evals.runs;
/** The chapter section with results from every run: its bars aggregate its subsections. */
const chapterSection = spec.sections.find(
  (section: { id: string; depth: number }) => section.depth === 1 && runs.every((run) => evals.sections[section.id]?.[run.id]),
);

describe('evals on the site', () => {
  test('the demo has illustrative runs of two fictional models against the latest release', () => {
    expect(evals.illustrative).toBe(true);
    expect(new Set(runs.map((run) => run.model)).size).toBeGreaterThanOrEqual(2);
    expect(runs.every((run) => run.model.startsWith('fictional/'))).toBe(true);
    expect(chapterSection).toBeTruthy();
  });

  test('a section shows a pass-rate bar per model with n, aggregated from its subsections, without JavaScript', async () => {
    const page = await open(`${chapterSection.chapter}/`, false);
    const block = page.locator(`[data-evals-for="${chapterSection.id}"]`);
    await expect.poll(() => block.isVisible()).toBe(true);
    expect(await block.textContent()).toContain('illustrative');
    const rows = block.locator('.ms-evals__row');
    expect(await rows.count()).toBe(runs.length);
    for (const [index, run] of runs.entries()) {
      const counts: Counts = evals.sections[chapterSection.id][run.id];
      const row = rows.nth(index);
      expect(await row.locator('.ms-evals__model').textContent()).toBe(run.model);
      expect(await row.locator('.ms-evals__rate').textContent()).toBe(rate(counts));
      expect(await row.locator('.ms-evals__n').textContent()).toBe(`n=${graded(counts)}`);
      // The bar is drawn at the rate (CSS only).
      const [bar, fill] = await row.evaluate((element) =>
        ['.ms-evals__bar', '.ms-evals__fill'].map((selector) => element.querySelector(selector)!.getBoundingClientRect().toJSON() as DOMRect),
      );
      expect(Math.abs(fill!.width / bar!.width - (counts.compliant + counts.ok) / graded(counts))).toBeLessThan(0.02);
    }
    // The chapter's own bar counts more than any one subsection's: results add up the tree.
    const child = spec.sections.find(
      (section: { parent: string | null; id: string }) => section.parent === chapterSection.id && evals.sections[section.id]?.[runs[0]!.id],
    );
    if (child) expect(graded(evals.sections[chapterSection.id][runs[0]!.id])).toBeGreaterThanOrEqual(graded(evals.sections[child.id][runs[0]!.id]));
    // Every example card with results ends with its own bars.
    const example = Object.keys(evals.examples).find((id) => spec.examples[id]?.chapter === chapterSection.chapter)!;
    expect(await page.locator(`article[id="${example}"] > .ms-evals .ms-evals__row`).count()).toBe(Object.keys(evals.examples[example]).length);
  });

  test('/evals/: the heatmap lists sections in spec order with authority badges, a cell per model, and opens the drill-down', async () => {
    const page = await open('evals/');
    expect(await page.locator('.ev-notice').textContent()).toContain('Illustrative data');
    const heatmap = page.locator('table.ev-heatmap');
    const headers = await heatmap.locator('thead th').allTextContents();
    expect(headers.slice(1)).toEqual(runs.map((run) => run.model));
    const rowIds = await heatmap.locator('tbody tr').evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.section));
    const order = spec.sections.map((section: { id: string }) => section.id);
    expect(rowIds).toEqual(order.filter((id: string) => evals.sections[id]));
    const row = heatmap.locator(`tr[data-section="${chapterSection.id}"]`);
    if (chapterSection.authority) expect(await row.locator('.ms-badge').count()).toBe(1);
    const cell = row.locator('td').first();
    const counts: Counts = evals.sections[chapterSection.id][runs[0]!.id];
    // Seen: rate and n; heard: also the model, the section and the counts.
    expect(await cell.textContent()).toBe(
      `${rate(counts)}n=${graded(counts)}: ${runs[0]!.model} on ${chapterSection.title}, ${counts.compliant + counts.ok} of ${graded(counts)} graded`,
    );
    // Coverage needs no results: every section is listed, those without examples or prompts marked.
    const coverage: Array<{ subtreeExamples: number; subtreePrompts: number }> = evals.coverage;
    expect(await page.locator('.ev-coverage tbody tr').count()).toBe(coverage.length);
    expect(await page.locator('.ev-coverage tr[data-covered="false"]').count()).toBe(
      coverage.filter((section) => section.subtreeExamples + section.subtreePrompts === 0).length,
    );
    // Regressions first: one model's two runs compared, across releases.
    expect(evals.comparisons.length).toBeGreaterThan(0);
    const first = evals.comparisons[0];
    expect(first.regressions.length).toBeGreaterThan(0);
    expect(await page.locator('.ev-comparison').first().locator('caption').first().textContent()).toBe('Regressions');
    await cell.locator('a').click();
    await page.waitForURL(new RegExp(`/evals/${runs[0]!.id}/#section-${chapterSection.id}$`));
    expect(await page.locator(`#section-${chapterSection.id}`).isVisible()).toBe(true);
  });

  test('drill-down: the conversation, the model output beside the graded answers, the verdict and the rationale', async () => {
    const run = evals.runs[0];
    const result =
      run.results.find((candidate: { example: string | null; verdict: string }) => candidate.example && candidate.verdict === 'violating') ?? run.results[0];
    const page = await open(`evals/${run.id}/#${result.example}`);
    const card = page.locator(`article#${result.example}`);
    expect(await card.isVisible()).toBe(true);
    const first = card.locator('.ev-result').first();
    expect(await first.locator('.ev-verdict').first().textContent()).toBe(
      { compliant: 'Compliant', ok: 'OK', violating: 'Violating', unscored: 'Unscored', error: 'Error' }[result.verdict as string],
    );
    expect((await first.locator('.ev-output .ev-text').textContent())!.trim()).toBe(result.output.trim());
    const answers = spec.examples[result.example].turns.filter((turn: { kind: string }) => turn.kind === 'response');
    expect(await first.locator('.ev-answers .ev-answer').count()).toBe(answers.length);
    // Side by side on a desktop.
    // Measured in one go: the page may still be scrolling to the fragment.
    const [output, graded] = await first.evaluate((element) =>
      ['.ev-output', '.ev-answers'].map((selector) => element.querySelector(selector)!.getBoundingClientRect().toJSON() as DOMRect),
    );
    expect(Math.abs(output!.y - graded!.y)).toBeLessThan(4);
    expect(graded!.x).toBeGreaterThan(output!.x + output!.width - 1);
    expect(await first.locator('.ev-rationale').first().textContent()).toContain(result.rationale.slice(0, 40));
    expect(await first.locator('.ev-conversation li').count()).toBeGreaterThan(0);
  });

  test.each(['light', 'dark'] as const)('axe-core finds no violations on /evals/ and a drill-down (%s)', async (scheme) => {
    for (const pathname of ['evals/', `evals/${runs[0]!.id}/`]) {
      const page = await open(pathname, true, scheme);
      await page.evaluate(axeSource);
      const found = await page.evaluate(
        async () =>
          (
            await (
              window as unknown as { axe: { run: (d: Document) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }> } }
            ).axe.run(document)
          ).violations,
      );
      expect(
        found.map(
          (violation) =>
            `${pathname} ${violation.id}: ${violation.nodes
              .slice(0, 3)
              .map((node) => node.target.join(' '))
              .join(', ')}`,
        ),
      ).toEqual([]);
    }
  });

  test('search filters sections and examples failing for a model', async () => {
    const page = await open('');
    await page.keyboard.press('/');
    await page.waitForSelector('dialog.ms-search[open]');
    const model = runs[runs.length - 1]!.model;
    const chip = page.locator(`.ms-chip:has(input[name="ms-search-failing"][value="${model}"])`);
    await chip.waitFor();
    await chip.click();
    await page.waitForFunction((filters) => {
      const dialog = document.querySelector<HTMLElement>('dialog.ms-search');
      return dialog && !dialog.hasAttribute('data-busy') && dialog.dataset.filters === filters;
    }, `failing=${model}`);
    const runIds = runs.filter((run) => run.model === model).map((run) => run.id);
    const failing = (map: Record<string, Record<string, Counts>>) =>
      Object.entries(map)
        .filter(([, byRun]) => runIds.some((id) => (byRun[id]?.violating ?? 0) > 0))
        .map(([id]) => id);
    const expected = failing(evals.sections).length + failing(evals.examples).length;
    const status = (await page.locator('.ms-search__status').textContent()) ?? '';
    expect(Number(/^(\d+)/.exec(status)?.[1])).toBe(expected);
  });
});
