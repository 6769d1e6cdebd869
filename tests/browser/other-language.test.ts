// A fork written in Japanese, built and searched in Chromium: Pagefind segments its words itself,
// so what the search UI checks word by word (stop words, synonyms, fallbacks) must leave its
// matches alone, and the English lists must not apply.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from '../../scripts/harness/browser.ts';
import { buildSite } from '../../scripts/harness/build-site.ts';
import { serveStatic } from '../../scripts/harness/static-server.ts';

const work = mkdtempSync(path.join(tmpdir(), 'ms-other-language-'));
const content = path.join(work, 'content');
const dist = path.join(work, 'dist');
const site = {} as { browser: Browser; url: string; close: () => Promise<void> };

beforeAll(async () => {
  mkdirSync(content, { recursive: true });
  writeFileSync(
    path.join(content, 'spec.config.json'),
    JSON.stringify({ title: 'モデル仕様', language: 'ja', search: { synonyms: [['うそ', '嘘']] } }),
  );
  writeFileSync(
    path.join(content, '01-intro.md'),
    `# はじめに
::section{#intro}

アシスタントは常に正直であるべきです。

## 正直さ
::section{#honesty authority=user}

嘘をつかないでください。データを捏造しないでください。ユーザーの質問には誠実に答えます。

::::example[天気についての質問]{#ex_weather}
:::user
明日の東京の天気は？
:::

:::compliant[不確かさを伝える]
正確な予報はわかりませんが、気象庁のサイトで確認できます。
:::
::::
`,
  );
  const built = buildSite({ contentDir: content, outDir: dist });
  if (built.status !== 0) throw new Error(`the Japanese spec did not build:\n${built.output.slice(-4000)}`);
  const served = await serveStatic(dist);
  Object.assign(site, { url: served.url, close: served.close, browser: await launchChromium() });
}, 300_000);
afterAll(async () => {
  await site.browser?.close();
  await site.close?.();
  rmSync(work, { recursive: true, force: true });
});

async function topResults(page: Page, query: string): Promise<string[]> {
  await page.locator('#ms-search-input').fill(query);
  await page.waitForFunction((query) => {
    const dialog = document.querySelector<HTMLElement>('dialog.ms-search');
    return dialog && !dialog.hasAttribute('data-busy') && dialog.dataset.query === query;
  }, query);
  return (await page.locator('[role="option"] .ms-result__title').allInnerTexts()).slice(0, 3);
}

describe('a spec in Japanese', { timeout: 120_000 }, () => {
  test('the vocabulary has no English lists, only the config’s', () => {
    const words = JSON.parse(readFileSync(path.join(dist, 'pagefind', 'words.json'), 'utf8'));
    expect(words.stopWords).toEqual([]);
    expect(words.synonyms).toEqual([['うそ', '嘘']]);
  });

  test('words and phrases of the text find their section or example, whatever their length', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}intro/`);
    await page.keyboard.press('/');
    await page.waitForSelector('dialog.ms-search[open]');
    for (const [query, title] of [
      ['正直', '正直さ'],
      ['誠実', '正直さ'],
      // Longer than a typo check's minimum, and no title's word: Pagefind's own segments decide.
      ['データを捏造', '正直さ'],
      ['気象庁のサイト', '天気についての質問'],
      ['東京の天気', '天気についての質問'],
      // Through the config's synonym.
      ['うそ', '正直さ'],
    ] as const) {
      expect(await topResults(page, query), query).toContain(title);
    }
    await page.close();
  });
});
