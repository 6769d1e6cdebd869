// "typography": "smart" reaches prose only: never raw HTML shown as text, autolinks, code or the exports.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { specJson } from '../../plugins/model/index.ts';
import { loadSpecWithPages } from '../../plugins/model/index.ts';

const work = mkdtempSync(path.join(tmpdir(), 'typography-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

it("curly quotes and dashes in prose; HTML shown as text, autolinks and code keep the author's characters", async () => {
  const content = path.join(work, 'content');
  mkdirSync(content);
  writeFileSync(path.join(content, 'spec.config.json'), '{ "typography": "smart" }');
  const body = [
    '# Typography',
    '::section{#typography}',
    '',
    'She said "Sorry -- I can\'t" and left...',
    '',
    'A comment <!-- keep -- this --> stays, and so does <https://example.com/a--b> and [https://example.com/"q"--](https://example.com/"q"--).',
    '',
    '`"code" -- here`',
    '',
    '::::example[Quotes]{#ex_quotes}',
    ':::user',
    'Is "this" -- <!-- a comment --> -- fine?',
    ':::',
    '',
    ':::compliant[Answers]',
    "Sorry -- I can't.",
    ':::',
    '::::',
    '',
  ].join('\n');
  writeFileSync(path.join(content, '01-typography.md'), body);
  const model = await loadSpecWithPages(content, { log: () => {} });
  const html = model.chapters[0]!.html!;
  expect(html).toContain('“Sorry – I can’t”');
  expect(html).toContain('&#x3C;!-- keep -- this -->');
  expect(html).toContain('>https://example.com/a--b</a>');
  expect(html).toContain('>https://example.com/"q"--</a>');
  expect(html).toContain('"code" -- here');
  // Message text: typography as the official rendering shows it, raw HTML in it as written.
  expect(html).toContain('Sorry – I can’t.');
  expect(html).toContain('Is “this” – &#x3C;!-- a comment --> – fine?');
  // The data keeps what the author typed.
  expect(JSON.stringify(specJson(model))).toContain('She said \\"Sorry -- I can\'t\\"');
});

it("titles are shown with the same typography, computed once in the model: code in a title and the exports keep the author's characters", async () => {
  const content = path.join(work, 'titles');
  mkdirSync(content);
  writeFileSync(path.join(content, 'spec.config.json'), '{ "typography": "smart" }');
  writeFileSync(
    path.join(content, '01-titles.md'),
    [
      '# Don\'t "guess" -- ask',
      '::section{#titles}',
      '',
      '## Keep `"raw"` code...',
      '::section{#code_title}',
      '',
      '::::example[It\'s "fine" -- really]{#ex_title}',
      ':::user',
      'Hi',
      ':::',
      '',
      ':::compliant',
      'Hello.',
      ':::',
      '::::',
      '',
    ].join('\n'),
  );
  const model = await loadSpecWithPages(content, { log: () => {} });
  const chapter = model.chapters[0]!;
  expect(chapter.title).toBe('Don\'t "guess" -- ask');
  expect(chapter.displayTitle).toBe('Don’t “guess” – ask');
  const [first, second] = chapter.data.sections;
  expect(first!.displayTitle).toBe(chapter.displayTitle);
  expect(second!.displayTitle).toBe('Keep "raw" code…');
  expect(chapter.data.examples[0]!.displayTitle).toBe('It’s “fine” – really');
  // Menus and permalinks name the item as the page shows it.
  expect(chapter.html).toContain('sharing for section “Don’t “guess” – ask”');
  expect(chapter.html).toContain('aria-label="Link to example “It’s “fine” – really”"');
  const json = JSON.stringify(specJson(model));
  expect(json).toContain('Don\'t \\"guess\\" -- ask');
  expect(json).not.toContain('displayTitle');
});

it('without "typography": "smart", a title is shown as written', async () => {
  const content = path.join(work, 'plain');
  mkdirSync(content);
  writeFileSync(path.join(content, '01-plain.md'), ['# Don\'t "guess" -- ask', '::section{#plain}', ''].join('\n'));
  const model = await loadSpecWithPages(content, { log: () => {} });
  expect(model.chapters[0]!.displayTitle).toBe('Don\'t "guess" -- ask');
});
