// Reading, sharing and citing as a Model Spec reader expects (issue 13), in Chromium on the built
// default site: phones, colours, versions, sharing, headings, example cards, polish, example tools, MDX.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { siteInBrowser } from '../support/site-in-browser.ts';

const dist = inject('builtSite');
const spec = JSON.parse(readFileSync(path.join(dist, 'spec.json'), 'utf8'));
const site = siteInBrowser(dist);
const errors: string[] = [];
const pages: Page[] = [];

async function open(
  pathname: string,
  options: { width?: number; height?: number; colorScheme?: 'light' | 'dark'; javaScriptEnabled?: boolean; permissions?: string[] } = {},
): Promise<Page> {
  const context = await site.browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    colorScheme: options.colorScheme ?? 'light',
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    reducedMotion: 'reduce',
  });
  if (options.permissions) await context.grantPermissions(options.permissions, { origin: new URL(site.url).origin });
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(`${pathname}: ${error.message}`));
  await page.goto(site.url + pathname.replace(/^\//, ''), { waitUntil: 'load' });
  pages.push(page);
  return page;
}

afterAll(async () => {
  for (const page of pages) await page.context().close().catch(() => {});
});

/** The chapter with the most sections: long enough to scroll far. */
const longChapter = [...spec.chapters].sort(
  (a: any, b: any) => spec.sections.filter((s: any) => s.chapter === b.slug).length - spec.sections.filter((s: any) => s.chapter === a.slug).length,
)[0];

describe('1. phones: sticky header with the current section, contents drawer, back to top', () => {
  test.each([360, 375])('at %i px the drawer opens from the header after scrolling far down', async (width) => {
    const page = await open(`${longChapter.slug}/`, { width, height: 740 });
    const sidebar = page.locator('#sidebar');
    expect(await sidebar.isVisible()).toBe(false);
    const last = spec.sections.filter((s: any) => s.chapter === longChapter.slug).at(-1);
    await page.locator(`#${last.id}`).scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, 200));
    const toggle = page.locator('[data-drawer-toggle]');
    // The header stays in view and names the section being read.
    expect((await toggle.boundingBox())!.y).toBeLessThan(60);
    await expect.poll(() => toggle.innerText()).not.toBe(longChapter.title);
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await sidebar.isVisible()).toBe(true);
    const box = (await sidebar.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(width);
    // Focus moves into the drawer; a chosen section closes it and is shown.
    expect(await page.evaluate(() => !!document.activeElement?.closest('#sidebar'))).toBe(true);
    const target = spec.sections.filter((s: any) => s.chapter === longChapter.slug)[1];
    await sidebar.locator(`a[data-toc-id="${target.id}"]`).click();
    await expect.poll(() => sidebar.isVisible()).toBe(false);
    expect(new URL(page.url()).hash).toBe(`#${target.id}`);
    // Escape closes it too, and gives focus back to the header control.
    await toggle.click();
    await page.keyboard.press('Escape');
    expect(await sidebar.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-drawer-toggle'))).toBe(true);
  });

  test('a back-to-top control appears after scrolling and returns to the top', async () => {
    const page = await open(`${longChapter.slug}/`, { width: 375, height: 740 });
    const control = page.locator('[data-back-to-top]');
    expect(await control.isVisible()).toBe(false);
    await page.evaluate(() => window.scrollTo(0, 3000));
    await expect.poll(() => control.isVisible()).toBe(true);
    await control.click();
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeLessThan(5);
  });

  test('without JavaScript the contents stay a disclosure on the page and no dead controls show', async () => {
    const page = await open(`${longChapter.slug}/`, { width: 360, javaScriptEnabled: false });
    expect(await page.locator('#sidebar').isVisible()).toBe(true);
    expect(await page.locator('[data-drawer-toggle]').isVisible()).toBe(false);
    expect(await page.locator('[data-theme-toggle]').isVisible()).toBe(false);
  });
});

test('no page errors in any test above', () => {
  expect(errors).toEqual([]);
});
