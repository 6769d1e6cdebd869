import type { Chapter, LoadedSpec } from '../../plugins/model/loader.ts';

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

const built = new WeakMap<Chapter, TocItem>();

/** The table of contents of one chapter: its sections as a tree (built once; every page's sidebar shows it). */
export function chapterToc(chapter: Chapter): TocItem {
  let toc = built.get(chapter);
  if (!toc) {
    toc = buildToc(chapter);
    built.set(chapter, toc);
  }
  return toc;
}

function buildToc(chapter: Chapter): TocItem {
  const items = new Map<string, TocItem>();
  let root: TocItem | undefined;
  for (const section of chapter.data.sections) {
    const item: TocItem = {
      id: section.id,
      title: section.title,
      href: `${chapter.url}#${section.id}`,
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
  return root ?? { id: chapter.slug, title: chapter.title, href: chapter.url, depth: 1, authority: null, inner: [], children: [] };
}

export function specToc(spec: LoadedSpec): Array<{ chapter: Chapter; toc: TocItem }> {
  return spec.chapters.map((chapter) => ({ chapter, toc: chapterToc(chapter) }));
}
