// Reading, sharing and citing as a Model Spec reader expects (issue 13), in Chromium on the built
// default site: phones, colours, versions, sharing, headings, example cards, polish, example tools, MDX.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { siteInBrowser } from '../support/site-in-browser.ts';
import { projectRoot } from '../../scripts/harness/build-site.ts';

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
const site = siteInBrowser(dist);
const releases = readdirSync(path.join(projectRoot, 'content', 'releases')).sort();
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
  for (const page of pages)
    await page
      .context()
      .close()
      .catch(() => {});
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

/** Hue (0–360) and saturation (0–1) of a computed `rgb()`/`color(srgb …)` colour. */
function hueOf(color: string): { hue: number; saturation: number } {
  const numbers = color.match(/[\d.]+/g)!.map(Number);
  const [r, g, b] = color.startsWith('color(') ? numbers.slice(0, 3) : numbers.slice(0, 3).map((value) => value / 255);
  const max = Math.max(r!, g!, b!);
  const min = Math.min(r!, g!, b!);
  const delta = max - min;
  const lightness = (max + min) / 2;
  const saturation = delta === 0 ? 0 : delta / (1 - Math.abs(2 * lightness - 1));
  let hue = 0;
  if (delta > 0) {
    if (max === r) hue = 60 * (((g! - b!) / delta) % 6);
    else if (max === g) hue = 60 * ((b! - r!) / delta + 2);
    else hue = 60 * ((r! - g!) / delta + 4);
  }
  return { hue: (hue + 360) % 360, saturation };
}
const hueDistance = (a: number, b: number) => Math.min(Math.abs(a - b), 360 - Math.abs(a - b));

describe('2. colours with meaning: grades own green, red and amber; levels an ordered scale of their own', () => {
  test.each(['light', 'dark'] as const)('no authority level shares a hue with a grade (%s)', async (colorScheme) => {
    const page = await open('levels/', { colorScheme });
    const levels: Array<{ name: string; label: string }> = spec.authorityLevels;
    const colours = await page.evaluate(
      (names) => {
        const probe = (className: string) => {
          const element = document.createElement('span');
          element.className = className;
          element.textContent = 'x';
          document.body.append(element);
          const style = getComputedStyle(element);
          const result = { border: style.borderTopColor, background: style.backgroundColor, text: element.textContent };
          element.remove();
          return result;
        };
        return {
          levels: names.map((name) => probe(`ms-badge ms-badge--${name}`).border),
          grades: ['compliant', 'violating', 'ok'].map((grade) => probe(`ms-turn ms-response ms-response--${grade}`).border),
        };
      },
      levels.map((level) => level.name),
    );
    const gradeHues = colours.grades.map(hueOf);
    for (const grade of gradeHues) expect(grade.saturation).toBeGreaterThan(0.3);
    colours.levels.forEach((colour, index) => {
      const level = hueOf(colour);
      for (const grade of gradeHues) {
        // A level is either greyish or clearly away from every grade's hue.
        if (level.saturation > 0.15) expect(hueDistance(level.hue, grade.hue), `${levels[index]!.name} ${colour} vs grade`).toBeGreaterThan(40);
      }
    });
    // Each level looks different from the next (colour or weight), and the label is always written.
    const badges = await page.locator('.levels__group h2 .ms-badge').evaluateAll((nodes) =>
      nodes.map((node) => {
        const style = getComputedStyle(node);
        return `${style.borderTopColor}|${style.backgroundColor}|${style.borderTopStyle}`;
      }),
    );
    expect(new Set(badges).size).toBe(levels.length);
    expect(await page.locator('.levels__group h2 .ms-badge').allInnerTexts()).toEqual(levels.map((level) => level.label));
  });

  test('the contents’ “contains these levels” markers carry text and have a legend', async () => {
    const page = await open(`${longChapter.slug}/`);
    const markers = page.locator('#sidebar .toc__chapters .ms-inner-levels');
    expect(await markers.count()).toBeGreaterThan(0);
    const labels = spec.authorityLevels.map((level: any) => level.label).join('|');
    for (const text of await markers.evaluateAll((nodes) => nodes.map((node) => node.querySelector('[aria-hidden]')!.textContent!))) {
      expect(text).toMatch(new RegExp(`^(${labels})( \\+\\d+)?$`));
    }
    // The full list is there for screen readers and as a tooltip.
    expect(await markers.first().locator('.ms-visually-hidden').innerText()).toMatch(/^Contains /);
    const legend = page.locator('#sidebar .toc__legend');
    expect(await legend.isVisible()).toBe(true);
    expect(await legend.locator('.ms-inner-levels').count()).toBe(1);
    expect(await legend.innerText()).toMatch(/highest level/);
  });
});

describe('3. version switcher', () => {
  test('the switcher lists every edition with its date, the latest marked; every page names spec, version, date and canonical URL, printed too', async () => {
    const page = await open(`${longChapter.slug}/`);
    const versions = page.locator('.site-header [data-versions]');
    expect(await versions.innerText()).toContain(spec.version);
    const links = versions.locator('a.versions__link');
    // The root serves the latest release; the others are listed with their dates, the draft as unreleased.
    expect(await links.count()).toBe(releases.length + 1);
    expect(await versions.locator('a.versions__link[aria-current="page"] .versions__tag').textContent()).toBe('latest');
    for (const release of releases.slice(0, -1)) expect(await versions.locator(`a[href="/${release}/"] time`).getAttribute('datetime')).toBe(release);
    expect(await versions.locator('a[href="/draft/"]').textContent()).toContain('unreleased');
    const footer = await page.locator('.site-footer__edition').innerText();
    expect(footer).toContain(spec.title);
    expect(footer).toContain(spec.version);
    expect(footer).toContain(`/${longChapter.slug}/`);
    await page.emulateMedia({ media: 'print' });
    const printed = page.locator('.print-meta');
    expect(await printed.isVisible()).toBe(true);
    expect(await printed.innerText()).toContain(spec.title);
    expect(await printed.innerText()).toMatch(new RegExp(`https?://[^ ]+/${longChapter.slug}/$`));
    expect(await page.locator('.site-footer').isVisible()).toBe(false);
  });
});

/**
 * A second edition next to the built one, for the switcher: `older/` serves the same pages with an
 * anchors.json that lacks one subsection and one example (as an older release would). The built
 * default site has one edition, so its switcher is given the two editions' links as the
 * component renders them for a site with releases.
 */
describe('3. switching versions keeps the reader at the same id', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'ms-editions-'));
  for (const entry of readdirSync(dist)) symlinkSync(path.join(dist, entry), path.join(root, entry));
  mkdirSync(path.join(root, 'older'));
  for (const entry of readdirSync(dist)) if (entry !== 'anchors.json') symlinkSync(path.join(dist, entry), path.join(root, 'older', entry));
  const anchors: Record<string, string> = JSON.parse(readFileSync(path.join(dist, 'anchors.json'), 'utf8'));
  const nested = spec.sections.find((section: any) => section.chapter === longChapter.slug && section.depth >= 3);
  const kept = spec.sections.find((section: any) => section.chapter === longChapter.slug && section.depth === 2 && section.id !== nested.parent);
  const older: Record<string, string> = {};
  for (const [id, url] of Object.entries(anchors)) if (id !== nested.id) older[id] = `/older${url}`;
  writeFileSync(path.join(root, 'older', 'anchors.json'), JSON.stringify(older));
  const editions = siteInBrowser(root);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  async function openWithEditions(hash: string) {
    const context = await editions.browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(`editions: ${error.message}`));
    await page.goto(`${editions.url}${longChapter.slug}/#${hash}`, { waitUntil: 'load' });
    // The switcher as VersionSwitcher.astro renders it for a site with two editions.
    await page.locator('[data-versions]').evaluate((box) => {
      box.innerHTML = `<details class="versions__menu" open><summary class="versions__button">Draft</summary><ul class="versions__list">
        <li><a class="versions__link" href="/" data-edition="" data-label="Draft" aria-current="page">Draft</a></li>
        <li><a class="versions__link" href="/older/" data-edition="older/" data-label="older">older</a></li></ul></details>`;
    });
    pages.push(page);
    return page;
  }

  test('a section the other edition has: the same section there', async () => {
    const page = await openWithEditions(kept.id);
    await page.locator('a[data-edition="older/"]').click();
    await page.waitForURL(`**/older/${longChapter.slug}/#${kept.id}`);
    expect(await page.locator('.notice').count()).toBe(0);
  });

  test('a section the other edition lacks: its parent section, with a notice saying so', async () => {
    const page = await openWithEditions(nested.id);
    await page.locator('a[data-edition="older/"]').click();
    await page.waitForURL(`**/older/${longChapter.slug}/#${nested.parent}`);
    const notice = page.locator('.notice[role="status"]');
    await expect.poll(() => notice.count()).toBe(1);
    expect(await notice.innerText()).toBe(`“${nested.title}” is not in older; showing its parent section.`);
  });
});

describe('4 and 5. one small menu per heading: id, links, copy, cite, edit', () => {
  const section = spec.sections.find((candidate: any) => candidate.chapter === longChapter.slug && candidate.depth === 2 && candidate.authority);
  // One control per heading; the page builds the one shared panel next to it on demand.
  const rowOf = (page: Page, id: string) => page.locator(`.ms-heading-row:has(> #${id})`);
  const menuOf = (page: Page, id: string) => rowOf(page, id).locator('.ms-menu');
  const panelOf = (page: Page, id: string) => rowOf(page, id).locator('.ms-menu__panel');

  test('the heading line shows the title and the badge; id, Edit and Suggest a change sit in the menu', async () => {
    const page = await open(`${longChapter.slug}/`);
    const row = rowOf(page, section.id);
    const heading = (await page.locator(`#${section.id}`).boundingBox())!;
    const badge = (await row.locator('.ms-section-meta .ms-badge').boundingBox())!;
    // Same line: the badge's middle lies within the heading's box.
    expect(badge.y + badge.height / 2).toBeGreaterThan(heading.y);
    expect(badge.y + badge.height / 2).toBeLessThan(heading.y + heading.height);
    expect(await panelOf(page, section.id).count()).toBe(0);
    expect(await row.getByText(section.id, { exact: true }).isVisible()).toBe(false);
    expect(await row.getByRole('link', { name: 'Edit' }).isVisible()).toBe(false);
  });

  test('the menu opens by keyboard, names its contents for screen readers, and Escape closes it', async () => {
    const page = await open(`${longChapter.slug}/`);
    const control = menuOf(page, section.id);
    // Its accessible name, as a screen reader announces it, says what it is for.
    const named = rowOf(page, section.id).getByRole('button', { name: `Id, links and sharing for section “${section.title}”`, exact: true });
    expect(await named.evaluate((node) => node.classList.contains('ms-menu'))).toBe(true);
    await control.focus();
    await page.keyboard.press('Enter');
    const panel = panelOf(page, section.id);
    await expect.poll(() => panel.isVisible()).toBe(true);
    expect(await control.getAttribute('aria-expanded')).toBe('true');
    expect(await panel.locator('code').innerText()).toBe(section.id);
    for (const name of ['Link to this section', 'Copy short link', 'Copy as Markdown', 'Cite', 'Edit', 'Suggest a change']) {
      expect(await panel.getByRole(name.startsWith('Copy as') || name === 'Cite' ? 'button' : 'link', { name }).isVisible(), name).toBe(true);
    }
    // The root serves a release, which offers its dated link; the draft has none to offer.
    expect(await panel.getByRole('button', { name: 'Copy link to this version' }).isVisible()).toBe(true);
    // The panel follows its control in the tab order, and Escape gives focus back to the control.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('.ms-menu__panel') !== null)).toBe(true);
    await page.keyboard.press('Escape');
    expect(await panel.count()).toBe(0);
    expect(await control.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('ms-menu'))).toBe(true);
    // Space opens it as well, as it opens any button.
    await page.keyboard.press(' ');
    await expect.poll(() => panel.isVisible()).toBe(true);
    const draft = await open(`draft/${longChapter.slug}/`);
    await menuOf(draft, section.id).click();
    await expect.poll(() => panelOf(draft, section.id).isVisible()).toBe(true);
    expect(await panelOf(draft, section.id).getByRole('button', { name: 'Copy link to this version' }).isVisible()).toBe(false);
  });

  test('without JavaScript the control links to the id, the short link leads there, and Edit shows beside the heading', async () => {
    const page = await open(`${longChapter.slug}/`, { javaScriptEnabled: false });
    const control = menuOf(page, section.id);
    expect(await control.getAttribute('href')).toBe(`#${section.id}`);
    await control.click();
    expect(new URL(page.url()).hash).toBe(`#${section.id}`);
    expect(await rowOf(page, section.id).getByRole('link', { name: 'Edit' }).isVisible()).toBe(true);
    expect(await rowOf(page, section.id).getByRole('link', { name: 'Suggest a change' }).isVisible()).toBe(true);
    await page.goto(new URL(`../s/${section.id}/`, page.url()).href);
    await page.waitForURL(`**/${longChapter.slug}/#${section.id}`);
  });

  test('copy the short link, the section as Markdown, a citation, an example as JSON', async () => {
    const page = await open(`${longChapter.slug}/`, { permissions: ['clipboard-read', 'clipboard-write'] });
    const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
    const menu = panelOf(page, section.id);
    const status = menu.locator('[data-share-status]');
    await menuOf(page, section.id).click();
    await menu.getByRole('link', { name: 'Copy short link' }).click();
    await expect.poll(() => status.innerText()).toBe('Short link copied.');
    expect(await clipboard()).toBe(`${site.url}s/${section.id}/`);
    expect(new URL(page.url()).pathname).toBe(`/${longChapter.slug}/`);

    await menu.getByRole('button', { name: 'Copy as Markdown' }).click();
    await expect.poll(() => status.innerText()).toBe('Markdown copied.');
    // Markdown that reads right anywhere: no directives, absolute links (tests/browser/reading-place.test.ts has more).
    const copied = await clipboard();
    expect(copied.startsWith(`${'#'.repeat(section.depth)} ${section.title}\n\n`)).toBe(true);
    expect(copied.endsWith(`Source: ${section.url}\n`)).toBe(true);
    expect(copied).not.toMatch(/^\s*:{2,}[a-z]/m);

    await menu.getByRole('button', { name: 'Cite' }).click();
    await expect.poll(() => status.innerText()).toBe('Citation copied.');
    // A release is cited by its dated address on the deployed site, which keeps meaning what it meant.
    const dated = section.url.replace(/^(https?:\/\/[^/]+\/)/, `$1${spec.version}/`);
    expect(await clipboard()).toBe(`${spec.title}, “${section.title}” (${section.id}), version ${spec.version}. ${dated}`);

    const example = Object.values<any>(spec.examples).find((candidate) => candidate.chapter === longChapter.slug && candidate.kind === 'example');
    const exampleMenu = page.locator(`#${example.id} .ms-menu__panel`);
    await page.locator(`#${example.id} .ms-menu`).click();
    // One shared menu: opening the example's closes the section's.
    await expect.poll(() => menu.count()).toBe(0);
    await exampleMenu.getByRole('button', { name: 'Copy as JSON' }).click();
    await expect.poll(() => exampleMenu.locator('[data-share-status]').innerText()).toBe('JSON copied.');
    const records = (await clipboard())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    const expected = readFileSync(path.join(dist, 'examples.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
      .filter((record) => record.example === example.id);
    expect(records).toEqual(expected);
  });
});

describe('4. sharing: short links unfurl with their own image', () => {
  test('every section’s /s/<id>/ page names its own social image, which the build wrote; examples use their section’s', () => {
    for (const section of spec.sections) {
      const html = readFileSync(path.join(dist, 's', section.id, 'index.html'), 'utf8');
      const image = html.match(/<meta property="og:image" content="([^"]+)"/)?.[1];
      expect(image, section.id).toBe(`${new URL(section.url).origin}/s/${section.id}/og.png`);
      const png = readFileSync(path.join(dist, 's', section.id, 'og.png'));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
    }
    const example = Object.values<any>(spec.examples).find((candidate) => candidate.section);
    const html = readFileSync(path.join(dist, 's', example.id, 'index.html'), 'utf8');
    expect(html).toContain(`/s/${example.section}/og.png"`);
  });

  test('every chapter page unfurls with its first section’s image, and names it only where the build wrote it', () => {
    for (const chapter of spec.chapters) {
      const html = readFileSync(path.join(dist, chapter.slug, 'index.html'), 'utf8');
      const image = html.match(/<meta property="og:image" content="([^"]+)"/)?.[1];
      expect(image, chapter.slug).toBe(`${new URL(chapter.url).origin}/s/${chapter.id}/og.png`);
      expect(html).toContain('<meta name="twitter:card" content="summary_large_image">');
      expect(
        readFileSync(path.join(dist, 's', chapter.id, 'og.png'))
          .subarray(1, 4)
          .toString(),
      ).toBe('PNG');
    }
    // Every edition's chapter pages name that edition's card, which the build wrote beside them.
    const { editions } = JSON.parse(readFileSync(path.join(dist, 'editions.json'), 'utf8'));
    for (const { prefix } of editions.filter((edition: any) => edition.prefix !== '')) {
      const first = JSON.parse(readFileSync(path.join(dist, prefix, 'spec.json'), 'utf8')).chapters[0];
      const html = readFileSync(path.join(dist, prefix, first.slug, 'index.html'), 'utf8');
      const image = new URL(html.match(/<meta property="og:image" content="([^"]+)"/)![1]!).pathname;
      expect(image, prefix).toBe(`/${prefix}s/${first.id}/og.png`);
      expect(readFileSync(path.join(dist, image)).subarray(1, 4).toString()).toBe('PNG');
    }
    // Pages that are not a chapter have no section to show.
    expect(readFileSync(path.join(dist, 'levels', 'index.html'), 'utf8')).not.toContain('og:image');
  });

  test('a social image decodes in the browser: 1200×630, white, with its level’s colour along the top', async () => {
    const section = spec.sections.find((candidate: any) => candidate.authority) ?? spec.sections[0];
    const page = await open(`s/${section.id}/og.png`);
    const seen = await page.evaluate(async () => {
      const image = document.querySelector('img')!;
      await image.decode();
      const canvas = new OffscreenCanvas(image.naturalWidth, image.naturalHeight);
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const at = (x: number, y: number) => [...context.getImageData(x, y, 1, 1).data];
      return { width: image.naturalWidth, height: image.naturalHeight, top: at(600, 4), middle: at(20, 300) };
    });
    expect(seen).toMatchObject({ width: 1200, height: 630, middle: [255, 255, 255, 255] });
    // The border is one of the level colours: opaque and far from white.
    expect(seen.top[3]).toBe(255);
    expect(seen.top[0]! + seen.top[1]! + seen.top[2]!).toBeLessThan(3 * 160);
  });
});

describe('6. example cards built for comparing', () => {
  const gradeRank = { compliant: 0, ok: 1, violating: 2 } as Record<string, number>;
  /** The demo's examples of the typical shape: one user turn and two graded answers. */
  const typical = Object.values<any>(spec.examples).filter(
    (example) => example.turns.map((turn: any) => turn.role ?? turn.kind).join(' ') === 'user assistant assistant',
  );
  const twoAnswers = typical[0];
  /** Each comparison's answers: grade and box, in the order the page shows them (top to bottom, left to right). */
  const comparisons = (page: Page | Locator) =>
    page
      .locator('.ms-comparison')
      .evaluateAll((groups) =>
        groups.map((group) =>
          [...group.querySelectorAll<HTMLElement>(':scope > .ms-response')]
            .map((node) => ({ grade: node.dataset.grade!, ...JSON.parse(JSON.stringify(node.getBoundingClientRect())) }))
            .sort((a, b) => (Math.abs(a.top - b.top) > 4 ? a.top - b.top : a.left - b.left)),
        ),
      );

  test('at 1280 px graded alternatives sit side by side, compliant, ok, violating; a typical example fits the viewport', async () => {
    const page = await open(`${twoAnswers.chapter}/#${twoAnswers.id}`, { width: 1280, height: 800 });
    const groups = await comparisons(page);
    expect(groups.length).toBeGreaterThan(0);
    for (const group of groups.filter((candidate) => candidate.length > 1)) {
      expect(group[1].top).toBeCloseTo(group[0].top, 0);
      expect(group[1].left).toBeGreaterThan(group[0].right - 1);
      const ranks = group.map((answer: any) => gradeRank[answer.grade]!);
      expect(ranks).toEqual([...ranks].sort());
    }
    // Typical cards fit under the sticky header: the median one, and most of them.
    expect(typical.length).toBeGreaterThan(2);
    const heights: number[] = [];
    for (const example of typical) {
      if (new URL(page.url()).pathname !== `/${example.chapter}/`) await page.goto(`${site.url}${example.chapter}/`);
      heights.push((await page.locator(`#${example.id}`).boundingBox())!.height);
    }
    const sorted = [...heights].sort((a, b) => a - b);
    expect(sorted[Math.floor(sorted.length / 2)], JSON.stringify(heights)).toBeLessThanOrEqual(800 - 56);
    expect(heights.filter((height) => height <= 800 - 56).length, JSON.stringify(heights)).toBeGreaterThan(typical.length / 2);
  });

  test('at 375 px they are stacked, in the same order; the data keeps the source order', async () => {
    const page = await open(`${longChapter.slug}/`, { width: 375 });
    for (const group of (await comparisons(page)).filter((candidate) => candidate.length > 1)) {
      for (let index = 1; index < group.length; index++) expect(group[index].top).toBeGreaterThanOrEqual(group[index - 1].bottom - 1);
      const ranks = group.map((answer: any) => gradeRank[answer.grade]!);
      expect(ranks).toEqual([...ranks].sort());
    }
    // An example written violating-first is shown compliant-first; spec.json keeps the author's order.
    const reordered = Object.values<any>(spec.examples).find((example) => {
      const responses = example.turns.filter((turn: any) => turn.kind === 'response');
      return responses.some(
        (turn: any, index: number) =>
          index > 0 && turn.comparison === responses[index - 1].comparison && gradeRank[turn.grade]! < gradeRank[responses[index - 1].grade]!,
      );
    });
    expect(reordered, 'the demo has an example written violating-first').toBeTruthy();
    const shown = await open(`${reordered.chapter}/#${reordered.id}`, { width: 375 });
    const [group] = await comparisons(shown.locator(`#${reordered.id}`));
    expect(reordered.turns.filter((turn: any) => turn.kind === 'response').map((turn: any) => turn.grade)).toEqual(['violating', 'compliant']);
    expect(group!.map((answer: any) => answer.grade)).toEqual(['compliant', 'violating']);
  });

  test('each card has a one-line scenario caption; attributes are explained; tool calls name their recipient in monospace', async () => {
    const page = await open('all/');
    const cards = page.locator('article.ms-example');
    expect(await page.locator('article.ms-example .ms-example__caption').count()).toBe(await cards.count());
    const caption = await (await onScreen(page.locator(`#${twoAnswers.id} .ms-example__caption`))).innerText();
    expect(caption).toBe(
      'User message, then 2 graded answers: 1 compliant, 1 violating'.replace(
        '1 violating',
        twoAnswers.turns.some((turn: any) => turn.grade === 'ok') ? '1 ok' : '1 violating',
      ),
    );
    const attributes = await page
      .locator('.ms-turn__attribute')
      .evaluateAll((nodes) => nodes.map((node) => ({ key: (node as HTMLElement).dataset.attribute, title: node.getAttribute('title') })));
    for (const attribute of attributes.filter((candidate) => candidate.key === 'end_turn')) expect(attribute.title).toMatch(/ends its turn/);
    const calls = page.locator('.ms-turn[data-recipient]');
    expect(await calls.count()).toBeGreaterThan(0);
    const call = await onScreen(calls.first());
    expect(await call.locator('.ms-turn__role').innerText()).toMatch(new RegExp(`→ ${await call.getAttribute('data-recipient')}`, 'i'));
    expect(await call.locator('.ms-turn__body').evaluate((node) => getComputedStyle(node).fontFamily)).toMatch(/mono/i);
  });

  test('links inside untrusted content are not clickable: the URL is shown as text, the block is marked', async () => {
    const page = await open('all/');
    const blocks = page.locator('.ms-untrusted');
    expect(await blocks.count()).toBeGreaterThan(0);
    expect(await blocks.locator('a').count()).toBe(0);
    for (const label of await blocks.locator('.ms-untrusted__label').all()) expect(await (await onScreen(label)).innerText()).toMatch(/untrusted/i);
    const inert = page.locator('.ms-untrusted .ms-inert-link');
    expect(await inert.count(), 'the demo quotes a web page with a URL').toBeGreaterThan(0);
    expect(await (await onScreen(inert.first())).innerText()).toMatch(/https?:\/\//);
  });

  test('roles are told apart by an icon and a word', async () => {
    const page = await open(`${longChapter.slug}/`);
    // Cards folded away (eval prompts) are not rendered, so their labels have no text to read.
    const roles = [];
    for (const label of await page.locator('.ms-turn__role').all()) {
      if (!(await label.evaluate((node) => node.checkVisibility()))) continue;
      roles.push(
        await (await onScreen(label)).evaluate((node) => ({
          text: (node as HTMLElement).innerText.trim(),
          icon: getComputedStyle(node, '::before').maskImage || getComputedStyle(node, '::before').webkitMaskImage,
          role: node.closest<HTMLElement>('.ms-turn')!.dataset.role,
        })),
      );
    }
    expect(roles.length).toBeGreaterThan(0);
    const iconByRole = new Map<string, string>();
    for (const role of roles) {
      expect(role.text.length).toBeGreaterThan(0);
      expect(role.icon).toMatch(/^url\(/);
      iconByRole.set(role.role!, role.icon);
    }
    expect(new Set(iconByRole.values()).size).toBe(iconByRole.size);
  });
});

describe('7. polish', () => {
  test('display math is never clipped: it scrolls sideways inside its own box at 375 px', async () => {
    const page = await open('all/', { width: 375 });
    const boxes = await page.locator('.katex-display').evaluateAll((nodes) =>
      nodes.map((node) => ({
        clipped: node.scrollHeight > node.clientHeight + 1,
        wide: node.scrollWidth > node.clientWidth,
        overflowX: getComputedStyle(node).overflowX,
      })),
    );
    expect(boxes.length).toBeGreaterThan(0);
    for (const box of boxes) {
      expect(box.clipped).toBe(false);
      if (box.wide) expect(box.overflowX).toBe('auto');
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  });

  test('/all/ has its own title and heading; the sidebar marks /levels/ and /all/ when current', async () => {
    const all = await open('all/');
    expect(await all.title()).toMatch(/^The whole spec on one page · /);
    expect(await all.locator('main h1').first().innerText()).toBe('The whole spec on one page');
    expect(await all.locator('#sidebar a[aria-current="page"]').innerText()).toBe('Whole spec on one page');
    const levels = await open('levels/');
    expect(await levels.locator('#sidebar a[aria-current="page"]').innerText()).toBe('Authority levels');
  });

  test('footer links are spaced apart', async () => {
    const page = await open('');
    const boxes = await page
      .locator('.site-footer__links a')
      .evaluateAll((nodes) => nodes.map((node) => node.getBoundingClientRect()).map(({ left, right }) => ({ left, right })));
    expect(boxes.length).toBeGreaterThan(1);
    for (let index = 1; index < boxes.length; index++) expect(boxes[index]!.left - boxes[index - 1]!.right).toBeGreaterThanOrEqual(12);
  });

  test('/#unknown_id says the id is not in this version and links to a search for it', async () => {
    const page = await open('#no_such_rule');
    const notice = page.locator('.notice[role="status"]');
    await expect.poll(() => notice.count()).toBe(1);
    expect(await notice.innerText()).toContain('No section or example with id “no_such_rule” in this version');
    expect(await notice.locator('a').getAttribute('href')).toBe('/search/?q=no%20such%20rule');
    // A known id still moves to its page.
    const known = spec.sections.find((section: any) => section.chapter === longChapter.slug && section.depth === 2);
    const moved = await open(`#${known.id}`);
    await moved.waitForURL(`**/${longChapter.slug}/#${known.id}`);
  });

  test('keyboard: j and k move between sections, ? lists the shortcuts', async () => {
    const page = await open(`${longChapter.slug}/`);
    const ids = spec.sections.filter((section: any) => section.chapter === longChapter.slug).map((section: any) => section.id);
    const hash = () => decodeURIComponent(new URL(page.url()).hash.slice(1));
    await page.locator('main').focus();
    await page.keyboard.press('j');
    await expect.poll(hash).toBe(ids[1]);
    await page.keyboard.press('j');
    await expect.poll(hash).toBe(ids[2]);
    // Smooth scrolling takes its time on a busy machine.
    await expect.poll(() => page.locator(`#${ids[2]}`).evaluate((node) => Math.round(node.getBoundingClientRect().top)), { timeout: 10_000 }).toBeLessThan(120);
    await page.keyboard.press('k');
    await expect.poll(hash).toBe(ids[1]);
    await page.keyboard.press('?');
    const dialog = page.locator('dialog.shortcuts[open]');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.innerText()).toMatch(/j\s+Next section[\s\S]*k\s+Previous section/);
    await page.keyboard.press('Escape');
    expect(await dialog.count()).toBe(0);
  });
});

describe('8. tools for readers of examples', () => {
  const chapter = [...spec.chapters].sort(
    (a: any, b: any) =>
      Object.values<any>(spec.examples).filter((e) => e.chapter === b.slug).length -
      Object.values<any>(spec.examples).filter((e) => e.chapter === a.slug).length,
  )[0];
  const examples = Object.values<any>(spec.examples).filter((example) => example.chapter === chapter.slug);

  test('collapse and expand all examples; the card a link points to stays open', async () => {
    const page = await open(`${chapter.slug}/`);
    const conversations = page.locator('.ms-example__conversation');
    const visible = () => conversations.evaluateAll((nodes) => nodes.filter((node) => (node as HTMLElement).offsetParent !== null).length);
    expect(await visible()).toBe(examples.length);
    await page.getByLabel('Collapsed').check();
    expect(await visible()).toBe(0);
    expect(await page.locator('.ms-example__title:visible').count()).toBe(examples.length);
    await page.evaluate((id) => {
      location.hash = id;
    }, examples[0].id);
    expect(await visible()).toBe(1);
    await page.getByLabel('Expanded').check();
    expect(await visible()).toBe(examples.length);
  });

  test('show only violating or only compliant answers, without JavaScript too', async () => {
    const page = await open(`${chapter.slug}/`, { javaScriptEnabled: false });
    const shown = (grade: string) =>
      page.locator(`.ms-response--${grade}`).evaluateAll((nodes) => nodes.filter((node) => (node as HTMLElement).offsetParent !== null).length);
    const total = { compliant: await shown('compliant'), violating: await shown('violating') };
    expect(total.compliant).toBeGreaterThan(0);
    expect(total.violating).toBeGreaterThan(0);
    await page.getByLabel('Only violating').check();
    expect(await shown('compliant')).toBe(0);
    expect(await shown('violating')).toBe(total.violating);
    await page.getByLabel('Only compliant').check();
    expect(await shown('violating')).toBe(0);
    expect(await shown('compliant')).toBe(total.compliant);
  });

  test('the contents show how many examples each section holds', async () => {
    const page = await open(`${chapter.slug}/`);
    for (const section of spec.sections.filter((candidate: any) => candidate.chapter === chapter.slug && candidate.depth > 1)) {
      const count = page.locator(`#sidebar a[data-toc-id="${section.id}"] > .toc__markers > .toc__count`);
      if (section.examples.length === 0) expect(await count.count(), section.id).toBe(0);
      else expect(await count.textContent(), section.id).toBe(`${section.examples.length} example${section.examples.length === 1 ? '' : 's'}`);
    }
  });
});

describe('9. MDX where it earns its place', () => {
  const projectContent = path.resolve(import.meta.dirname, '../../content');
  const mdx = readdirSync(projectContent).filter((file) => file.endsWith('.mdx'));

  test('the demo’s .mdx chapters import nothing and use only the project’s registered components', () => {
    expect(mdx.length).toBeGreaterThan(0);
    const registry = readFileSync(path.resolve(import.meta.dirname, '../../src/components/ChapterBody.astro'), 'utf8');
    for (const file of mdx) {
      const source = readFileSync(path.join(projectContent, file), 'utf8');
      expect(source, file).not.toMatch(/^\s*(import|export)\s/m);
      const used = [...source.matchAll(/<([A-Z][A-Za-z]*)[\s/>]/g)].map((match) => match[1]!);
      expect(used.length, file).toBeGreaterThan(0);
      for (const name of used) {
        expect(registry, `${file}: <${name}>`).toMatch(new RegExp(`import ${name} from '\\./${name}\\.astro'`));
        expect(registry, `${file}: <${name}>`).toMatch(new RegExp(`mdxComponents = \\{[^}]*\\b${name}\\b`));
      }
    }
  });

  test('the chain-of-command diagram lists each level’s sections, highest first, each linking to its section', async () => {
    const chapter = spec.chapters.find((candidate: any) => candidate.file === '06-authority-at-a-glance.mdx');
    const page = await open(`${chapter.slug}/`);
    const steps = page.locator('[data-chain-of-command] .chain__step');
    expect(await steps.count()).toBe(spec.authorityLevels.length);
    for (const [index, level] of spec.authorityLevels.entries()) {
      const step = steps.nth(index);
      expect(await step.locator('.ms-badge').innerText()).toBe(level.label);
      await step.locator('summary').click();
      const links = await step
        .locator('.chain__sections a')
        .evaluateAll((nodes) => nodes.map((node) => new URL((node as HTMLAnchorElement).href).pathname + new URL((node as HTMLAnchorElement).href).hash));
      const expected = spec.sections.filter((section: any) => section.authority === level.name).map((section: any) => `/${section.chapter}/#${section.id}`);
      expect(links, level.name).toEqual(expected);
    }
    // A level's link leads to its section.
    const first = steps.first().locator('.chain__sections a').first();
    const href = await first.getAttribute('href');
    await first.click();
    await page.waitForURL(`**${href!.replace('..', '')}`);
  });
});

test('JavaScript a reading page loads before search opens stays within 8 KB', async () => {
  const page = await open(`${longChapter.slug}/`);
  await page.waitForLoadState('networkidle');
  const scripts = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((entry) => /\.m?js(\?|$)/.test(entry.name))
      .map((entry) => ({ name: entry.name, size: (entry as PerformanceResourceTiming).decodedBodySize })),
  );
  const inline = await page
    .locator('script:not([src])')
    .evaluateAll((nodes) => nodes.reduce((sum, node) => sum + new TextEncoder().encode(node.textContent ?? '').length, 0));
  const total = scripts.reduce((sum, script) => sum + script.size, 0);
  expect(
    scripts.some((script) => /search\.|pagefind|share|versions|keys/.test(script.name.split('/').pop()!) && !script.name.includes('astro_type_script')),
    JSON.stringify(scripts),
  ).toBe(false);
  expect(total, JSON.stringify(scripts)).toBeLessThanOrEqual(8 * 1024);
  // Inline scripts (theme before paint, the #id resolver) are small too.
  expect(inline).toBeLessThan(2 * 1024);
});

test('the page script is one request, found in the head: nothing waits for a second one before the page is ready', async () => {
  for (const pathname of [`${longChapter.slug}/`, 'search/', '']) {
    const page = await open(pathname);
    // In the body, a module's imports are only fetched once the parser reaches it, at the end of a long chapter.
    expect(await page.locator('body script[type=module]').count(), pathname).toBe(0);
    const sources = await page.locator('head script[type=module][src]').evaluateAll((nodes) => nodes.map((node) => (node as HTMLScriptElement).src));
    expect(sources, pathname).toHaveLength(1);
    // A static import (`import{a as b}from"./chunk.js"`) is a request the script waits for before it runs; `import(` loads on demand.
    const code = await page.evaluate(async (source) => (await fetch(source)).text(), sources[0]!);
    expect(code.match(/\bimport\b(?!\s*[(.])[^;]{0,200}/)?.[0], pathname).toBeUndefined();
  }
});

test('no page errors in any test above', () => {
  expect(errors).toEqual([]);
});
