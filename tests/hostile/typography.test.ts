// "typography": "smart" reaches prose only: never raw HTML shown as text, autolinks, code or the exports.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { specJson } from '../../plugins/model/index.ts';
import { loadSpecWithPages } from '../../plugins/model/index.ts';

const work = mkdtempSync(path.join(tmpdir(), 'typography-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

it('curly quotes and dashes in prose; HTML shown as text, autolinks and code keep the author\'s characters', async () => {
  const content = path.join(work, 'content');
  mkdirSync(content);
  writeFileSync(path.join(content, 'spec.config.json'), '{ "typography": "smart" }');
  const body = [
    '# Typography', '::section{#typography}', '',
    'She said "Sorry -- I can\'t" and left...', '',
    'A comment <!-- keep -- this --> stays, and so does <https://example.com/a--b> and [https://example.com/"q"--](https://example.com/"q"--).', '',
    '`"code" -- here`', '',
    '::::example[Quotes]{#ex_quotes}', ':::user', 'Is "this" -- <!-- a comment --> -- fine?', ':::', '', ':::compliant[Answers]', 'Sorry -- I can\'t.', ':::', '::::', '',
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
