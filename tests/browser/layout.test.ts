// Layout on phones and the small things readers notice (issue 17.9 and 17.10), in Chromium on the
// built demo: the header's contents control, the section named in full, the drawer clear of the
// header, back to top never over text; Escape closes popups; the contents follow the reader;
// three graded answers side by side.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { siteInBrowser } from '../support/site-in-browser.ts';

const dist = inject('builtSite');
const spec = JSON.parse(readFileSync(path.join(dist, 'spec.json'), 'utf8'));
const site = siteInBrowser(dist);
const pages: Page[] = [];

async function open(pathname: string, width: number, height = 740): Promise<Page> {
  const context = await site.browser.newContext({ viewport: { width, height }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(site.url + pathname, { waitUntil: 'load' });
  pages.push(page);
  return page;
}

afterAll(async () => {
  for (const page of pages)
    await page
      .context()
      .close()
      .catch(() => {});
});

const sectionsOf = (slug: string) => spec.sections.filter((section: any) => section.chapter === slug);
/** The chapter with the most sections, and its section with the longest title. */
const longChapter = [...spec.chapters].sort((a: any, b: any) => sectionsOf(b.slug).length - sectionsOf(a.slug).length)[0];
const longTitle = [...sectionsOf(longChapter.slug)].filter((section: any) => section.depth > 1).sort((a: any, b: any) => b.title.length - a.title.length)[0];

describe('17.9 phones', () => {
  test.each([320, 375])('at %i px the header names the section being read in full, and its control is at least 44 px wide', async (width) => {
    const page = await open(`${longChapter.slug}/`, width);
    const toggle = page.locator('[data-drawer-toggle]');
    expect((await toggle.boundingBox())!.width).toBeGreaterThanOrEqual(44);
    await page.evaluate((id) => {
      const heading = document.getElementById(id)!;
      window.scrollTo(0, heading.getBoundingClientRect().top + window.scrollY - 120);
    }, longTitle.id);
    const label = toggle.locator('.drawer-toggle__label');
    await expect.poll(() => label.innerText()).toBe(longTitle.title);
    // Shown whole: nothing cut off or hidden behind an ellipsis.
    const fits = await label.evaluate(
      (node) => node.scrollWidth <= node.clientWidth + 1 && node.scrollHeight <= node.clientHeight + 1 && getComputedStyle(node).textOverflow !== 'ellipsis',
    );
    expect(fits).toBe(true);
    // The header stays on screen, wholly inside the viewport's width.
    const header = (await page.locator('.site-header').boundingBox())!;
    expect(header.y).toBe(0);
    expect((await toggle.boundingBox())!.x + (await toggle.boundingBox())!.width).toBeLessThanOrEqual(width);
  });

  test.each([320, 375])('at %i px the open drawer starts below the sticky header, and the target lands below it', async (width) => {
    const page = await open(`${longChapter.slug}/`, width);
    await page.evaluate(() => window.scrollTo(0, 2000));
    await page.locator('[data-drawer-toggle]').click();
    const header = (await page.locator('.site-header').boundingBox())!;
    const drawer = (await page.locator('#sidebar').boundingBox())!;
    expect(drawer.y).toBeGreaterThanOrEqual(header.y + header.height - 1);
    const target = sectionsOf(longChapter.slug).at(-1);
    await page.locator(`#sidebar a[data-toc-id="${target.id}"]`).click();
    await expect.poll(() => page.locator('#sidebar').isVisible()).toBe(false);
    const heading = (await page.locator(`#${target.id}`).boundingBox())!;
    const after = (await page.locator('.site-header').boundingBox())!;
    expect(heading.y).toBeGreaterThanOrEqual(after.y + after.height - 1);
  });

  test.each([320, 375])('at %i px an open section or example menu lies wholly on screen', async (width) => {
    const page = await open(`${longChapter.slug}/`, width);
    const example = Object.values<any>(spec.examples).find((candidate) => candidate.chapter === longChapter.slug);
    for (const control of [page.locator(`.ms-heading-row:has(> #${longTitle.id}) .ms-menu`), page.locator(`#${example.id} .ms-menu`)]) {
      await control.click();
      const panel = page.locator('.ms-menu__panel');
      await expect.poll(() => panel.isVisible()).toBe(true);
      await panel.scrollIntoViewIfNeeded();
      const box = (await panel.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
      await page.keyboard.press('Escape');
    }
  });

  test.each([320, 375, 1024, 1280])('at %i px back to top sits in the header, over no text', async (width) => {
    const page = await open(`${longChapter.slug}/`, width);
    const control = page.locator('[data-back-to-top]');
    expect(await control.isVisible()).toBe(false);
    await page.evaluate(() => window.scrollTo(0, 2500));
    await expect.poll(() => control.isVisible()).toBe(true);
    const box = (await control.boundingBox())!;
    const header = (await page.locator('.site-header').boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(header.y);
    expect(box.y + box.height).toBeLessThanOrEqual(header.y + header.height);
    expect(box.width).toBeGreaterThanOrEqual(36);
    await control.click();
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeLessThan(5);
  });
});

describe('17.10 small things', () => {
  test('Escape closes the version menu and the history popover, and focus returns to their buttons', async () => {
    const page = await open('staying-safe/', 1280);
    for (const selector of ['details.versions__menu', 'details.ms-history']) {
      const popup = page.locator(selector).first();
      await popup.locator('summary').focus();
      await page.keyboard.press('Enter');
      expect(await popup.evaluate((node) => (node as HTMLDetailsElement).open), selector).toBe(true);
      await page.keyboard.press('Escape');
      expect(await popup.evaluate((node) => (node as HTMLDetailsElement).open), selector).toBe(false);
      expect(await page.evaluate((s) => document.activeElement === document.querySelector(`${s} > summary`), selector)).toBe(true);
    }
  });

  test('the contents scroll to keep the active entry in view', async () => {
    const page = await open(`${longChapter.slug}/`, 1280, 420);
    const sidebar = page.locator('#sidebar');
    expect(await sidebar.evaluate((node) => node.scrollHeight > node.clientHeight)).toBe(true);
    const last = sectionsOf(longChapter.slug).at(-1);
    await page.locator(`#${last.id}`).scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, 40));
    const active = page.locator('#sidebar [aria-current="location"]');
    await expect.poll(() => active.getAttribute('data-toc-id')).not.toBeNull();
    const inView = () =>
      page.evaluate(() => {
        const box = document.getElementById('sidebar')!.getBoundingClientRect();
        const link = document.querySelector('#sidebar [aria-current="location"]')!.getBoundingClientRect();
        return link.top >= box.top && link.bottom <= box.bottom;
      });
    await expect.poll(inView).toBe(true);
  });

  test('three graded answers sit in three columns where the card is wide enough', async () => {
    const three = Object.values<any>(spec.examples).find(
      (example) => example.chapter && example.turns.filter((turn: any) => turn.kind === 'response' && turn.comparison === 0).length === 3,
    );
    const page = await open(`${three.chapter}/#${three.id}`, 1440, 900);
    const tops = await page
      .locator(`#${three.id} .ms-comparison`)
      .first()
      .evaluate((group) => [...group.children].map((child) => Math.round(child.getBoundingClientRect().top)));
    expect(tops).toHaveLength(3);
    expect(new Set(tops).size).toBe(1);
    // A phone stacks them.
    const phone = await open(`${three.chapter}/#${three.id}`, 375);
    const stacked = await phone
      .locator(`#${three.id} .ms-comparison`)
      .first()
      .evaluate((group) => [...group.children].map((child) => Math.round(child.getBoundingClientRect().top)));
    expect(new Set(stacked).size).toBe(3);
  });
});
