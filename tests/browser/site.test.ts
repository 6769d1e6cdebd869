import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { siteInBrowser } from '../support/site-in-browser.ts';

/**
 * Cards far from the screen skip rendering (`content-visibility: auto`), so their rendered text
 * is read once they are on screen, as a reader sees it.
 */
async function onScreen(locator: Locator): Promise<Locator> {
  await locator.scrollIntoViewIfNeeded();
  await locator.page().evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  return locator;
}

const dist = inject('builtSite');
const spec = JSON.parse(readFileSync(path.join(dist, 'spec.json'), 'utf8'));
const chapterOf = (id: string) => spec.sections.find((section: any) => section.id === id)?.chapter ?? spec.examples[id]?.chapter;

const site = siteInBrowser(dist);
const consoleErrors: string[] = [];

async function open(
  pathname: string,
  options: { colorScheme?: 'light' | 'dark'; width?: number; javaScriptEnabled?: boolean; expectNotFound?: boolean } = {},
): Promise<Page> {
  const context = await site.browser.newContext({
    viewport: { width: options.width ?? 1280, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    const notFound = options.expectNotFound && message.text().includes('404');
    if (message.type() === 'error' && !notFound) consoleErrors.push(`${pathname}: ${message.text()}`);
  });
  page.on('pageerror', (error) => consoleErrors.push(`${pathname}: ${error.message}`));
  await page.goto(site.url + pathname.replace(/^\//, ''), { waitUntil: 'load' });
  return page;
}

describe('a chapter page', () => {
  test('renders every example of the chapter as a card with role labels and grade badges', async () => {
    const chapter = spec.chapters.find(
      (candidate: any) => Object.values<any>(spec.examples).filter((example) => example.chapter === candidate.slug).length >= 3,
    );
    const page = await open(`${chapter.slug}/`);
    const expected = Object.values<any>(spec.examples).filter((example) => example.chapter === chapter.slug);
    const cards = await page.locator('article.ms-example').evaluateAll((nodes) => nodes.map((node) => node.id));
    expect(cards.sort()).toEqual(expected.map((example) => example.id).sort());
    for (const example of expected) {
      const card = await onScreen(page.locator(`article#${example.id}`));
      expect(await card.locator('.ms-example__title').innerText()).toBe(example.title);
      const responses = example.turns.filter((turn: any) => turn.kind === 'response');
      const labels = await card.locator('.ms-grade').allInnerTexts();
      expect(labels.map((label) => label.replace(/^\W+/, '').trim().toLowerCase())).toEqual(responses.map((turn: any) => turn.grade));
      expect(await card.locator('.ms-turn__role').count()).toBe(example.turns.length);
    }
  });

  test('shows an authority badge for every section that declares one', async () => {
    const chapter = spec.chapters[1];
    const page = await open(`${chapter.slug}/`);
    const sections = spec.sections.filter((section: any) => section.chapter === chapter.slug && section.authority);
    expect(sections.length).toBeGreaterThan(0);
    for (const section of sections) {
      const badge = page.locator(`.ms-section-meta[data-section-id="${section.id}"] .ms-badge`);
      expect(await badge.getAttribute('data-authority')).toBe(section.authority);
      expect(await badge.isVisible()).toBe(true);
    }
  });

  test('renders math with KaTeX and code with highlighting, no CDN', async () => {
    const page = await open('all/');
    expect(await page.locator('.ms-example .katex').count()).toBeGreaterThan(0);
    expect(await page.locator('.ms-example pre.astro-code').count()).toBeGreaterThan(0);
    const external = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((entry) => entry.name)
        .filter((url) => !url.startsWith(location.origin)),
    );
    expect(external).toEqual([]);
  });

  test('shows hostile message text literally and runs none of it', async () => {
    const page = await open('all/');
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs++;
      void dialog.dismiss();
    });
    expect(await page.locator('.ms-example script').count()).toBe(0);
    expect(await page.locator('.ms-example').filter({ hasText: '<script>alert(1)</script>' }).count()).toBeGreaterThan(0);
    await page.waitForTimeout(200);
    expect(dialogs).toBe(0);
  });
});

describe('permalinks', () => {
  const crossPage = () => {
    const section = spec.sections.find((candidate: any) => candidate.chapter !== spec.chapters[0].slug && candidate.depth > 1);
    return section;
  };

  test('every section and example id is an element on its chapter page', async () => {
    for (const chapter of spec.chapters) {
      const html = readFileSync(path.join(dist, chapter.slug, 'index.html'), 'utf8');
      for (const section of spec.sections.filter((candidate: any) => candidate.chapter === chapter.slug)) expect(html).toContain(`id="${section.id}"`);
    }
  });

  test('<site>/#id and <site>/<other page>#id land on the section’s page', async () => {
    const section = crossPage();
    for (const from of ['', `${spec.chapters[0].slug}/`, 'no-such-page/']) {
      const page = await open(`${from}#${section.id}`, { expectNotFound: from === 'no-such-page/' });
      await page.waitForURL(`**/${section.chapter}/#${section.id}`);
      await expect.poll(() => page.locator(`#${section.id}`).evaluate((node) => node.getBoundingClientRect().top)).toBeLessThan(300);
      await page.context().close();
    }
  });

  test('changing only the #id of an open page to an id on another page, or an old id, lands there too', async () => {
    const section = crossPage();
    const page = await open(`${spec.chapters[0].slug}/`);
    await page.evaluate((id) => {
      location.hash = id;
    }, section.id);
    await page.waitForURL(`**/${section.chapter}/#${section.id}`);
    await expect.poll(() => page.locator(`#${section.id}`).evaluate((node) => node.getBoundingClientRect().top)).toBeLessThan(300);
    const renamed = spec.sections.find((candidate: any) => candidate.oldIds.length > 0);
    await page.evaluate((id) => {
      location.hash = id;
    }, renamed.oldIds[0]);
    await page.waitForURL(`**/${renamed.chapter}/#${renamed.id}`);
    await page.context().close();
  });

  test('an old id lands on the section that now has it', async () => {
    const section = spec.sections.find((candidate: any) => candidate.oldIds.length > 0);
    expect(section, 'the demo content has a section with oldids').toBeTruthy();
    const page = await open(`#${section.oldIds[0]}`);
    await page.waitForURL(`**/${section.chapter}/#${section.id}`);
    await page.context().close();
  });

  test('/s/<id>/ redirects without JavaScript and unfurls with the section’s own title', async () => {
    const section = crossPage();
    const html = readFileSync(path.join(dist, 's', section.id, 'index.html'), 'utf8');
    expect(html).toMatch(new RegExp(`<title>${section.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').slice(0, 20)}`));
    expect(html).toContain(`content="0; url=/${section.chapter}/#${section.id}"`);
    const page = await open(`s/${section.id}/`, { javaScriptEnabled: false });
    await page.waitForURL(`**/${section.chapter}/#${section.id}`);
    await page.context().close();
  });

  test('clicking a permalink puts its URL in the address bar', async () => {
    const example = Object.values<any>(spec.examples)[0];
    const page = await open(`${chapterOf(example.id)}/`);
    await page.locator(`article#${example.id} .ms-permalink`).click();
    expect(new URL(page.url()).hash).toBe(`#${example.id}`);
    await page.context().close();
  });
});

describe('reading comfort', () => {
  test('dark mode follows the system and the toggle overrides it, across pages', async () => {
    const page = await open(`${spec.chapters[1].slug}/`, { colorScheme: 'dark' });
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const dark = await background();
    const toggle = page.locator('[data-theme-toggle]');
    // The cycle: follow the system → light → dark → follow the system.
    expect(await toggle.getAttribute('aria-label')).toMatch(/follow the system \(now dark\)/);
    await toggle.click();
    expect(await toggle.getAttribute('aria-label')).toMatch(/^Theme: light\./);
    const light = await background();
    expect(light).not.toBe(dark);
    await page.goto(site.url + `${spec.chapters[0].slug}/`);
    expect(await background()).toBe(light);
    await toggle.click();
    expect(await toggle.getAttribute('aria-label')).toMatch(/^Theme: dark\./);
    expect(await background()).toBe(dark);
    await toggle.click();
    expect(await toggle.getAttribute('aria-label')).toMatch(/follow the system/);
    await page.goto(site.url + `${spec.chapters[1].slug}/`);
    expect(await page.evaluate(() => localStorage.getItem('ms-theme'))).toBeNull();
    expect(await background()).toBe(dark);
    await page.context().close();
  });

  test('the header’s buttons show before the page script arrives, with the saved theme’s icon', async () => {
    const context = await site.browser.newContext({ viewport: { width: 360, height: 800 } });
    await context.addInitScript(() => localStorage.setItem('ms-theme', 'dark'));
    // The page's module scripts never arrive: what shows is what the page's own markup does.
    await context.route(/\/_astro\/.+\.js$/, (route) => route.abort());
    const page = await context.newPage();
    await page.goto(`${site.url}${spec.chapters[1].slug}/`, { waitUntil: 'load' });
    expect(await page.locator('[data-drawer-toggle]').isVisible()).toBe(true);
    expect(await page.locator('[data-theme-toggle]').isVisible()).toBe(true);
    expect(await page.locator('[data-theme-toggle]').getAttribute('data-state')).toBe('dark');
    expect(await page.locator('.theme-toggle__icon--dark').isVisible()).toBe(true);
    await context.close();
  });

  test('no horizontal scrolling at 360 px, and the contents fold into a closed drawer', async () => {
    for (const pathname of ['', `${spec.chapters[1].slug}/`]) {
      const page = await open(pathname, { width: 360 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, pathname).toBeLessThanOrEqual(0);
      expect(await page.locator('#sidebar').isVisible(), pathname).toBe(false);
      expect(await page.locator('[data-drawer-toggle]').isVisible(), pathname).toBe(true);
      await page.context().close();
    }
  });

  test('the skip link moves focus to the content', async () => {
    const page = await open(`${spec.chapters[1].slug}/`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Skip to content');
    await page.keyboard.press('Enter');
    expect(new URL(page.url()).hash).toBe('#content');
    await page.context().close();
  });

  test('a reading page loads little JavaScript before search opens', async () => {
    const page = await open(`${spec.chapters[1].slug}/`);
    const scripts = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((entry) => /\.m?js(\?|$)/.test(entry.name))
        .map((entry) => ({ name: entry.name, size: (entry as PerformanceResourceTiming).decodedBodySize })),
    );
    expect(scripts.some((script) => script.name.includes('pagefind'))).toBe(false);
    const total = scripts.reduce((sum, script) => sum + script.size, 0);
    expect(total, JSON.stringify(scripts)).toBeLessThan(12_000);
    await page.context().close();
  });

  test('no console errors on any page visited', () => {
    expect(consoleErrors).toEqual([]);
  });
});
