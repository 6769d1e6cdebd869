import { editionPath, fromChapter } from '../contract/index.ts';

/**
 * Every URL of the site is built here. An edition is one place a spec is published: the latest
 * release at the root (`prefix` ''), each release at `<version>/`, the draft at `draft/`.
 * Pages of every edition have the same shape, so chapter bodies link relatively and one rendering
 * serves them all.
 */
export interface SiteUrls {
  /** `/` or `/my-spec/`: the deployment's base path. */
  readonly base: string;
  /** `''`, `2025-09-12/` or `draft/`: where this edition sits under the base. */
  readonly prefix: string;
  /** The edition's home. */
  home(): string;
  chapter(slug: string): string;
  /** An id on its chapter page. */
  target(chapter: string, id: string): string;
  /** The stable short link of an id, which works without JavaScript and unfurls with its title. */
  short(id: string): string;
  /** A section's social image (1200×630 PNG), beside its short link: what its links unfurl with. */
  socialImage(sectionId: string): string;
  /** A built-in page of the edition: `all`, `levels`, `changes`, `evals`. */
  page(name: 'all' | 'levels' | 'changes' | 'evals'): string;
  /** A site-wide page or file outside any edition: `search/`, `spec.json`, `schemas/…`, `logo.svg`. */
  site(path: string): string;
  /** The edition's own file: `changes.json`, `anchors.json`, `spec.json`. */
  file(name: string): string;
  /** The same URL on the deployed origin, for canonical links, citations and exports. */
  absolute(href: string): string;
  /** The same builder for another edition of the site. */
  edition(prefix: string): SiteUrls;
}

export function siteUrls(site: string, base: string, prefix = ''): SiteUrls {
  const root = base + prefix;
  const origin = site.replace(/\/+$/, '');
  return {
    base,
    prefix,
    home: () => root,
    chapter: (slug) => root + editionPath.chapter(slug),
    target: (chapter, id) => root + editionPath.target(chapter, id),
    short: (id) => root + editionPath.short(id),
    socialImage: (sectionId) => `${root + editionPath.short(sectionId)}og.png`,
    page: (name) => root + editionPath.page(name),
    site: (path) => base + path.replace(/^\/+/, ''),
    file: (name) => root + name,
    absolute: (href) => (/^[a-z][a-z0-9+.-]*:/i.test(href) ? href : origin + href),
    edition: (other) => siteUrls(site, base, other),
  };
}

/** A link written inside a chapter body to an id on another chapter: valid from every edition. */
export function relativeTargetHref(chapter: string, id: string): string {
  return fromChapter.target(chapter, id);
}
