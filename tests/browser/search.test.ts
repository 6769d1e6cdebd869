// The search dialog on the built default site, in Debian's Chromium over a plain static server.
// Content comes from the built spec.json, so edits to the demo spec don't break these tests.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { siteInBrowser } from '../support/site-in-browser.ts';

interface Section {
  id: string;
  title: string;
  text: string;
  depth: number;
  authority: string | null;
  parent: string | null;
  chapter: string;
  url: string;
}
interface Turn {
  kind: 'message' | 'response';
  grade?: string;
  rationale?: string;
  content: string;
}
interface Example {
  id: string;
  kind: string;
  title: string;
  description: string;
  authority: string | null;
  chapter: string;
  url: string;
  turns: Turn[];
}

const dist = inject('builtSite');
const spec = JSON.parse(readFileSync(path.join(dist, 'spec.json'), 'utf8'));
const sections: Section[] = spec.sections;
const examples: Example[] = Object.values(spec.examples);
const levels: { name: string; label: string }[] = spec.authorityLevels;
/** `/chapter/#id` from spec.json's absolute URLs; `pageOf` drops the fragment. */
const pathOf = (url: string) => new URL(url).pathname + new URL(url).hash;
const pageOf = (url: string) => new URL(url).pathname;

const site = siteInBrowser(dist);

/** A fresh page that records console errors and uncaught exceptions; `close()` asserts there were none. */
async function open(pathname: string, options: { colorScheme?: 'light' | 'dark'; width?: number } = {}) {
  const context = await site.browser.newContext({ viewport: { width: options.width ?? 1280, height: 800 }, colorScheme: options.colorScheme ?? 'light' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(site.url + pathname.replace(/^\//, ''), { waitUntil: 'load' });
  return {
    page,
    close: async () => {
      await context.close();
      expect(errors, 'console errors').toEqual([]);
    },
  };
}

async function openDialog(page: Page): Promise<void> {
  await page.keyboard.press('/');
  await page.waitForSelector('dialog.ms-search[open]');
}

/** Types into the search box and waits until the list shows results for exactly that query and filters. */
async function searchFor(page: Page, query: string, options: { type?: boolean; filters?: string } = {}): Promise<void> {
  const input = page.locator('#ms-search-input');
  if (options.type) {
    await input.fill('');
    await input.pressSequentially(query, { delay: 20 });
  } else {
    await input.fill(query);
  }
  await waitForResults(page, query.trim(), options.filters ?? '');
}

async function waitForResults(page: Page, query: string, filters: string): Promise<void> {
  await page.waitForFunction(
    ([query, filters]) => {
      const dialog = document.querySelector<HTMLElement>('dialog.ms-search');
      return dialog && !dialog.hasAttribute('data-busy') && dialog.dataset.query === query && dialog.dataset.filters === filters;
    },
    [query, filters] as const,
  );
}

async function resultCount(page: Page): Promise<number> {
  const status = (await page.locator('.ms-search__status').textContent()) ?? '';
  if (/^No results/.test(status)) return 0;
  const match = /^(\d+) results?/.exec(status);
  if (!match) throw new Error(`unexpected status: ${status}`);
  return Number(match[1]);
}

/** Clicks "Show more" until every result is in the list; returns the options' data. */
async function allResults(page: Page) {
  const more = page.locator('.ms-search__more');
  while (await more.isVisible()) {
    const before = await page.locator('[role="option"]').count();
    await more.click();
    await page.waitForFunction((before) => document.querySelectorAll('[role="option"]').length > before, before);
  }
  return page.locator('[role="option"]').evaluateAll((options) =>
    options.map((option) => ({
      href: option.getAttribute('href')!,
      title: option.querySelector('.ms-result__title')!.textContent!,
      kind: (option as HTMLElement).dataset.kind!,
      authority: (option as HTMLElement).dataset.authority!,
      grades: (option as HTMLElement).dataset.grades!.split(' ').filter(Boolean),
    })),
  );
}

async function firstResult(page: Page) {
  const first = page.locator('[role="option"]').first();
  return { href: await first.getAttribute('href'), title: await first.locator('.ms-result__title').textContent() };
}

// ---- what the content says should be found -------------------------------------------------------

const words = (text: string) => text.toLowerCase().match(/[a-z]+/g) ?? [];
const exampleText = (example: Example) =>
  [example.title, example.description, ...example.turns.flatMap((turn) => [turn.rationale ?? '', turn.content])].join(' ');
const records = [
  ...sections.map((section) => ({ id: section.id, text: `${section.title} ${section.text}` })),
  ...examples.map((example) => ({ id: example.id, text: exampleText(example) })),
];

/** A section and a 4-word phrase from its text around a word whose 5-letter stem no other record uses. */
function distinctivePhrase(): { section: Section; phrase: string } {
  const stems = new Map<string, Set<string>>();
  for (const record of records)
    for (const word of words(record.text)) {
      const stem = word.slice(0, 5);
      if (!stems.has(stem)) stems.set(stem, new Set());
      stems.get(stem)!.add(record.id);
    }
  for (const section of sections.filter((candidate) => candidate.depth >= 2)) {
    const body = section.text
      .split(/\s+/)
      .filter((word) => /^[A-Za-z]+[,.]?$/.test(word))
      .join(' ');
    const tokens = body.split(' ');
    for (let index = 1; index < tokens.length - 3; index++) {
      const word = tokens[index]!.replace(/\W/g, '').toLowerCase();
      if (word.length < 6 || stems.get(word.slice(0, 5))?.size !== 1) continue;
      const phrase = tokens
        .slice(index - 1, index + 3)
        .join(' ')
        .replace(/[,.]/g, '');
      if (section.text.replace(/\s+/g, ' ').includes(tokens.slice(index - 1, index + 3).join(' '))) return { section, phrase };
    }
  }
  throw new Error('no section has a distinctive phrase');
}

/** A word in many records of several levels: filtering it by authority has something to remove. */
function commonWord(): string {
  const counts = new Map<string, number>();
  for (const record of records) for (const word of new Set(words(record.text))) if (word.length >= 6) counts.set(word, (counts.get(word) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
}

function sectionLevel(section: Section): string | null {
  let current: Section | undefined = section;
  while (current) {
    if (current.authority) return current.authority;
    current = sections.find((candidate) => candidate.id === current!.parent);
  }
  return null;
}

// ---- tests ----------------------------------------------------------------------------------------

describe('opening and closing', () => {
  test('`/` opens the dialog with the input focused; Esc closes it and focus returns to the opener', async () => {
    const { page, close } = await open(pageOf(spec.chapters[1].url));
    await openDialog(page);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('ms-search-input');
    await page.keyboard.press('Escape');
    await page.waitForSelector('dialog.ms-search:not([open])', { state: 'attached' });

    // Opened from the header button, it gives focus back to that button.
    await page.locator('[data-search-open]').click();
    await page.waitForSelector('dialog.ms-search[open]');
    await page.keyboard.type('x');
    await page.keyboard.press('Escape');
    await page.waitForSelector('dialog.ms-search:not([open])', { state: 'attached' });
    expect(await page.evaluate(() => document.activeElement?.matches('[data-search-open]'))).toBe(true);

    // Ctrl-K opens it too, and `/` typed into the search box is text, not a shortcut.
    await page.keyboard.press('Control+k');
    await page.waitForSelector('dialog.ms-search[open]');
    await page.keyboard.type('a/b');
    expect(await page.locator('#ms-search-input').inputValue()).toBe('a/b');
    await close();
  });

  test('the /search/ page opens the dialog with `?q=` filled in', async () => {
    const title = sections.find((section) => section.depth === 2)!.title;
    const { page, close } = await open(`search/?q=${encodeURIComponent(title)}`);
    await page.waitForSelector('dialog.ms-search[open]');
    await waitForResults(page, title, '');
    expect((await firstResult(page)).title).toBe(title);
    await close();
  });
});

describe('results', () => {
  // Dozens of searches in one page: slow on a loaded two-core machine, so it gets its own time budget.
  test('typing a section title returns that section first, for every section', { timeout: 240_000 }, async () => {
    const { page, close } = await open('');
    await openDialog(page);
    const sample = sections.length > 60 ? sections.filter((_, index) => index % Math.ceil(sections.length / 60) === 0) : sections;
    const misses: string[] = [];
    for (const section of sample) {
      await searchFor(page, section.title);
      const first = await firstResult(page);
      // Two sections may share a title; either is a right answer.
      if (first.title !== section.title) misses.push(`${section.title} → ${first.title} (${first.href})`);
      else if (sections.filter((other) => other.title === section.title).length === 1 && !first.href?.endsWith(`#${section.id}`))
        misses.push(`${section.title} → ${first.href}`);
    }
    expect(misses).toEqual([]);
    await close();
  });

  test('typing a phrase from a section’s text returns that section first, with the words marked', async () => {
    const { section, phrase } = distinctivePhrase();
    const { page, close } = await open('');
    await openDialog(page);
    await searchFor(page, phrase, { type: true });
    const first = page.locator('[role="option"]').first();
    expect(await first.getAttribute('href')).toBe(pathOf(section.url));
    expect(await first.locator('.ms-result__excerpt mark').count()).toBeGreaterThan(0);
    // Each result shows its kind, chapter and (for a levelled record) an authority badge.
    expect(await first.locator('.ms-result__kind').textContent()).toBe('Section');
    const chapter = spec.chapters.find((candidate: { slug: string }) => candidate.slug === section.chapter);
    expect(await first.locator('.ms-result__where').textContent()).toContain(chapter.title);
    const level = sectionLevel(section);
    if (level) expect(await first.locator(`.ms-badge.ms-badge--${level}`).count()).toBe(1);
    expect(await page.locator('.ms-search__status').textContent()).toMatch(/^\d+ results?$/);
    await close();
  });

  test('text from the spec is shown as text: excerpts hold nothing but <mark> and <code>', async () => {
    const { page, close } = await open('');
    await openDialog(page);
    const example = examples.find((candidate) => candidate.turns.some((turn) => /<[a-z]/i.test(turn.content)));
    const query = example ? /<([a-z]+)/i.exec(example.turns.find((turn) => /<[a-z]/i.test(turn.content))!.content)![1]! : commonWord();
    await searchFor(page, query);
    await allResults(page);
    const tags = await page
      .locator('.ms-search__results')
      .evaluate((list) => [...list.querySelectorAll('.ms-result__excerpt *, .ms-result__title *')].map((node) => node.tagName));
    expect([...new Set(tags)].filter((tag) => tag !== 'MARK' && tag !== 'CODE')).toEqual([]);
    if (example) expect(await page.locator('.ms-result__excerpt').allTextContents()).toContainEqual(expect.stringContaining(`<${query}`));
    await close();
  });

  test('arrow keys move the active option; the input keeps focus', async () => {
    const { page, close } = await open('');
    await openDialog(page);
    await searchFor(page, commonWord());
    const input = page.locator('#ms-search-input');
    expect(await input.getAttribute('aria-expanded')).toBe('true');
    expect(await input.getAttribute('aria-activedescendant')).toBe('ms-search-option-0');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await input.getAttribute('aria-activedescendant')).toBe('ms-search-option-2');
    expect(await page.locator('#ms-search-option-2').getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('[role="option"][aria-selected="true"]').count()).toBe(1);
    await page.keyboard.press('ArrowUp');
    expect(await input.getAttribute('aria-activedescendant')).toBe('ms-search-option-1');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('ms-search-input');
    await close();
  });
});

describe('understanding people', () => {
  // The section on users versus developers: what a user may steer within the developer's limits.
  const usersVersusDevelopers = sections.find((section) => section.id === 'users_steer_within_the_lines');

  // Sections holding examples titled with these words (the rule those examples illustrate, issue 17)
  // now compete for the first places (corpus-reading.test.ts pins the top 3 on the real spec).
  // Known gap: for "user override developer", four sections and one example come first (it is 6th).
  for (const [query, first] of [
    ['developer vs user', 5],
    ['developer user conflict', 5],
    ['user override developer', 8],
  ] as const) {
    test(`“${query}” lists the section on users versus developers in the first ${first}`, async () => {
      expect(usersVersusDevelopers, 'the demo spec has the section').toBeDefined();
      const { page, close } = await open('');
      await openDialog(page);
      await searchFor(page, query);
      const top = await page
        .locator('[role="option"]')
        .evaluateAll((options, first) => options.slice(0, first).map((option) => option.getAttribute('href')), first);
      expect(top).toContain(pathOf(usersVersusDevelopers!.url));
      await close();
    });
  }

  test('when no record has every word, results for most of them come with a notice', async () => {
    // A word of one record and a word no record has.
    const { section } = distinctivePhrase();
    const word =
      words(section.title)
        .filter((candidate) => candidate.length >= 5)
        .at(-1) ?? words(section.title)[0]!;
    const query = `${word} qqqzzxv`;
    const { page, close } = await open('');
    await openDialog(page);
    await searchFor(page, query);
    expect(await page.locator('.ms-search__status').textContent()).toContain('No result has every word; showing results for most of them');
    expect(await resultCount(page)).toBeGreaterThan(0);
    expect(await page.locator('[role="option"]').count()).toBe(Math.min(20, await resultCount(page)));
    // A query whose words are all found has no notice.
    await searchFor(page, word);
    expect(await page.locator('.ms-search__status').textContent()).not.toContain('No result has every word');
    await close();
  });

  test('a title word with one letter wrong finds that title and says “Showing results for …”', async () => {
    // A long title word that no record's text has in a shorter form; change one letter in its middle.
    const titleWords = [...new Set(sections.flatMap((section) => words(section.title)))].filter((word) => word.length >= 7);
    const word = titleWords.find((candidate) =>
      records.every((record) => !words(record.text).some((other) => other !== candidate && candidate.startsWith(other) && other.length >= 4)),
    )!;
    const middle = Math.floor(word.length / 2);
    const typo = word.slice(0, middle) + (word[middle] === 'x' ? 'q' : 'x') + word.slice(middle + 1);
    const { page, close } = await open('');
    await openDialog(page);
    await searchFor(page, typo);
    const suggestion = page.locator('[data-suggestion]');
    expect(await suggestion.isVisible()).toBe(true);
    expect(await suggestion.textContent()).toBe(`Showing results for ${word}. Search instead for “${typo}”.`);
    const first = await firstResult(page);
    expect([...words(first.title ?? ''), ...words((await page.locator('[role="option"]').first().textContent()) ?? '')]).toContain(word);
    // Searching for the words as typed takes them as written (quoted), and the correction goes away.
    await suggestion.locator('button').click();
    await waitForResults(page, `"${typo}"`, '');
    expect(await suggestion.isVisible()).toBe(false);
    await close();
  });

  test("a word the spec never uses finds its synonyms from spec.config.json's `search`, marked in the titles", async () => {
    const config = JSON.parse(readFileSync(path.join(import.meta.dirname, '../../content/spec.config.json'), 'utf8'));
    const group: string[] = config.search.synonyms[0];
    const word = group.find((member) => records.every((record) => !(words(record.text) as string[]).includes(member)))!;
    expect(word, 'the demo config names a word the demo spec never uses').toBeDefined();
    const { page, close } = await open('');
    await openDialog(page);
    await searchFor(page, word);
    expect(await resultCount(page)).toBeGreaterThan(0);
    // The first result's title marks a synonym: the config's own, or one of the built-in group it joined.
    const marked = await page.locator('[role="option"]').first().locator('.ms-result__title mark').allTextContents();
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.map((text) => text.toLowerCase())).not.toContain(word);
    await close();
  });

  test('grades on results are words (Compliant, Violating, OK), not only colours', async () => {
    const { page, close } = await open('');
    await openDialog(page);
    await page.locator('.ms-chip:has(input[name="ms-search-kind"][value="Example"])').click();
    await waitForResults(page, '', 'kind=Example');
    const listed = await allResults(page);
    const labels = await page
      .locator('[role="option"]')
      .evaluateAll((options) =>
        options.map((option) => [...option.querySelectorAll('.ms-result__grade')].map((mark) => (mark as HTMLElement).innerText.trim())),
      );
    expect(labels.length).toBe(listed.length);
    labels.forEach((shown, index) => expect(shown.sort(), listed[index]!.href).toEqual([...listed[index]!.grades].sort()));
    expect(new Set(labels.flat())).toEqual(
      new Set(
        examples
          .flatMap((example) =>
            example.turns.flatMap((turn) => (turn.grade ? [{ compliant: 'Compliant', violating: 'Violating', ok: 'OK' }[turn.grade]!] : [])),
          )
          .filter(Boolean),
      ),
    );
    await close();
  });
});

describe('loading', () => {
  /** A fresh page that records the URLs it fetches; settles until the browser has been idle. */
  async function watched() {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    const fetched: { url: string; type: string; bytes: number }[] = [];
    context.on('requestfinished', async (request) => {
      const sizes = await request.sizes().catch(() => ({ responseBodySize: 0 }));
      fetched.push({ url: request.url(), type: request.resourceType(), bytes: sizes.responseBodySize });
    });
    await page.goto(site.url + pageOf(spec.chapters[1].url).slice(1), { waitUntil: 'load' });
    // The loader prefetches Pagefind's data when idle: wait for that to have happened.
    await page.waitForFunction(() => document.querySelectorAll('link[rel="prefetch"][href*="pagefind"]').length > 0);
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => resolve(null))));
    const pagefindScript = () => fetched.some((entry) => /\/pagefind\/pagefind\.js$/.test(new URL(entry.url).pathname));
    return { page, context, fetched, pagefindScript };
  }

  test('a reading page loads under 8 KB of script before search opens; idle time prefetches only data', async () => {
    const { context, fetched, pagefindScript } = await watched();
    const scripts = fetched.filter((entry) => entry.type === 'script' || /\.m?js$/.test(new URL(entry.url).pathname));
    expect(scripts.reduce((sum, entry) => sum + entry.bytes, 0)).toBeLessThanOrEqual(8 * 1024);
    expect(pagefindScript()).toBe(false);
    // Idle time comes when it comes: on a busy machine, later.
    await expect.poll(() => fetched.some((entry) => /wasm\.\w+\.pagefind$/.test(entry.url)), { timeout: 15_000 }).toBe(true);
    await context.close();
  });

  test('the pointer reaching the search button loads the search code and Pagefind before any click', async () => {
    const { page, context, fetched, pagefindScript } = await watched();
    const before = fetched.length;
    await page.locator('[data-search-open]').hover();
    await expect.poll(pagefindScript).toBe(true);
    expect(fetched.slice(before).some((entry) => /\/_astro\/.+\.js$/.test(entry.url))).toBe(true);
    expect(await page.locator('dialog.ms-search').count()).toBe(0);
    await context.close();
  });

  test('focus reaching the search button (Tab) does the same', async () => {
    const { page, context, pagefindScript } = await watched();
    expect(pagefindScript()).toBe(false);
    await page.locator('[data-search-open]').focus();
    await expect.poll(pagefindScript).toBe(true);
    expect(await page.locator('dialog.ms-search').count()).toBe(0);
    await context.close();
  });
});

describe('filters', () => {
  test('an authority filter narrows the results to that authority', async () => {
    const word = commonWord();
    const { page, close } = await open('');
    await openDialog(page);
    await searchFor(page, word);
    const everything = await allResults(page);
    expect(everything.length).toBe(await resultCount(page));
    // The level with the most results, but not all of them.
    const byLevel = Map.groupBy(everything, (result) => result.authority);
    const [name, expected] = [...byLevel].filter(([, results]) => results.length < everything.length).sort((a, b) => b[1].length - a[1].length)[0]!;
    await page.locator(`.ms-chip:has(input[name="ms-search-authority"][value="${name}"])`).click();
    await waitForResults(page, word, `authority=${name}`);
    const narrowed = await allResults(page);
    expect(narrowed.length).toBe(await resultCount(page));
    expect(narrowed.length).toBeLessThan(everything.length);
    expect(narrowed.map((result) => result.href).sort()).toEqual(expected.map((result) => result.href).sort());
    expect(new Set(narrowed.map((result) => result.authority))).toEqual(new Set([name]));
    await close();
  });

  test('filters without words list exactly the records the data says match', async () => {
    const { page, close } = await open('');
    await openDialog(page);
    // Every example with a violating response, in spec order.
    await page.locator('.ms-chip:has(input[name="ms-search-grade"][value="Violating"])').click();
    await waitForResults(page, '', 'grade=Violating');
    const violating = examples.filter((example) => example.turns.some((turn) => turn.grade === 'violating'));
    const listed = await allResults(page);
    expect(listed.map((result) => result.href).sort()).toEqual(violating.map((example) => pathOf(example.url)).sort());
    expect(listed.every((result) => result.grades.includes('Violating') && result.kind !== 'Section')).toBe(true);

    // Every section of the first level (its own or inherited), and nothing else.
    const level = levels[0]!;
    await page.locator('.ms-chip:has(input[name="ms-search-grade"][value=""])').click();
    await page.locator('.ms-chip:has(input[name="ms-search-kind"][value="Section"])').click();
    await page.locator(`.ms-chip:has(input[name="ms-search-authority"][value="${level.name}"])`).click();
    await waitForResults(page, '', `authority=${level.name}&kind=Section`);
    const expected = sections.filter((section) => sectionLevel(section) === level.name);
    expect((await allResults(page)).map((result) => result.href).sort()).toEqual(expected.map((section) => pathOf(section.url)).sort());
    await close();
  });
});

describe('opening a result', () => {
  const inView = (page: Page, id: string) =>
    page.waitForFunction(
      (id) => {
        const target = document.getElementById(id);
        if (!target) return false;
        const box = target.getBoundingClientRect();
        return box.top >= 0 && box.top < window.innerHeight * 0.5 && box.height > 0;
      },
      id,
      { timeout: 5000 },
    );

  test('Enter on a section in another chapter lands on its anchor, in view and highlighted', async () => {
    // A section far down its page, so the browser has to scroll to it.
    const chapter = spec.chapters.at(-1);
    const section = sections.filter((candidate) => candidate.chapter === chapter.slug && candidate.depth === 2).at(-1)!;
    const { page, close } = await open('');
    await openDialog(page);
    await searchFor(page, section.title);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.hash === `#${section.id}`);
    expect(new URL(page.url()).pathname).toBe(pageOf(section.url));
    await inView(page, section.id);
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe(section.id);
    expect(await page.evaluate(() => getComputedStyle(document.querySelector(':target')!).animationName)).toBe('ms-arrive');
    await close();
  });

  test('arrowing to an example on the same page and pressing Enter scrolls to it and moves focus there', async () => {
    const example = examples.find((candidate) => candidate.kind === 'example' && sections.filter((section) => section.title === candidate.title).length === 0)!;
    const { page, close } = await open(pageOf(example.url));
    await openDialog(page);
    await searchFor(page, example.title);
    const index = await page
      .locator('[role="option"]')
      .evaluateAll((links, href) => links.findIndex((link) => link.getAttribute('href') === href), pathOf(example.url));
    expect(index).toBeGreaterThanOrEqual(0);
    for (let step = 0; step < index; step++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.hash === `#${example.id}`);
    await page.waitForSelector('dialog.ms-search:not([open])', { state: 'attached' });
    await inView(page, example.id);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(example.id);
    await close();
  });
});

describe('failure', () => {
  test('when the index cannot load, the dialog says so and points to the one-page version', async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    await page.route('**/pagefind/**', (route) => route.abort());
    await page.goto(site.url, { waitUntil: 'load' });
    await openDialog(page);
    await page.locator('#ms-search-input').fill('anything');
    await page.waitForSelector('.ms-search__status--error');
    expect(await page.locator('.ms-search__status').textContent()).toMatch(/could not load/);
    expect(await page.locator('.ms-search__hint a').getAttribute('href')).toBe(`${pageOf(spec.chapters[0].url).replace(/[^/]+\/$/, '')}all/`);
    expect(await page.locator('[role="option"]').count()).toBe(0);
    await context.close();
  });
});

describe('accessibility', () => {
  const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`the open dialog with results and a filter has no axe violations (${colorScheme})`, async () => {
      const { page, close } = await open(pageOf(spec.chapters[1].url), { colorScheme });
      await openDialog(page);
      await searchFor(page, commonWord());
      await page.locator(`.ms-chip:has(input[name="ms-search-authority"][value="${levels[0]!.name}"])`).click();
      await waitForResults(page, commonWord(), `authority=${levels[0]!.name}`);
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: {
              run: (context: unknown, options: unknown) => Promise<{ violations: { id: string; nodes: { target: string[]; failureSummary: string }[] }[] }>;
            };
          }
        ).axe;
        const result = await axe.run({ include: ['dialog.ms-search'] }, { resultTypes: ['violations'] });
        return result.violations.map(
          (violation) => `${violation.id}: ${violation.nodes.map((node) => `${node.target.join(' ')} ${node.failureSummary}`).join(' | ')}`,
        );
      });
      expect(violations).toEqual([]);
      await close();
    });
  }
});
