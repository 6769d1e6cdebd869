import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import * as pagefind from 'pagefind';
import type { SearchWords } from '../contract/index.ts';
import { type SearchRecord, type SpecModel, searchRecords, searchWords } from '../model/index.ts';

/** Pagefind's own UIs, written next to the index by default; nothing loads them. */
const unusedBundleFiles = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-highlight.js',
];

/**
 * Indexes the spec's data, not its pages: one record per section and per example, each with its
 * own `page#id` URL and filters, so results and filters work at section granularity.
 */
export async function writeSearchIndex(
  outDir: string,
  spec: SpecModel,
  options: { decorate?: ((record: SearchRecord) => void) | undefined; cacheDir?: string | undefined } = {},
) {
  const { decorate, cacheDir } = options;
  // Pagefind stems words by language, and breaks Chinese, Japanese and Korean text into words: its
  // language is the spec's (`language` in spec.config.json), by its primary subtag (`pt-BR` → `pt`).
  const language = new Intl.Locale(spec.config.language).language;
  const records = searchRecords(spec);
  // Filters from data beside the spec, such as "failing for model X" from eval results.
  if (decorate) for (const record of records) decorate(record);
  const counts = {
    records: records.length,
    sections: records.filter((record) => record.filters.kind?.[0] === 'Section').length,
    examples: records.filter((record) => record.filters.kind?.[0] !== 'Section').length,
  };
  const outputPath = path.join(outDir, 'pagefind');
  const words = searchWords(
    records.map((record) => ({ title: record.meta.title ?? '', id: record.meta.id ?? '' })),
    spec.config,
  );
  // The same records give the same index: a rebuild that changed no record unpacks the last one.
  const cached =
    cacheDir &&
    path.join(
      cacheDir,
      `${createHash('sha256')
        .update(JSON.stringify([INDEX_FORMAT, pagefindVersion(), language, records, words]))
        .digest('hex')
        .slice(0, 32)}.zip`,
    );
  if (cached && existsSync(cached)) {
    await unpack(readFileSync(cached), outputPath);
    return { ...counts, cached: true };
  }
  await buildIndex(records, words, outputPath, language);
  if (cached) {
    // Kept as one file, not a copy of the folder: the index is hundreds of small files, and
    // creating that many files again cost a cold build about as much CPU as Pagefind's own writing.
    // Written aside and renamed, then only the newest index is kept.
    rmSync(cacheDir, { recursive: true, force: true });
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(`${cached}.${process.pid}.tmp`, pack(outputPath));
    renameSync(`${cached}.${process.pid}.tmp`, cached);
  }
  return { ...counts, cached: false };
}

/** A folder's files as one zip, stored uncompressed (Pagefind's chunks are gzip already). */
function pack(dir: string): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files[path.relative(dir, file).split(path.sep).join('/')] = readFileSync(file);
  }
  return zipSync(files, { level: 0 });
}

/** Writes the files of a zip made by `pack` under `dir`; written asynchronously, beside Astro's rendering. */
async function unpack(zip: Uint8Array, dir: string): Promise<void> {
  const files = Object.entries(unzipSync(zip));
  for (const folder of new Set(files.map(([name]) => path.dirname(path.join(dir, name))))) mkdirSync(folder, { recursive: true });
  await Promise.all(files.map(([name, data]) => writeFile(path.join(dir, name), data)));
}

/** Bump when the files written below change, so cached indexes are rebuilt. */
const INDEX_FORMAT = 3;

/**
 * Past this many records Pagefind bundles their fragments into shared files: on the upstream spec
 * 58 files instead of 522. A one-word edit build took 1.17 against 1.22 s (8 alternated pairs),
 * first search results as fast (median 262 against 262 ms, 54 searches), and a cold build writes
 * 464 fewer files.
 */
const MAX_FRAGMENT_FILES = 64;
function pagefindVersion(): string {
  // Pagefind exports neither its package.json nor a CommonJS entry: look where Node would.
  const dir = createRequire(import.meta.url)
    .resolve.paths('pagefind')
    ?.map((modules) => path.join(modules, 'pagefind'))
    .find((candidate) => existsSync(path.join(candidate, 'package.json')));
  return dir ? (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version : 'unknown';
}

async function buildIndex(records: ReturnType<typeof searchRecords>, words: SearchWords, outputPath: string, language: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: language, maxFragments: MAX_FRAGMENT_FILES });
  try {
    if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
    // All records in flight at once: Pagefind answers each over its pipe, and one at a time the
    // round trips were most of the indexing time; the index written is byte for byte the same.
    const responses = await Promise.all(records.map((record) => index.addCustomRecord(record)));
    for (const [position, response] of responses.entries()) {
      if (response.errors.length > 0) throw new Error(`Pagefind rejected ${records[position]!.url}: ${response.errors.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    // The site has its own search UI (src/scripts/search/) on Pagefind's JS API; Pagefind's
    // bundled UIs (~430 KB) would only be dead weight in every deploy.
    for (const file of unusedBundleFiles) rmSync(path.join(outputPath, file), { force: true });
    // The UI's vocabulary: synonyms and stop words for every query, title words for "did you mean".
    writeFileSync(path.join(outputPath, 'words.json'), JSON.stringify(words));
    writeFileSync(path.join(outputPath, 'preload.json'), JSON.stringify({ files: preloadFiles(outputPath) }));
  } finally {
    await pagefind.close();
  }
}

/** Index chunks are fetched up front only while all of them together stay this small. */
const PRELOAD_INDEX_BYTES = 256 * 1024;

/**
 * What the search UI fetches, all at once, when the reader heads for search (src/scripts/search/loader.ts):
 * Pagefind's worker, WebAssembly, metadata, filter chunks and (for a small spec) the index chunks.
 * Pagefind would otherwise request them one step after another; paths are relative to `pagefind/`.
 */
function preloadFiles(outputPath: string): string[] {
  const entry = JSON.parse(readFileSync(path.join(outputPath, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { hash: string; wasm?: string }>;
  };
  const files = ['pagefind-worker.js', 'words.json'];
  for (const language of Object.values(entry.languages)) files.push(`wasm.${language.wasm ?? 'unknown'}.pagefind`, `pagefind.${language.hash}.pf_meta`);
  const chunks = (dir: string) =>
    readdirSync(path.join(outputPath, dir))
      .sort()
      .map((name) => `${dir}/${name}`);
  files.push(...chunks('filter'));
  const index = chunks('index');
  const indexBytes = index.reduce((sum, file) => sum + statSync(path.join(outputPath, file)).size, 0);
  if (indexBytes <= PRELOAD_INDEX_BYTES) files.push(...index);
  return files;
}
