/** A compiled MDX chapter's default export, rendered as `<Content />`. */
export type MdxContent = (props: Record<string, unknown>) => unknown;

import { statSync } from 'node:fs';
import path from 'node:path';
import { mdxChapters, storeDir } from 'virtual:model-spec';
import { readStore, removedHref as removedTarget } from '../../plugins/astro/index.ts';
import { type Chapter, siteUrls, type SiteUrls } from '../../plugins/model/index.ts';
import type { Edition, SiteModel } from '../../plugins/site/index.ts';

/** What every page and component of one edition renders from, passed down as props. */
export interface View {
  site: SiteModel;
  edition: Edition;
  urls: SiteUrls;
}

let loaded: { written: number; site: SiteModel } | undefined;

/** The site model the integration stored for this build (read once; again after a dev edit rewrote it). */
export function site(): SiteModel {
  const written = statSync(path.join(storeDir, 'site.json')).mtimeMs;
  if (loaded?.written !== written) loaded = { written, site: readStore(storeDir) };
  return loaded.site;
}

/** One view per edition whose pages are rendered in this build, the root edition first (frozen releases built before come from the cache). */
export function views(): View[] {
  const model = site();
  return model.editions
    .filter((edition) => !edition.pagesCached)
    .map((edition) => ({ site: model, edition, urls: siteUrls(model.config.site, model.config.base, edition.prefix) }));
}

/** The `[...edition]` route parameter of a view: undefined at the root. */
export function editionParam(view: View): string | undefined {
  return view.edition.prefix.replace(/\/$/, '') || undefined;
}

/** The page body of a chapter: rendered by the loader (`.md`) or compiled by Astro (`.mdx`). */
export async function chapterBody(chapter: Chapter): Promise<{ html: string } | { Content: MdxContent }> {
  if (chapter.html !== null) return { html: chapter.html };
  const load = mdxChapters[chapter.path];
  if (!load) throw new Error(`No compiled MDX module for ${chapter.file}`);
  return { Content: (await load()).default };
}

/** Where a link to an id removed on purpose lands (plugins/astro/short-links.ts). */
export function removedHref(view: View, removed: SiteModel['removed'][number]): string {
  return removedTarget(view.urls, removed);
}
