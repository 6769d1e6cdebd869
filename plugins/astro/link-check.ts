import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { SpecModel } from '../model/index.ts';

interface Page {
  url: string;
  file: string;
  ids: Set<string>;
  links: Array<{ href: string; line: number }>;
}

/**
 * Checks every internal link and `#fragment` of the built site. A broken link names the built
 * page and line, and the source file and line when the link comes from a spec chapter.
 */
export async function checkBuiltLinks(outDir: string, spec: SpecModel) {
  const base = spec.config.base;
  const pages = new Map<string, Page>();
  for (const file of htmlFiles(outDir)) {
    const relative = path.relative(outDir, file).split(path.sep).join('/');
    const url = base + relative.replace(/(^|\/)index\.html$/, '$1');
    const html = readFileSync(file, 'utf8');
    pages.set(url, { url, file: relative, ids: collectIds(html), links: collectLinks(html) });
  }

  const problems: string[] = [];
  let links = 0;
  for (const page of pages.values()) {
    for (const { href, line } of page.links) {
      if (unsafeScheme.test(href.replace(/[\u0000-\u0020\u007f]+/g, ''))) {
        problems.push(
          `${page.file}:${line}: unexpected link to \`${href.slice(0, 60)}\`, expected an http(s), mailto or site link (this scheme runs code)${sourceHint(spec, page, href)}`,
        );
        continue;
      }
      const target = resolveHref(href, page.url);
      if (!target) continue;
      links++;
      if (!target.path.startsWith(base)) continue;
      // A file is checked like a page: a link to a data file or image that was never published is broken too.
      const targetPage = pages.get(target.path) ?? pages.get(target.path + '/') ?? (assetExists(outDir, base, target.path) ? 'asset' : undefined);
      if (!targetPage) {
        problems.push(
          `${page.file}:${line}: link to \`${href}\`: no page${isAsset(target.path) ? ' or file' : ''} at ${target.path}${sourceHint(spec, page, href)}`,
        );
        continue;
      }
      if (target.fragment && targetPage !== 'asset' && !targetPage.ids.has(target.fragment)) {
        problems.push(`${page.file}:${line}: link to \`${href}\`: ${target.path} has no element with id \`${target.fragment}\`${sourceHint(spec, page, href)}`);
      }
    }
  }
  return { pages: pages.size, links, problems };
}

function htmlFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'pagefind' && entry.name !== '_astro') found.push(...htmlFiles(full));
    } else if (entry.name.endsWith('.html')) found.push(full);
  }
  return found;
}

function collectIds(html: string): Set<string> {
  const ids = new Set<string>();
  for (const match of html.matchAll(/\sid="([^"]+)"/g)) ids.add(decodeEntities(match[1]!));
  return ids;
}

function collectLinks(html: string): Array<{ href: string; line: number }> {
  const links: Array<{ href: string; line: number }> = [];
  // Lines are counted as the matches go: slicing from the start each time is quadratic on big pages.
  let line = 1;
  let counted = 0;
  for (const match of html.matchAll(/<a\b[^>]*?\shref="([^"]*)"/g)) {
    for (let newline = html.indexOf('\n', counted); newline !== -1 && newline < match.index; newline = html.indexOf('\n', newline + 1)) line++;
    counted = match.index;
    links.push({ href: decodeEntities(match[1]!), line });
  }
  return links;
}

function codePoint(value: number): string {
  return value <= 0x10ffff ? String.fromCodePoint(value) : '\ufffd';
}

/** Schemes that run code when followed; the spec plugin renders such links inert. */
const unsafeScheme = /^(?:javascript|vbscript|data):/i;

function decodeEntities(value: string): string {
  return value
    .replace(/&#x([0-9a-f]{1,6});?/gi, (_, hex: string) => codePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d{1,7});?/g, (_, decimal: string) => codePoint(Number(decimal)))
    .replace(/&quot;/g, '"')
    .replace(/&colon;/gi, ':')
    .replace(/&amp;/g, '&');
}

function resolveHref(href: string, pageUrl: string): { path: string; fragment: string } | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) return undefined;
  const url = new URL(href, `http://site.invalid${pageUrl}`);
  let fragment = '';
  try {
    fragment = decodeURIComponent(url.hash.slice(1));
  } catch {
    fragment = url.hash.slice(1);
  }
  return { path: decodeURI(url.pathname), fragment };
}

function isAsset(urlPath: string): boolean {
  return /\.[a-z0-9]+$/i.test(urlPath);
}

function assetExists(outDir: string, base: string, urlPath: string): boolean {
  try {
    return statSync(path.join(outDir, urlPath.slice(base.length))).isFile();
  } catch {
    return false;
  }
}

function sourceHint(spec: SpecModel, page: Page, href: string): string {
  const chapter = spec.chapters.find((candidate) => candidate.url === page.url);
  if (!chapter) return '';
  const source = readFileSync(chapter.path, 'utf8');
  const fragment = href.includes('#') ? href.slice(href.indexOf('#')) : href;
  const index = source.indexOf(`(${fragment}`);
  if (index < 0) return ` (page from ${chapter.file})`;
  return ` (source: ${chapter.file}:${source.slice(0, index).split('\n').length})`;
}
