// Issue 17 (items 2-8) on the real Model Spec history: the corpus releases imported oldest first as
// one site (no `site` given, as a fork starts), built once, read in Chromium at 375 and 1280 px.
// Search is pinned with real readers' questions against the real Pagefind index.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findCorpus } from '../../scripts/harness/corpus-path.ts';
import { launchChromium } from '../../scripts/harness/browser.ts';
import { buildSite } from '../../scripts/harness/build-site.ts';
import { importCorpusHistory } from '../../scripts/harness/corpus-history.ts';
import { serveStatic } from '../../scripts/harness/static-server.ts';
import { chapterPages, checkMarkdownCopy, checkPromptsFolded, checkSwitch, landing, openPage, widths } from './reading-checks.ts';

const corpus = findCorpus();
const work = mkdtempSync(path.join(tmpdir(), 'ms-corpus-reading-'));
const dist = path.join(work, 'dist');
const site = {} as { browser: Browser; url: string; close: () => Promise<void>; importOutput: string; buildOutput: string; versions: string[] };
const spec = () => JSON.parse(readFileSync(path.join(dist, 'spec.json'), 'utf8'));

beforeAll(async () => {
  if (!corpus) return;
  const imported = importCorpusHistory(corpus, path.join(work, 'content'));
  const built = buildSite({ contentDir: path.join(work, 'content'), outDir: dist });
  if (built.status !== 0) throw new Error(`the corpus history did not build:\n${built.output.slice(-4000)}`);
  const served = await serveStatic(dist);
  Object.assign(site, {
    url: served.url,
    close: served.close,
    importOutput: imported.output,
    buildOutput: built.output,
    versions: imported.versions,
    browser: await launchChromium(),
  });
}, 900_000);
afterAll(async () => {
  await site.browser?.close();
  await site.close?.();
  rmSync(work, { recursive: true, force: true });
});

/** The titles of the first results for a query typed into the search dialog. */
async function topResults(page: Page, query: string, count = 3): Promise<string[]> {
  await page.locator('#ms-search-input').fill(query);
  await page.waitForFunction((query) => {
    const dialog = document.querySelector<HTMLElement>('dialog.ms-search');
    return dialog && !dialog.hasAttribute('data-busy') && dialog.dataset.query === query;
  }, query);
  return (await page.locator('[role="option"] .ms-result__title').allInnerTexts()).slice(0, count);
}

describe.skipIf(!corpus)('the upstream history as one site', { timeout: 180_000 }, () => {
  test('8. without `site`, the importer says so and the build warns that URLs will say example.com', () => {
    expect(site.importOutput).toMatch(/has no "site": canonical, citation and share URLs will say https:\/\/example\.com; pass --site/);
    expect(site.buildOutput).toMatch(
      /spec\.config\.json has no "site": canonical links, citations, share links and exported URLs will say https:\/\/example\.com/,
    );
  });

  describe('4. search ranks the rule first', () => {
    const pinned: Array<[string, string]> = [
      ['system prompt confidentiality', 'Do not reveal privileged information'],
      ['what happens when instructions conflict', 'The chain of command'],
      ['developer vs user conflict', 'Follow all applicable instructions'],
      // More phrasings a reader would type.
      ['keep the system prompt secret', 'Do not reveal privileged information'],
      ['can the model lie', 'Do not lie'],
      ['should the assistant share its opinion on politics', 'Present perspectives from any point of an opinion spectrum'],
      // Words the spec never uses, found through the built-in English vocabulary (plugins/model/search-words.ts).
      ['copyright', 'Respect creators and their rights'],
      ['doxxing', "Protect people's privacy"],
      ['helping with illegal activity', 'Do not facilitate or encourage illicit behavior'],
    ];
    test.each(widths)('real questions find their section in the top 3 (%i px)', async (width) => {
      const page = await openPage(site, '', { width });
      await page.keyboard.press('/');
      await page.waitForSelector('dialog.ms-search[open]');
      for (const [query, section] of width === 375 ? pinned.slice(0, 2) : pinned) {
        expect(await topResults(page, query), query).toContain(section);
      }
      // A typo is corrected, and the dialog says so.
      await topResults(page, 'chain of comand');
      expect(await page.locator('[data-suggestion]').innerText()).toMatch(/^Showing results for chain of command\. Search instead for “chain of comand”/);
      await page.context().close();
    });

    test('on an older edition, search says which edition its results come from', async () => {
      const older = site.versions[1]!;
      const page = await openPage(site, `${older}/`, { width: 375 });
      await page.keyboard.press('/');
      await page.waitForSelector('dialog.ms-search[open]');
      expect(await page.locator('.ms-search__edition').innerText()).toBe(
        `Results come from the latest release, ${site.versions.at(-1)}; you are reading ${older}.`,
      );
      await page.context().close();
    });
  });

  describe.each(widths)('at %i px', (width) => {
    test('2. an old id lands on its section on a 40,000 px page, with and without script, never animated', async () => {
      const latest = site.versions.at(-1)!;
      for (const javaScript of [true, false]) {
        for (const prefix of ['', `${latest}/`]) {
          const result = await landing(site, `${prefix}stay-in-bounds/#protect_privileged_messages`, {
            width,
            javaScript,
            section: 'protect_privileged_information',
          });
          expect(result, `${prefix} js=${javaScript}`).toMatchObject({ visible: true, animated: false });
        }
        const older = await landing(site, `${site.versions[1]}/stay-in-bounds/#protect_privileged_messages`, {
          width,
          javaScript,
          section: 'protect_privileged_messages',
        });
        expect(older, `older js=${javaScript}`).toMatchObject({ visible: true, animated: false });
      }
      // The newer id on the older release: the same section as it was named then.
      const back = await landing(site, `${site.versions[1]}/stay-in-bounds/#protect_privileged_information`, {
        width,
        javaScript: true,
        section: 'protect_privileged_messages',
      });
      expect(back).toMatchObject({ visible: true, animated: false, hash: '#protect_privileged_messages' });
    });

    test('3. the switcher follows the rename back to 2025-04-11 and forward again, with no false notice', async () => {
      const [older, latest] = [site.versions[1]!, site.versions.at(-1)!];
      await checkSwitch(site, {
        width,
        from: 'stay-in-bounds/#protect_privileged_information',
        to: older,
        expectHash: '#protect_privileged_messages',
        expectNotice: false,
      });
      await checkSwitch(site, {
        width,
        from: `${older}/stay-in-bounds/#protect_privileged_messages`,
        to: latest,
        expectHash: '#protect_privileged_information',
        expectNotice: false,
      });
    });

    test('5. eval prompts are folded out of the prose, counted apart', async () => {
      await checkPromptsFolded(site, { width, chapter: 'stay-in-bounds', examples: Object.values(spec().examples) });
    });

    test('7. an older release says where the reader is', async () => {
      const page = await openPage(site, `${site.versions[1]}/stay-in-bounds/`, { width });
      expect(await page.locator('[data-edition-banner]').innerText()).toMatch(
        new RegExp(`^You are reading ${site.versions[1]}\\. The latest is ${site.versions.at(-1)}`),
      );
      await page.context().close();
    });
  });

  test('5. the counts agree: the home page’s totals are the sums of the chapters’ toolbars', () => {
    const home = readFileSync(path.join(dist, 'index.html'), 'utf8');
    const [, examples, prompts] = /(\d+) examples · (\d+) eval prompts/.exec(home) ?? [];
    let sums = [0, 0];
    for (const chapter of spec().chapters) {
      const html = readFileSync(path.join(dist, chapter.slug, 'index.html'), 'utf8');
      const legend = (noun: string) => Number(new RegExp(`example-tools__legend">(\\d+) ${noun}s?<`).exec(html)?.[1] ?? 0);
      sums = [sums[0]! + legend('example'), sums[1]! + legend('eval prompt')];
    }
    expect(sums).toEqual([Number(examples), Number(prompts)]);
  });

  test('6. the changes page: a level change shared by many sections is one line; math is typeset in diffs; long diffs folded', async () => {
    const page = await openPage(site, `${site.versions.at(-1)}/changes/`, { width: 1280 });
    const lines = await page.locator('.changes__glance > li').allInnerTexts();
    const moves = lines
      .filter((line) => /^\d+ sections? moved from \S+ to \S+/.test(line))
      .map((line) => /moved from (\S+) to (\S+)/.exec(line)!.slice(1).join('→'));
    expect(moves.length).toBeGreaterThan(0);
    expect(new Set(moves).size).toBe(moves.length);
    expect(lines.join('\n')).not.toMatch(/from platform to/);
    const folded = await page.locator('details.changes__text:not([open])').count();
    expect(folded).toBeGreaterThan(0);
    const math = await page.evaluate(() => [...document.querySelectorAll('.ms-diff')].filter((diff) => diff.querySelector('.katex')).length);
    expect(math).toBeGreaterThan(0);
    expect(await page.evaluate(() => [...document.querySelectorAll('.ms-diff')].some((diff) => /\$\$/.test(diff.textContent ?? '')))).toBe(false);
    await page.context().close();
  });

  test('8. Copy as Markdown and og:description travel', async () => {
    const section = spec().sections.find((candidate: { id: string }) => candidate.id === 'protect_privileged_information');
    await checkMarkdownCopy(site, section);
    for (const { file, description } of chapterPages(dist, spec())) {
      expect(description, file).not.toMatch(/\n/);
      expect(description, file).toMatch(/[.!?:"”)]$|…$/);
      expect(description.length, file).toBeLessThanOrEqual(300);
    }
  });

  test("titles as readers see them: smart typography in the contents, menus, page titles and changes pages; spec.json keeps the author's", () => {
    // The importer turns typography on, as the official page shows "Don’t". An apostrophe inside a word is always ’.
    const curl = (title: string) => title.replace(/(\w)'(\w)/g, '$1’$2');
    const data = spec();
    const sections = data.sections.filter((section: { title: string }) => /\w'\w/.test(section.title));
    expect(sections.length).toBeGreaterThan(0);
    for (const section of sections) {
      const html = readFileSync(path.join(dist, section.chapter, 'index.html'), 'utf8');
      expect(html, section.id).toContain(`<span class="toc__title">${curl(section.title)}</span>`);
      expect(html, section.id).toContain(`sharing for section “${curl(section.title)}”`);
      expect(html, section.id).not.toContain(`sharing for section “${section.title}”`);
    }
    for (const chapter of data.chapters.filter((chapter: { title: string }) => /\w'\w/.test(chapter.title))) {
      const html = readFileSync(path.join(dist, chapter.slug, 'index.html'), 'utf8');
      expect(html).toContain(`<title>${curl(chapter.title)}`);
      expect(html).toContain(`<meta property="og:title" content="${curl(chapter.title)}`);
    }
    // A changes page lists retitled or added sections by their shown titles.
    const changes = readFileSync(path.join(dist, 'changes', 'index.html'), 'utf8');
    expect(changes).not.toMatch(/>[^<]*\w'\w[^<]*<\/a>/);
  });
});
