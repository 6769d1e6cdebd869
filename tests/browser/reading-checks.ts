// Checks of issue 17 (items 2-8) shared by the demo (reading-place.test.ts) and the imported
// upstream history (corpus-reading.test.ts): each opens its own browser context.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';

export const widths = [375, 1280] as const;

interface Site {
  browser: Browser;
  url: string;
}

/** A page in a fresh context; motion is allowed, so an animated jump would show. */
export async function openPage(site: Site, pathname: string, options: { width: number; javaScript?: boolean; permissions?: string[] }): Promise<Page> {
  const context = await site.browser.newContext({
    viewport: { width: options.width, height: 800 },
    javaScriptEnabled: options.javaScript ?? true,
    reducedMotion: 'no-preference',
  });
  if (options.permissions) await context.grantPermissions(options.permissions, { origin: new URL(site.url).origin });
  const page = await context.newPage();
  await page.goto(site.url + pathname.replace(/^\//, ''), { waitUntil: 'load' });
  return page;
}

/**
 * Opens `pathname` and reports where the reader is once the page has loaded: whether the element
 * with id `section` is in view under the sticky header, and whether the page was still scrolling
 * (an animated jump) after load.
 */
export async function landing(site: Site, pathname: string, options: { width: number; javaScript: boolean; section: string }) {
  const page = await openPage(site, pathname, { width: options.width, javaScript: options.javaScript });
  await page.waitForFunction((id) => document.readyState === 'complete' && document.getElementById(id) !== null, options.section);
  const measure = () =>
    page.evaluate((id) => {
      const box = document.getElementById(id)!.getBoundingClientRect();
      const header = document.querySelector('.site-header')?.getBoundingClientRect().bottom ?? 0;
      return { top: box.top, header, height: innerHeight };
    }, options.section);
  // Where the section is on screen, sampled for 800 ms: an animated jump carries it through a new
  // place every frame (dozens); an instant one lands in a few, as the cards next to it render at
  // their real height and scroll anchoring puts it back (on a loaded machine those steps fall in
  // separate samples: three places were seen once). Not scrollY: scroll anchoring changes that
  // while cards above render, keeping the section still.
  const places = new Set<number>();
  for (const started = Date.now(); Date.now() - started < 800; await page.waitForTimeout(15)) places.add(Math.round((await measure()).top));
  const last = await measure();
  const url = new URL(page.url());
  await page.context().close();
  return {
    visible: last.top >= last.header - 2 && last.top < last.height * 0.6,
    animated: places.size > 4,
    hash: url.hash,
    path: url.pathname,
  };
}

/** Chooses `to` in the version menu on `from` and checks where the reader lands, and the notice. */
export async function checkSwitch(
  site: Site,
  options: { width: number; from: string; to: string; expectHash: string; expectPath?: string; expectNotice: boolean },
): Promise<void> {
  const page = await openPage(site, options.from, { width: options.width });
  await page.locator('.versions__menu summary').click();
  await page.locator(`.versions__link[data-label="${options.to}"]`).click();
  await page.waitForURL((url) => url.hash === options.expectHash && (!options.expectPath || url.pathname === options.expectPath), { timeout: 15_000 });
  await page.waitForLoadState('load');
  const notice = page.locator('.notice[role="status"]');
  if (options.expectNotice) {
    await expect.poll(() => notice.count()).toBe(1);
    const where = await notice.evaluate((node) => ({
      top: node.getBoundingClientRect().top,
      bottom: node.getBoundingClientRect().bottom,
      header: document.querySelector('.site-header')!.getBoundingClientRect().bottom,
    }));
    expect(where.top, 'the notice is not under the sticky header').toBeGreaterThanOrEqual(where.header - 1);
    expect(where.bottom).toBeLessThanOrEqual(800);
  } else {
    await page.waitForTimeout(300);
    expect(await notice.count(), `no notice: ${await notice.allInnerTexts()}`).toBe(0);
  }
  await page.context().close();
}

/** Eval prompts of a chapter: folded runs whose counts add up, toolbar counts apart, hideable; folded without script too. */
export async function checkPromptsFolded(
  site: Site,
  options: { width: number; chapter: string; examples: Array<{ kind: string; chapter: string }> },
): Promise<void> {
  const mine = options.examples.filter((example) => example.chapter === options.chapter);
  const prompts = mine.filter((example) => example.kind === 'prompt').length;
  const graded = mine.length - prompts;
  for (const javaScript of [true, false]) {
    const page = await openPage(site, `${options.chapter}/`, { width: options.width, javaScript });
    const groups = page.locator('details.ms-prompts');
    const counted = await groups.evaluateAll((nodes) =>
      nodes.map((node) => ({
        open: (node as HTMLDetailsElement).open,
        label: node.querySelector('summary')!.textContent!,
        cards: node.querySelectorAll(':scope > article.ms-example--prompt').length,
      })),
    );
    expect(counted.length).toBeGreaterThan(0);
    for (const group of counted) {
      expect(group.open).toBe(false);
      expect(group.label).toBe(`${group.cards} eval prompt${group.cards === 1 ? '' : 's'}`);
    }
    expect(counted.reduce((sum, group) => sum + group.cards, 0)).toBe(prompts);
    // No eval prompt card outside a fold, none shown, and no "(eval prompts)" inside the prose.
    expect(await page.locator('article.ms-example--prompt:not(details.ms-prompts > *)').count()).toBe(0);
    expect(await page.locator('article.ms-example--prompt').evaluateAll((nodes) => nodes.some((node) => (node as HTMLElement).checkVisibility()))).toBe(false);
    expect(await page.locator('.chapter p').evaluateAll((nodes) => nodes.filter((node) => /\(eval prompts\)/.test(node.textContent ?? '')).length)).toBe(0);
    // The toolbar counts examples and eval prompts apart.
    const legends = await page.locator('.example-tools__legend').allInnerTexts();
    if (graded > 0) expect(legends).toContain(`${graded} example${graded === 1 ? '' : 's'}`);
    expect(legends).toContain(`${prompts} eval prompt${prompts === 1 ? '' : 's'}`);
    if (javaScript && options.width > 600) {
      await page.getByLabel('Hidden').check();
      expect(await groups.first().isVisible()).toBe(false);
    }
    await page.context().close();
  }
}

/** "Copy as Markdown" on a section: a heading, no directives outside code, absolute links only. */
export async function checkMarkdownCopy(site: Site, section: { id: string; title: string; chapter: string; url: string }): Promise<string> {
  const page = await openPage(site, `${section.chapter}/`, { width: 1280, permissions: ['clipboard-read', 'clipboard-write'] });
  // The section's menu control builds the one shared panel next to it.
  const meta = page.locator(`.ms-section-meta[data-section-id="${section.id}"]`);
  await meta.locator('.ms-menu').click();
  const menu = meta.locator('.ms-menu__panel');
  await menu.getByRole('button', { name: 'Copy as Markdown' }).click();
  await expect.poll(() => menu.locator('[data-share-status]').innerText()).toBe('Markdown copied.');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  await page.context().close();
  const prose = copied.replace(/^(```|~~~)[\s\S]*?^\1/gm, '');
  expect(copied).toContain(section.title);
  expect(prose).not.toMatch(/^\s*:{2,}[a-z]/im);
  expect(prose).not.toMatch(/\{#[\w-]+/);
  const targets = [...prose.matchAll(/\]\(([^)\s]+)/g)].map((match) => match[1]!);
  for (const target of targets) expect(target).toMatch(/^https?:\/\//);
  return copied;
}

/** Every chapter page's og:description, as written in the built HTML. */
export function chapterPages(dist: string, spec: { chapters: Array<{ slug: string }> }): Array<{ file: string; description: string }> {
  return spec.chapters.map(({ slug }) => {
    const file = path.join(dist, slug, 'index.html');
    const html = readFileSync(file, 'utf8');
    const raw = /<meta property="og:description" content="([^"]*)"/.exec(html)?.[1] ?? '';
    const description = raw
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
    return { file, description };
  });
}
