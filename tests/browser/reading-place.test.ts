// Issue 17 (items 2-8) on the built demo, in Chromium at 375 and 1280 px: deep links that land
// (old ids included, with and without script, never animated), the version switcher across renames
// and removals, eval prompts folded out of the reading flow, changes pages a reader can skim, the
// "you are reading an older edition" banner, and text that travels (Markdown, descriptions).
// The same points on the imported upstream history: corpus-reading.test.ts.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { projectRoot } from '../../scripts/harness/build-site.ts';
import { siteInBrowser } from '../support/site-in-browser.ts';
import { chapterPages, checkMarkdownCopy, checkPromptsFolded, checkSwitch, landing, openPage, widths } from './reading-checks.ts';

const dist = inject('builtSite');
const spec = JSON.parse(readFileSync(path.join(dist, 'spec.json'), 'utf8'));
const releases = readdirSync(path.join(projectRoot, 'content', 'releases')).sort();
const [oldest, , latest] = [releases[0]!, releases[1]!, releases.at(-1)!];
const site = siteInBrowser(dist);
const json = (file: string) => JSON.parse(readFileSync(path.join(dist, file), 'utf8'));

// The demo's rename: `follow_instructions` (oldest release) is `follow_every_instruction` now.
const renamed = json(`${releases[1]}/changes.json`).sections.renamed[0] as { from: string; to: string };
const chapterOfRenamed = spec.sections.find((section: { id: string }) => section.id === renamed.to).chapter as string;

describe.each(widths)('at %i px', (width) => {
  test('2. an old id on its own chapter page lands on the section, with and without script, dated or not, never animated', async () => {
    for (const javaScript of [true, false]) {
      for (const prefix of ['', `${latest}/`]) {
        const result = await landing(site, `${prefix}${chapterOfRenamed}/#${renamed.from}`, { width, javaScript, section: renamed.to });
        expect(result.visible, `${prefix} js=${javaScript}`).toBe(true);
        expect(result.animated, `${prefix} js=${javaScript}`).toBe(false);
        if (javaScript) expect(result.hash).toBe(`#${renamed.to}`);
      }
    }
    // From any other page, with script.
    for (const from of ['', 'levels/', `${spec.chapters[0].slug}/`]) {
      const result = await landing(site, `${from}#${renamed.from}`, { width, javaScript: true, section: renamed.to });
      expect(result.path).toBe(`/${chapterOfRenamed}/`);
      expect(result.visible).toBe(true);
    }
    // A newer id on an older release: the same section under the name it had then.
    const back = await landing(site, `${oldest}/${chapterOfRenamed}/#${renamed.to}`, { width, javaScript: true, section: renamed.from });
    expect(back).toMatchObject({ visible: true, hash: `#${renamed.from}` });
    // An eval prompt folded away opens when a link names it.
    const prompt = Object.values<{ id: string; kind: string; chapter: string }>(spec.examples).find((example) => example.kind === 'prompt')!;
    for (const javaScript of [true, false]) {
      const result = await landing(site, `${prompt.chapter}/#${prompt.id}`, { width, javaScript, section: prompt.id });
      expect(result.visible, `prompt js=${javaScript}`).toBe(true);
    }
  });

  test('3. the switcher follows a rename in both directions, and its notice is in view', async () => {
    await checkSwitch(site, { width, from: `${chapterOfRenamed}/#${renamed.to}`, to: oldest, expectHash: `#${renamed.from}`, expectNotice: false });
    await checkSwitch(site, { width, from: `${oldest}/${chapterOfRenamed}/#${renamed.from}`, to: latest, expectHash: `#${renamed.to}`, expectNotice: false });
    // A chapter new in the latest release: the older release's contents, with a notice the reader sees.
    const added = json(`${latest}/changes.json`).sections.added as string[];
    const section = spec.sections.find((candidate: { id: string }) => added.includes(candidate.id));
    await checkSwitch(site, {
      width,
      from: `${section.chapter}/#${section.id}`,
      to: releases[1]!,
      expectHash: '',
      expectPath: `/${releases[1]}/`,
      expectNotice: true,
    });
  });

  test('5. eval prompts are one folded line per run, counted apart from examples, and can be hidden', async () => {
    const chapter = Object.values<{ kind: string; chapter: string }>(spec.examples).find((example) => example.kind === 'prompt')!.chapter;
    await checkPromptsFolded(site, { width, chapter, examples: Object.values(spec.examples) });
  });

  test('7. an older release and the draft say where the reader is, linking to the same section in the latest', async () => {
    const page = await openPage(site, `${oldest}/${chapterOfRenamed}/#${renamed.from}`, { width });
    const banner = page.locator('[data-edition-banner]');
    expect(await banner.innerText()).toMatch(new RegExp(`^You are reading ${oldest}\\. The latest is ${latest}`));
    expect(await banner.isVisible()).toBe(true);
    await banner.getByRole('link', { name: `read this in ${latest}` }).click();
    await page.waitForURL(`**/${chapterOfRenamed}/#${renamed.to}`);
    expect(new URL(page.url()).pathname).toBe(`/${chapterOfRenamed}/`);
    await page.context().close();
    for (const [where, shown] of [
      ['', false],
      [`${latest}/`, false],
      ['draft/', true],
      [`${oldest}/levels/`, true],
    ] as const) {
      const other = await openPage(site, where, { width });
      expect(await other.locator('[data-edition-banner]').count(), where).toBe(shown ? 1 : 0);
      await other.context().close();
    }
  });
});

describe('6. changes pages a reader can skim', () => {
  test('linked from the home page, the version menu and an older release’s banner', async () => {
    const page = await openPage(site, '', { width: 1280 });
    expect(await page.locator('.home__changes a').getAttribute('href')).toBe('/changes/');
    await page.locator('.versions__menu summary').click();
    const links = await page.locator('.versions__changes').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('href')));
    // Every release with a predecessor (the latest one's at the root) and the draft.
    expect(links).toEqual(expect.arrayContaining(['/changes/', ...releases.slice(1, -1).map((version) => `/${version}/changes/`), '/draft/changes/']));
    await page.context().close();
    const older = await openPage(site, `${releases[1]}/`, { width: 375 });
    expect(await older.locator('.edition-banner__changes').getAttribute('href')).toBe(`/${releases[1]}/changes/`);
    await older.context().close();
  });

  test('a summary comes first, one line per kind of change; long diffs start folded', async () => {
    const page = await openPage(site, `${releases[1]}/changes/`, { width: 375 });
    const order = await page.locator('article.changes h2').allInnerTexts();
    expect(order[0]).toBe('At a glance');
    const lines = await page.locator('.changes__glance > li').allInnerTexts();
    expect(lines.some((line) => /^1 section renamed/.test(line))).toBe(true);
    for (const item of await page.locator('details.changes__text').all()) {
      const words = Number(
        /(\d+) words? added, (\d+) removed/
          .exec(await item.locator('summary').innerText())
          ?.slice(1)
          .reduce((sum, n) => sum + Number(n), 0) ?? 0,
      );
      expect(await item.evaluate((node) => (node as HTMLDetailsElement).open)).toBe(words <= 40);
    }
    await page.context().close();
  });
});

describe('8. text that travels', () => {
  test('Copy as Markdown has no directives and only absolute links', async () => {
    const section = spec.sections.find((candidate: { markdown: string }) => /\]\(#/.test(candidate.markdown) && /^:::/m.test(candidate.markdown));
    expect(section, 'a demo section with a cross-reference and a directive').toBeTruthy();
    const copied = await checkMarkdownCopy(site, section);
    expect(copied).toMatch(/\]\(https?:\/\/[^)]+#[\w-]+\)/);
  });

  test('og:description is whole sentences on every chapter page', () => {
    for (const { file, description } of chapterPages(dist, spec)) {
      expect(description, file).not.toMatch(/\n/);
      expect(description, file).toMatch(/[.!?:"”)]$|…$/);
    }
  });
});
