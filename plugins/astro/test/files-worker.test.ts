import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { cachedImagePath, type SocialCard } from '../card-files.ts';
import { FilesWorker } from '../social-cards.ts';

const cards: SocialCard[] = ['Comply with applicable laws', 'Do not lie', 'Be clear and direct'].map((title, rank) => ({
  id: `rule_${rank}`,
  title,
  authority: { label: 'System', rank },
  spec: 'Test Spec',
}));
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

test('the files worker draws every card into the cache and stages the pages and the images it is given', async () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'ms-files-worker-'));
  const cacheDir = path.join(root, 'cache');
  const staging = path.join(root, 'staging');
  const { drawn } = await new FilesWorker().run({
    cacheDir,
    cards,
    staging,
    pages: [{ file: 's/a/index.html', html: '<p>a</p>' }],
    images: cards.map((card, index) => ({ file: `s/${index}/og.png`, card })),
  });
  expect(drawn).toBe(cards.length);
  expect(readdirSync(cacheDir).filter((name) => name.endsWith('.png'))).toHaveLength(cards.length);
  for (const card of cards) expect(readFileSync(cachedImagePath(card, cacheDir)).subarray(0, 4)).toEqual(PNG);
  expect(readFileSync(path.join(staging, 's/a/index.html'), 'utf8')).toBe('<p>a</p>');
  cards.forEach((card, index) => expect(readFileSync(path.join(staging, `s/${index}/og.png`))).toEqual(readFileSync(cachedImagePath(card, cacheDir))));
});

test('cards handed over before the job are drawn while it is being prepared, each card once, and the job waits for them', async () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'ms-files-worker-'));
  const cacheDir = path.join(root, 'cache');
  const worker = new FilesWorker();
  worker.draw(cards.slice(0, 2), cacheDir);
  // The job repeats one early card and adds one: three drawn, none twice.
  const { drawn } = await worker.run({ cacheDir, cards: cards.slice(1), staging: path.join(root, 'staging') });
  expect(drawn).toBe(3);
  expect(readdirSync(cacheDir).sort()).toEqual(cards.map((card) => path.basename(cachedImagePath(card, cacheDir))).sort());
  // A job whose only use of an early card is to stage its image still waits for it to be drawn.
  const second = new FilesWorker();
  const late = { ...cards[0]!, title: 'Drawn before the job, staged by it' };
  second.draw([late], cacheDir);
  await second.run({ cacheDir, cards: [], staging: path.join(root, 'staging'), images: [{ file: 'og.png', card: late }] });
  expect(readFileSync(path.join(root, 'staging', 'og.png'))).toEqual(readFileSync(cachedImagePath(late, cacheDir)));
});

test('a card handed over early that cannot be stored fails the job that follows', async () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'ms-files-worker-'));
  const blocked = path.join(root, 'not-a-folder');
  writeFileSync(blocked, '');
  const worker = new FilesWorker();
  worker.draw(cards.slice(0, 1), blocked);
  const failed = await worker.run({ cacheDir: path.join(root, 'cache'), cards: cards.slice(1) }).then(
    () => undefined,
    (error: Error) => error,
  );
  expect(failed?.message).toMatch(/EEXIST|ENOTDIR/);
  // The worker is stopped by then: the folder is not made again once it is gone.
  rmSync(root, { recursive: true, force: true });
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(existsSync(root)).toBe(false);
});

test('a card that cannot be stored fails the job with its own error', async () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'ms-files-worker-'));
  // The cache folder is a file: storing the first card fails.
  const cacheDir = path.join(root, 'not-a-folder');
  writeFileSync(cacheDir, '');
  const failed = await new FilesWorker().run({ cacheDir, cards }).then(
    () => undefined,
    (error: Error) => error,
  );
  expect(failed?.message).toMatch(/EEXIST|ENOTDIR/);
  // The worker is stopped by then: the folder is not made again once it is gone.
  rmSync(root, { recursive: true, force: true });
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(existsSync(root)).toBe(false);
});
