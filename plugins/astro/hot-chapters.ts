import type { SiteModel } from '../site/index.ts';
import { siteUrls } from '../model/index.ts';

/** A chapter body the dev server pushes into open pages instead of reloading them. */
export interface ChapterSwap {
  /** The chapter page's path, `/base/<prefix><slug>/`. */
  path: string;
  html: string;
}

/** The event the dev server sends with the swaps, and the client script that applies them. */
export const HOT_CHAPTERS_EVENT = 'model-spec:chapters';
export const HOT_CHAPTERS_CLIENT = `if (import.meta.hot) {
  import.meta.hot.on(${JSON.stringify(HOT_CHAPTERS_EVENT)}, ({ swaps }) => {
    const swap = swaps.find((candidate) => candidate.path === decodeURI(location.pathname));
    const article = document.querySelector('article.chapter');
    if (swap && article) article.innerHTML = swap.html;
    else location.reload();
  });
}`;

/**
 * What a dev edit changed, as chapter bodies to swap into open pages, or null when a page must
 * reload: anything besides `.md` chapter bodies changed (titles, ids, levels, the list of
 * chapters, settings), which the contents, menus and other pages show. An edit to prose then
 * re-renders that one chapter (the chapter cache keeps the others) and reaches the screen
 * without Astro rendering the page again.
 */
export function chapterSwaps(before: SiteModel | undefined, after: SiteModel): ChapterSwap[] | null {
  if (!before || shell(before) !== shell(after)) return null;
  const swaps: ChapterSwap[] = [];
  for (const [index, edition] of after.editions.entries()) {
    const urls = siteUrls(after.config.site, after.config.base, edition.prefix);
    for (const [position, chapter] of edition.model.chapters.entries()) {
      const was = before.editions[index]!.model.chapters[position]!;
      if (chapter.html === was.html) continue;
      if (chapter.html === null || was.html === null) return null;
      swaps.push({ path: urls.chapter(chapter.slug), html: chapter.html });
    }
  }
  return swaps;
}

/** Everything a page shows besides its chapter's body. */
function shell(site: SiteModel): string {
  return JSON.stringify([
    site.config,
    site.removed,
    site.editions.map((edition) => [
      edition.prefix,
      edition.version,
      edition.date,
      edition.latest,
      edition.model.chapters.map((chapter) => [
        chapter.slug,
        chapter.title,
        chapter.format,
        chapter.path,
        chapter.data.sections.map((section) => [section.id, section.title, section.depth, section.authority, section.parent]),
        chapter.data.examples.map((example) => [example.id, example.title, example.section]),
      ]),
    ]),
  ]);
}
