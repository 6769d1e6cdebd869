import path from 'node:path';
// Imported statically: a dynamic import inside an Astro hook fails ("Vite module runner has been closed").
import * as pagefind from 'pagefind';
import type { LoadedSpec } from '../spec/loader.ts';
import { searchRecords } from '../spec/search-records.ts';

/**
 * Indexes the spec's data, not its pages: one record per section and per example, each with its
 * own `page#id` URL and filters, so results and filters work at section granularity.
 */
export async function writeSearchIndex(outDir: string, spec: LoadedSpec) {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  try {
    if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
    const records = searchRecords(spec);
    for (const record of records) {
      const response = await index.addCustomRecord(record);
      if (response.errors.length > 0) throw new Error(`Pagefind rejected ${record.url}: ${response.errors.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    return {
      records: records.length,
      sections: records.filter((record) => record.filters.kind?.[0] === 'Section').length,
      examples: records.filter((record) => record.filters.kind?.[0] !== 'Section').length,
    };
  } finally {
    await pagefind.close();
  }
}
