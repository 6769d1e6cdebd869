import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { EditionEvals } from './data.ts';
import type { SiteEvals } from './overlay.ts';

/** The evals data handed from the integration to the pages, beside the site model in Astro's cache. */
const storeName = 'evals.json';

export function writeEvalsStore(dir: string, evals: SiteEvals | undefined): void {
  if (!evals) return void rmSync(path.join(dir, storeName), { force: true });
  writeFileSync(path.join(dir, storeName), JSON.stringify(Object.fromEntries(evals.editions)));
}

/** Per release (or `draft`): its evals data; empty when the store has none. */
export function readEvalsStore(dir: string): Record<string, EditionEvals> {
  try {
    return JSON.parse(readFileSync(path.join(dir, storeName), 'utf8')) as Record<string, EditionEvals>;
  } catch {
    return {};
  }
}
