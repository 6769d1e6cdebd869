import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, expect, test } from 'vitest';
import { socialImage, type SocialCard } from '../plugins/astro/index.ts';

const cacheDir = mkdtempSync(path.join(tmpdir(), 'ms-social-'));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));
const card: SocialCard = { id: 'platform_first', title: 'Platform rules come first', authority: { label: 'System', rank: 1 }, spec: 'The Meridian Model Spec' };

/** Width and height from a PNG's IHDR chunk. */
const size = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

test('a section card is a 1200×630 PNG, drawn once and then read from the cache by the hash of its inputs', async () => {
  const first = await socialImage(card, cacheDir);
  expect(first.subarray(1, 4).toString()).toBe('PNG');
  expect(size(first)).toEqual({ width: 1200, height: 630 });
  const cached = readdirSync(cacheDir);
  expect(cached).toHaveLength(1);
  const written = statSync(path.join(cacheDir, cached[0]!)).mtimeMs;
  const again = await socialImage({ ...card }, cacheDir);
  expect(again.equals(first)).toBe(true);
  expect(statSync(path.join(cacheDir, cached[0]!)).mtimeMs).toBe(written);
});

test('any input that changes the picture draws a new image', async () => {
  const before = readdirSync(cacheDir).length;
  const variants: SocialCard[] = [
    { ...card, title: 'Another title' },
    { ...card, authority: { label: 'Root', rank: 0 } },
    { ...card, authority: null },
    { ...card, spec: 'Another spec' },
  ];
  const images = await Promise.all(variants.map((variant) => socialImage(variant, cacheDir)));
  expect(readdirSync(cacheDir).length).toBe(before + variants.length);
  expect(new Set(images.map((image) => image.toString('base64'))).size).toBe(variants.length);
});

test('every script the fonts cover is drawn as letters: two titles of one length in one script give two pictures', async () => {
  // A glyph the faces given to satori lack is drawn as one "no glyph" box, the same for every
  // letter: titles of equal length and spacing would then give the same picture. Each pair
  // differs only in letters of its script.
  const pairs = [
    ['Honesty first', 'Respect rules'],
    ['Правила игры', 'Честная речь'],
    ['Λόγος ήθος', 'Μέτρο φάος'],
    ['Quy tắc', 'Quy tặc'],
    ['Ωμέγα Rules', 'Λάμδα Rules'],
  ];
  for (const [one, other] of pairs) {
    expect(one!.length).toBe(other!.length);
    const [a, b] = await Promise.all([one, other].map((title) => socialImage({ ...card, title: title!, authority: null }, cacheDir)));
    expect(a!.equals(b!), `${one} / ${other}`).toBe(false);
  }
});

test('the spec name and the level label are drawn as letters too, in any script the fonts cover', async () => {
  const pairs: Array<[SocialCard, SocialCard]> = [
    [
      { ...card, spec: 'Честная речь' },
      { ...card, spec: 'Правила игры' },
    ],
    [
      { ...card, authority: { label: 'Системный', rank: 1 } },
      { ...card, authority: { label: 'Системная', rank: 1 } },
    ],
  ];
  for (const [one, other] of pairs) {
    const [a, b] = await Promise.all([one, other].map((variant) => socialImage(variant, cacheDir)));
    expect(a!.equals(b!), `${JSON.stringify(one)} / ${JSON.stringify(other)}`).toBe(false);
  }
});

test("drawing can free each card's native image at once: the young-generation collection it relies on is there", async () => {
  await socialImage({ ...card, title: 'A card drawn to load the drawing code' }, cacheDir);
  // social-images.ts sets --expose-gc as it loads; V8 then installs `gc` in each new context. If a
  // Node version stops allowing that, cards still draw but hold their images until V8 collects.
  const gc = runInNewContext('gc') as unknown;
  expect(typeof gc).toBe('function');
  expect(() => (gc as (options: { type: 'minor' }) => void)({ type: 'minor' })).not.toThrow();
});
