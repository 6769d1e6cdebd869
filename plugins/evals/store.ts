import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { EditionEvals } from './data.ts';
import type { SiteEvals } from './overlay.ts';

/** The evals data handed from the integration to the pages, beside the site model in Astro's cache. */
const storeName = 'evals.json';

export function writeEvalsStore(dir: string, evals: SiteEvals | undefined): void {
  if (!evals) return void rmSync(path.join(dir, storeName), { force: true });
  let text: string;
  try {
    text = JSON.stringify(Object.fromEntries(evals.editions));
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const runs = [...evals.editions.values()].flatMap((edition) => edition.runs);
    const results = runs.reduce((sum, run) => sum + run.results.length + run.unmapped.length, 0);
    const files = [...new Set(runs.map((run) => run.file))];
    throw new Error(
      `Unexpected eval results too large for one site: ${runs.length} runs with ${results} results (${files.slice(0, 5).join(', ')}${files.length > 5 ? ', …' : ''}) make more text than one JSON string can hold, expected fewer results per site: move the oldest runs out of the evals folder (a \`_\` prefix skips a file)`,
    );
  }
  writeFileSync(path.join(dir, storeName), text);
}

/** Per release (or `draft`): its evals data; empty when the store has none. */
export function readEvalsStore(dir: string): Record<string, EditionEvals> {
  try {
    return JSON.parse(readFileSync(path.join(dir, storeName), 'utf8')) as Record<string, EditionEvals>;
  } catch {
    return {};
  }
}
