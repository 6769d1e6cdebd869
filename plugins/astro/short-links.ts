import { siteUrls, summaryText, type SiteUrls, type SpecConfig } from '../model/index.ts';
import type { SiteModel } from '../site/index.ts';

/** One short-link page: where it is written (under the output folder) and its HTML. */
export interface ShortLinkPage {
  /** The page's URL path under the origin, like `/base/s/<id>/`. */
  url: string;
  html: string;
}

/**
 * Every `/s/<id>/` page of the editions rendered in this build (frozen releases whose pages come
 * from the cache keep theirs), plus the root's pages for ids removed on purpose. They are written
 * straight from the model, not rendered by Astro: hundreds of stubs with no site chrome cost
 * nothing here, and each keeps working without JavaScript and unfurls with its id's own title.
 */
export function shortLinkPages(site: SiteModel): ShortLinkPage[] {
  const pages: ShortLinkPage[] = [];
  for (const edition of site.editions) {
    if (edition.pagesCached) continue;
    const model = edition.model;
    const urls = siteUrls(site.config.site, site.config.base, edition.prefix);
    for (const target of model.targets.values()) {
      const id = target.id;
      const section = model.sections.get(target.aliasOf ?? id)?.section;
      const example = model.examples.get(id)?.example;
      // Sections have their own social image; an example shows its section's.
      const imageSection = section ? (target.aliasOf ?? id) : example?.section;
      pages.push({
        url: urls.short(id),
        html: redirectHtml(model.config, urls, {
          // The title as the page shows it (an old id's page names the section as it is now).
          title: section?.displayTitle ?? example?.displayTitle ?? target.title,
          description: summaryText(section?.text ?? example?.description ?? '') || model.config.description,
          href: urls.target(target.chapter, target.aliasOf ?? id),
          image: imageSection ? urls.absolute(urls.socialImage(imageSection)) : undefined,
        }),
      });
    }
    if (edition.prefix !== '') continue;
    // Short links of ids removed on purpose keep working: they say what happened and lead on.
    for (const removed of site.removed) {
      if (model.targets.has(removed.id)) continue;
      const description = `Removed in ${removed.removedIn ?? 'an earlier release'}: ${removed.reason}${removed.see ? ` See “${removed.see.title}”.` : ''}`;
      pages.push({
        url: urls.short(removed.id),
        html: redirectHtml(model.config, urls, { title: removed.title, description, href: removedHref(urls, removed) }),
      });
    }
  }
  pages.push(...movedChapterPages(site));
  return pages;
}

/**
 * A chapter address a release served at the root (`/approachable/` while it was the latest) keeps
 * working after a later release renames or merges the chapter: a page there sends the reader to
 * where the chapter's first section is now (an old id resolves like a link to it), keeping any
 * `#id` the link had, which the page it lands on resolves. A chapter whose section is gone leads
 * to the newest release that still has it. Chapter names are never the site's own pages or
 * release versions (chapter-files.ts), so nothing Astro renders is replaced.
 */
function movedChapterPages(site: SiteModel): ShortLinkPage[] {
  const root = site.editions.find((edition) => edition.prefix === '');
  if (!root) return [];
  const model = root.model;
  const urls = siteUrls(site.config.site, site.config.base, '');
  const served = new Set(model.chapters.map((chapter) => chapter.slug));
  const pages: ShortLinkPage[] = [];
  // Editions come newest first: each name leads to its newest form.
  for (const edition of site.editions) {
    if (edition.prefix === '' || edition.version === null) continue;
    for (const chapter of edition.model.chapters) {
      if (served.has(chapter.slug)) continue;
      served.add(chapter.slug);
      const target = chapter.id ? model.targets.get(chapter.id) : undefined;
      const removed = chapter.id ? site.removed.find((entry) => entry.id === chapter.id) : undefined;
      const href = target
        ? urls.target(target.chapter, target.aliasOf ?? target.id)
        : removed
          ? removedHref(urls, removed)
          : siteUrls(site.config.site, site.config.base, edition.prefix).chapter(chapter.slug);
      pages.push({
        url: urls.chapter(chapter.slug),
        html: redirectHtml(
          model.config,
          urls,
          {
            title: chapter.displayTitle,
            description: `“${chapter.displayTitle}” was a chapter of release ${edition.version}; its text is now at this address.`,
            href,
          },
          { keepHash: true },
        ),
      });
    }
  }
  return pages;
}

/** The short-link pages as files, by their path in the built site. */
export function shortLinkFiles(site: SiteModel): Array<{ file: string; html: string }> {
  return shortLinkPages(site).map((page) => ({ file: `${page.url.slice(site.config.base.length)}index.html`, html: page.html }));
}

/**
 * Where a link to an id removed on purpose lands: its replacement, with `?removed=` so the page
 * says what happened; or, with no replacement, the changes page of the release that removed it.
 */
export function removedHref(urls: SiteUrls, removed: SiteModel['removed'][number]): string {
  if (removed.see) {
    const [page, hash] = urls.target(removed.see.chapter, removed.see.aliasOf ?? removed.see.id).split('#');
    return `${page}?removed=${encodeURIComponent(removed.id)}#${hash}`;
  }
  return removed.removedIn ? `${urls.edition(`${removed.removedIn}/`).page('changes')}#${removed.id}` : urls.home();
}

interface Redirect {
  title: string;
  description: string;
  /** Where the reader is sent: the id on its chapter page. */
  href: string;
  /** Absolute URL of the social image (1200×630 PNG). */
  image?: string | undefined;
}

function redirectHtml(config: SpecConfig, urls: SiteUrls, { title, description, href, image }: Redirect, options: { keepHash?: boolean } = {}): string {
  const pageTitle = `${title} · ${config.shortTitle}`;
  const canonical = new URL(href, config.site + '/').href;
  const meta = (attribute: 'name' | 'property', key: string, content: string) => `<meta ${attribute}="${key}" content="${escapeHtml(content)}">`;
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(pageTitle)}</title>`,
    meta('name', 'description', description),
    `<link rel="canonical" href="${escapeHtml(canonical)}">`,
    meta('property', 'og:title', pageTitle),
    meta('property', 'og:description', description),
    meta('property', 'og:type', 'article'),
    meta('property', 'og:url', canonical),
    meta('property', 'og:site_name', config.title),
    ...(image
      ? [
          meta('property', 'og:image', image),
          meta('property', 'og:image:width', '1200'),
          meta('property', 'og:image:height', '630'),
          meta('property', 'og:image:alt', title),
        ]
      : []),
    meta('name', 'twitter:card', image ? 'summary_large_image' : 'summary'),
    `<meta http-equiv="refresh" content="${escapeHtml(`0; url=${href}`)}">`,
    meta('name', 'robots', 'noindex'),
    config.logo ? `<link rel="icon" href="${escapeHtml(urls.site(config.logo))}">` : '',
    '</head><body>',
    `<p>“${escapeHtml(title)}” is at <a href="${escapeHtml(href)}">${escapeHtml(canonical)}</a>.</p>`,
    // JSON in a script: `<` escaped so no text can close the element. With keepHash, the link's
    // own `#id` goes along (the page it lands on resolves an id that lives elsewhere).
    options.keepHash
      ? `<script>var h=${JSON.stringify(href).replace(/</g, '\\u003c')};location.replace(location.hash.length>1?h.split('#')[0]+location.hash:h)</script>`
      : `<script>location.replace(${JSON.stringify(href).replace(/</g, '\\u003c')})</script>`,
    '</body></html>',
  ].join('');
}

/** Text and attribute values: the five characters HTML gives meaning to. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
