import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
// Imported statically: a dynamic import inside an Astro hook fails ("Vite module runner has been closed").
import * as pagefind from 'pagefind';
import { type SearchRecord, type SpecModel, searchRecords, titleWords } from '../model/index.ts';

/** Pagefind's own UIs, written next to the index by default; nothing loads them. */
const unusedBundleFiles = [
  'pagefind-ui.js', 'pagefind-ui.css', 'pagefind-component-ui.js', 'pagefind-component-ui.css',
  'pagefind-modular-ui.js', 'pagefind-modular-ui.css', 'pagefind-highlight.js',
];

/**
 * Indexes the spec's data, not its pages: one record per section and per example, each with its
 * own `page#id` URL and filters, so results and filters work at section granularity.
 */
export async function writeSearchIndex(outDir: string, spec: SpecModel, decorate?: (record: SearchRecord) => void) {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  try {
    if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
    const records = searchRecords(spec);
    // Filters from data beside the spec, such as "failing for model X" from eval results.
    if (decorate) for (const record of records) decorate(record);
    for (const record of records) {
      const response = await index.addCustomRecord(record);
      if (response.errors.length > 0) throw new Error(`Pagefind rejected ${record.url}: ${response.errors.join('; ')}`);
    }
    const outputPath = path.join(outDir, 'pagefind');
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    // The site has its own search UI (src/scripts/search/) on Pagefind's JS API; Pagefind's
    // bundled UIs (~430 KB) would only be dead weight in every deploy.
    for (const file of unusedBundleFiles) rmSync(path.join(outputPath, file), { force: true });
    // The UI's "did you mean" vocabulary, fetched only when a typed word matches nothing.
    writeFileSync(path.join(outputPath, 'title-words.json'), JSON.stringify(titleWords(records)));
    return {
      records: records.length,
      sections: records.filter((record) => record.filters.kind?.[0] === 'Section').length,
      examples: records.filter((record) => record.filters.kind?.[0] !== 'Section').length,
    };
  } finally {
    await pagefind.close();
  }
}
