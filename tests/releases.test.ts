// Releases as readers meet them in the built demo: every release at its own address, the latest
// at the root, changes pages and data, removed ids landing on their replacement, and a frozen
// release that cannot be edited.
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, inject, test } from 'vitest';
import { buildSite, projectRoot } from '../scripts/harness/build-site.ts';
import { siteInBrowser } from './support/site-in-browser.ts';

const dist = inject('builtSite');
const content = path.join(projectRoot, 'content');
const releases = readdirSync(path.join(content, 'releases')).sort();
const latest = releases.at(-1)!;
const json = (file: string) => JSON.parse(readFileSync(path.join(dist, file), 'utf8'));
const articleOf = (html: string) => html.slice(html.indexOf('<article class="chapter"'), html.indexOf('</article>'));

describe('every release has its own lasting address', () => {
  test('each release, the draft and the root are built; the root shows the latest release', () => {
    expect(releases.length, 'the demo content has at least three releases').toBeGreaterThanOrEqual(3);
    for (const version of [...releases, 'draft']) expect(existsSync(path.join(dist, version, 'index.html')), version).toBe(true);
    for (const chapter of json('spec.json').chapters) {
      const root = readFileSync(path.join(dist, chapter.slug, 'index.html'), 'utf8');
      const dated = readFileSync(path.join(dist, latest, chapter.slug, 'index.html'), 'utf8');
      expect(articleOf(root)).toBe(articleOf(dated));
    }
  });

  test('an id resolves within each release: its anchors.json, its short links', () => {
    const anchors = json(`${releases[0]}/anchors.json`);
    expect(anchors.follow_instructions).toBe(`/${releases[0]}/chain-of-command/#follow_instructions`);
    expect(existsSync(path.join(dist, releases[0]!, 's', 'follow_instructions', 'index.html'))).toBe(true);
    expect(json('anchors.json').follow_instructions).toBe('/chain-of-command/#follow_every_instruction');
  });
});

describe('what changed', () => {
  const schema = JSON.parse(readFileSync(path.join(projectRoot, 'public/schemas/changes.schema.json'), 'utf8'));
  const validate = new Ajv2020({ strict: false }).compile(schema);

  test('every release with a predecessor has changes.json, valid against its schema, with the demo churn', () => {
    for (const version of releases.slice(1)) {
      const changes = json(`${version}/changes.json`);
      expect(validate(changes), JSON.stringify(validate.errors)).toBe(true);
    }
    const second = json(`${releases[1]}/changes.json`);
    expect(second.sections.renamed).toEqual([expect.objectContaining({ from: 'follow_instructions', to: 'follow_every_instruction' })]);
    expect(second.sections.added).not.toContain('follow_every_instruction');
    expect(second.sections.removed).toContain('keep_answers_short');
    expect(second.sections.moved.map((move: { id: string }) => move.id)).toContain('match_the_users_language');
    expect(second.sections.retitled.map((change: { id: string }) => change.id)).toContain('say_how_sure_you_are');
    expect(second.examples.added).toContain('over_hedging');
    expect(second.examples.removed).toContain('weather_small_talk');
    expect(second.examples.changed.map((change: { id: string }) => change.id)).toContain('confirm_code_correct');
    const third = json(`${releases[2]}/changes.json`);
    expect(third.sections.authorityChanged).toEqual([expect.objectContaining({ id: 'younger_users', from: 'developer', to: 'system' })]);
    expect(third.sections.textChanged.map((change: { id: string }) => change.id)).toContain('decline_without_lecturing');
    expect(third.examples.added).toContain('sphere_volume_correction');
  });

  test('a changed section says so on its page, linking to the changes page', () => {
    const html = readFileSync(path.join(dist, 'staying-safe', 'index.html'), 'utf8');
    const start = html.indexOf('data-section-id="younger_users"');
    const meta = html.slice(start, html.indexOf('data-section-id=', start + 1));
    expect(meta).toMatch(new RegExp(`class="ms-history__badge">Changed in ${latest}<`));
    expect(meta).toContain(`href="/${latest}/changes/#younger_users"`);
  });
});

describe('in Chromium', () => {
  const site = siteInBrowser(dist);

  test('the changes page shows notes, counts and a marked word diff', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}${latest}/changes/`);
    await expect(page.locator('h1').textContent()).resolves.toBe(`Changes in ${latest}`);
    await expect(page.locator('#ms-release-notes').count()).resolves.toBe(1);
    const counts = await page.locator('.changes__counts > div').allTextContents();
    expect(counts.some((text) => /Authority changed\s*1/.test(text))).toBe(true);
    const diff = page.locator('#decline_without_lecturing .ms-diff');
    await expect(diff.locator('ins').count()).resolves.toBeGreaterThan(0);
    // Marked by more than colour: a text decoration and a visible sign.
    const decoration = await diff
      .locator('ins')
      .first()
      .evaluate((node) => getComputedStyle(node).textDecorationLine);
    expect(decoration).toContain('underline');
    await page.close();
  });

  test('a link to an id removed on purpose lands on its replacement with a notice', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}#keep_answers_short`);
    await page.waitForURL(/#users_set_the_length$/);
    const notice = page.locator('.ms-removed-notice');
    await expect(notice.textContent()).resolves.toMatch(/Keep answers short.*removed in 2026-07-15/);
    expect(new URL(page.url()).search).toBe('');
    await page.close();
  });

  test('a short link to a removed id works without JavaScript', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}s/weather_small_talk/`);
    await page.waitForURL(/no_pleasantries$/);
    await context.close();
  });
});

test('editing a frozen release stops the build, naming the file', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'ms-frozen-'));
  cpSync(content, path.join(work, 'content'), { recursive: true });
  const file = path.join(work, 'content', 'releases', releases[0]!, '04-honesty.md');
  writeFileSync(file, readFileSync(file, 'utf8').replace('## Express uncertainty', '## Express doubt'));
  const result = buildSite({ contentDir: path.join(work, 'content'), outDir: path.join(work, 'dist') });
  expect(result.status).not.toBe(0);
  expect(result.output).toMatch(new RegExp(`releases/${releases[0]}/release\\.json:\\d+:\\d+: error: .*04-honesty\\.md`));
  expect(existsSync(path.join(work, 'dist', 'index.html'))).toBe(false);
});
