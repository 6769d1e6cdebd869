// vitest-project: build (runs Pagefind)
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { loadSpec } from '../../model/index.ts';
import { writeSearchIndex } from '../pagefind.ts';

const contentDir = path.resolve(import.meta.dirname, '../../../content');

/** Every file under `dir`, by relative path, with its bytes. */
function tree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(path.relative(dir, path.join(entry.parentPath, entry.name)), readFileSync(path.join(entry.parentPath, entry.name)));
  }
  return files;
}

test('an index whose records did not change comes back from the cache byte for byte, and the cache is one file', async () => {
  const spec = loadSpec(contentDir, { log: () => {} });
  const work = mkdtempSync(path.join(tmpdir(), 'ms-search-cache-'));
  const cacheDir = path.join(work, 'cache');

  const first = await writeSearchIndex(path.join(work, 'a'), spec, { cacheDir });
  expect(first.cached).toBe(false);
  expect(readdirSync(cacheDir)).toHaveLength(1);

  const again = await writeSearchIndex(path.join(work, 'b'), spec, { cacheDir });
  expect(again.cached).toBe(true);
  const built = tree(path.join(work, 'a/pagefind'));
  const unpacked = tree(path.join(work, 'b/pagefind'));
  expect(built.size).toBeGreaterThan(spec.chapters.length);
  expect([...unpacked.keys()].sort()).toEqual([...built.keys()].sort());
  for (const [file, bytes] of built) expect(unpacked.get(file)?.equals(bytes), file).toBe(true);

  // A changed record builds again, and only the newest index is kept.
  const changed = await writeSearchIndex(path.join(work, 'c'), spec, { cacheDir, decorate: (record) => (record.filters.extra = ['x']) });
  expect(changed.cached).toBe(false);
  expect(readdirSync(cacheDir)).toHaveLength(1);
  expect(tree(path.join(work, 'c/pagefind')).get('pagefind-entry.json')?.equals(built.get('pagefind-entry.json')!)).toBe(false);
});

test("the index is in the spec's language (Pagefind breaks Japanese text into words only when told), and another language is another index", async () => {
  const spec = loadSpec(contentDir, { log: () => {} });
  const work = mkdtempSync(path.join(tmpdir(), 'ms-search-language-'));
  const cacheDir = path.join(work, 'cache');
  const languages = (dir: string) => Object.keys(JSON.parse(readFileSync(path.join(work, dir, 'pagefind/pagefind-entry.json'), 'utf8')).languages);
  await writeSearchIndex(path.join(work, 'en'), spec, { cacheDir });
  expect(languages('en')).toEqual(['en']);
  const japanese = await writeSearchIndex(path.join(work, 'ja'), { ...spec, config: { ...spec.config, language: 'ja' } }, { cacheDir });
  expect(japanese.cached).toBe(false);
  expect(languages('ja')).toEqual(['ja']);
  // A regional tag indexes in its language.
  await writeSearchIndex(path.join(work, 'pt'), { ...spec, config: { ...spec.config, language: 'pt-BR' } }, {});
  expect(languages('pt')).toEqual(['pt']);
});
