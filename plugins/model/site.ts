import type { ChapterCache } from './chapter-cache.ts';
import type { SpecConfig } from './config.ts';
import { loadSpecWithPages } from './loader.ts';
import type { SpecModel } from './model.ts';

/**
 * One place the spec is published: the latest release at the root, every release at
 * `/<version>/`, the draft at `/draft/` (or at the root while nothing is released).
 */
export interface Edition {
  /** `''`, `2025-09-12/` or `draft/`: where the edition sits under the base path. */
  prefix: string;
  /** The release's version; null for the draft. */
  version: string | null;
  /** The release date (`YYYY-MM-DD`); null for the draft. */
  date: string | null;
  /** True for the newest release, wherever it is served (or the draft when nothing is released). */
  latest: boolean;
  model: SpecModel;
}

/** The whole site: its editions, the first of them served at the root. */
export interface SiteModel {
  /** The draft's configuration: site-wide settings (title, origin, base path, repository). */
  config: SpecConfig;
  editions: Edition[];
}

export interface SiteLoadOptions {
  cache?: ChapterCache;
  log?: (text: string) => void;
}

/** Loads every edition of the spec in a content folder, each chapter parsed and rendered once. */
export async function loadSite(contentDir: string, options: SiteLoadOptions = {}): Promise<SiteModel> {
  const draft = await loadSpecWithPages(contentDir, { ...options, prefix: '' });
  return { config: draft.config, editions: [{ prefix: '', version: null, date: null, latest: true, model: draft }] };
}
