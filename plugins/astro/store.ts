import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { indexChapters, type Chapter, type SpecConfig, type SpecModel, type Target } from '../model/index.ts';
import type { Edition, SiteModel } from '../site/index.ts';

/**
 * The hand-over from the integration, which loads the spec, to the pages, which Astro runs in
 * another module graph: the site model as one JSON file plus one HTML file per rendered chapter,
 * in Astro's cache folder. Pages find the folder through the `virtual:model-spec` module.
 */

interface StoredChapter extends Omit<Chapter, 'html'> {
  /** File name of the rendered body in the store, or null (`.mdx`, compiled by Astro). */
  html: string | null;
}

interface StoredEdition extends Omit<Edition, 'model'> {
  contentDir: string;
  config: SpecConfig;
  chapters: StoredChapter[];
  targets: Target[];
}

interface StoredSite extends Omit<SiteModel, 'editions'> {
  editions: StoredEdition[];
}

export function writeStore(dir: string, site: SiteModel): void {
  rmSync(path.join(dir, 'pages'), { recursive: true, force: true });
  mkdirSync(path.join(dir, 'pages'), { recursive: true });
  const stored: StoredSite = {
    ...site,
    editions: site.editions.map(({ model, ...edition }, index) => ({
      ...edition,
      contentDir: model.contentDir,
      config: model.config,
      targets: [...model.targets.values()],
      chapters: model.chapters.map(({ html, ...chapter }) => {
        if (html === null) return { ...chapter, html: null };
        const name = `${index}-${chapter.slug.replace(/\//g, '__')}.html`;
        writeFileSync(path.join(dir, 'pages', name), html);
        return { ...chapter, html: name };
      }),
    })),
  };
  writeFileSync(path.join(dir, 'site.json'), JSON.stringify(stored));
}

/** The site model as the integration wrote it; chapter bodies are read when a page asks for them. */
export function readStore(dir: string): SiteModel {
  const stored = JSON.parse(readFileSync(path.join(dir, 'site.json'), 'utf8')) as StoredSite;
  return {
    ...stored,
    editions: stored.editions.map(({ contentDir, config, chapters: storedChapters, targets, ...edition }) => {
      const chapters: Chapter[] = storedChapters.map((chapter) => {
        let body: string | null | undefined;
        return Object.defineProperty({ ...chapter } as unknown as Chapter, 'html', {
          enumerable: true,
          get: () => (body ??= chapter.html === null ? null : readFileSync(path.join(dir, 'pages', chapter.html), 'utf8')),
        });
      });
      return { ...edition, model: hydrate(contentDir, config, chapters, targets) };
    }),
  };
}

function hydrate(contentDir: string, config: SpecConfig, chapters: Chapter[], targets: Target[]): SpecModel {
  return { contentDir, config, chapters, targets: new Map(targets.map((target) => [target.id, target])), ...indexChapters(chapters), files: [], assets: [] };
}
