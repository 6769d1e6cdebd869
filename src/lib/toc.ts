import type { Chapter, SiteUrls } from '../../plugins/model/index.ts';

export interface TocItem {
  id: string;
  title: string;
  href: string;
  depth: number;
  /** The section's own level, if it declares one. */
  authority: string | null;
  /** Levels inside the section (excluding its own), shown as an aggregated badge. */
  inner: string[];
  children: TocItem[];
}

const built = new WeakMap<Chapter, Map<string, TocItem>>();

/** The table of contents of one chapter in one edition: its sections as a tree (built once; every page's sidebar shows it). */
export function chapterToc(chapter: Chapter, urls: SiteUrls): TocItem {
  let byEdition = built.get(chapter);
  if (!byEdition) built.set(chapter, (byEdition = new Map()));
  let toc = byEdition.get(urls.prefix);
  if (!toc) {
    toc = buildToc(chapter, urls);
    byEdition.set(urls.prefix, toc);
  }
  return toc;
}

function buildToc(chapter: Chapter, urls: SiteUrls): TocItem {
  const items = new Map<string, TocItem>();
  let root: TocItem | undefined;
  for (const section of chapter.data.sections) {
    const item: TocItem = {
      id: section.id,
      title: section.displayTitle,
      href: urls.target(chapter.slug, section.id),
      depth: section.depth,
      authority: section.authority,
      inner: section.authorities.filter((level) => level !== section.authority),
      children: [],
    };
    items.set(section.id, item);
    const parent = section.parent ? items.get(section.parent) : undefined;
    if (parent) parent.children.push(item);
    else if (!root) root = item;
    else root.children.push(item);
  }
  return root ?? { id: chapter.slug, title: chapter.displayTitle, href: urls.chapter(chapter.slug), depth: 1, authority: null, inner: [], children: [] };
}
