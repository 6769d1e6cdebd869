// Titles in other scripts, emoji and math on social images; a book-length spec title.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';
import { drawableText, socialImage } from '../../plugins/astro/index.ts';
import { readSpecConfig } from '../../plugins/model/index.ts';

const work = mkdtempSync(path.join(tmpdir(), 'social-titles-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

it('draws Cyrillic and Greek with the bundled fonts, leaves out what they cannot draw, and warns', async () => {
  expect(drawableText('Правила Ωμέγα')).toEqual({ text: 'Правила Ωμέγα', missing: [] });
  expect(drawableText('Rules 规则 😀 ∀x')).toEqual({ text: 'Rules x', missing: ['规', '则', '😀', '∀'] });
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  const png = await socialImage({ id: 'rules', title: 'Правила 规则 😀 ∑', authority: null, spec: 'Спек' }, path.join(work, 'og'));
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  expect(warn.mock.calls.flat().join('\n')).toMatch(/og\.png: the title "Правила 规则 😀 ∑" has characters the bundled fonts cannot draw \(规 则 😀 ∑\)/);
  warn.mockRestore();
});

it('a title and spec title the bundled fonts cannot draw at all show the section id, not a blank card', async () => {
  const draw = (id: string) => socialImage({ id, title: '正直さ', authority: null, spec: 'モデル仕様' }, path.join(work, 'og-cjk'));
  const [honesty, other] = [await draw('honesty'), await draw('other_rule')];
  // Blank, the two would be the same picture: their cache keys differ, their pixels would not.
  expect(honesty.equals(other)).toBe(false);
});

it('a 10,000-word spec title is refused with its place, not carried onto every page', () => {
  const dir = path.join(work, 'content');
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'spec.config.json'), JSON.stringify({ title: 'word '.repeat(10_000) }));
  const { config, file } = readSpecConfig(dir);
  expect(config).toBeNull();
  expect(file.messages.map((message) => `${message.line}:${message.column} ${message.reason}`)).toEqual([
    '1:10 Unexpected 50000-character string for `title`, expected at most 200 characters (it appears on every page)',
  ]);
});
