import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Edition, SiteModel } from '../site/index.ts';
import type { SiteFiles } from './site-files.ts';

/**
 * Built pages of frozen releases, kept between builds. A release never changes, so its pages
 * (`/<version>/…`) change only when the generator, the site's settings or the list of editions
 * (which every page's version switcher shows) change. After an edit to the draft, a site with
 * many releases builds the draft and the root, and copies the rest.
 */
export class EditionCache {
  private readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  /** Marks the editions whose pages are in the cache, so the pages are not rendered again. */
  mark(site: SiteModel): void {
    for (const edition of site.editions) edition.pagesCached = Boolean(this.keyOf(site, edition) && existsSync(this.folder(site, edition)));
  }

  /** Puts cached editions into the built site and keeps the ones built now for next time. */
  sync(site: SiteModel, outDir: string, into?: SiteFiles): { copied: string[]; stored: string[] } {
    const copied: string[] = [];
    const stored: string[] = [];
    for (const edition of site.editions) {
      const key = this.keyOf(site, edition);
      if (!key) continue;
      const folder = this.folder(site, edition);
      const built = path.join(outDir, edition.prefix);
      if (edition.pagesCached) {
        if (into) into.copyTree(folder, edition.prefix);
        else cpSync(folder, built, { recursive: true });
        copied.push(edition.version!);
      } else if (existsSync(built)) {
        // Written aside and renamed: a build stopped halfway never leaves half an edition.
        const temporary = `${folder}.${process.pid}.tmp`;
        rmSync(temporary, { recursive: true, force: true });
        cpSync(built, temporary, { recursive: true });
        rmSync(folder, { recursive: true, force: true });
        renameSync(temporary, folder);
        stored.push(edition.version!);
      }
    }
    this.prune(site);
    return { copied, stored };
  }

  private folder(site: SiteModel, edition: Edition): string {
    return path.join(this.dir, this.keyOf(site, edition)!);
  }

  /** Frozen releases under their own version only (the root and the draft are always built). */
  private keyOf(site: SiteModel, edition: Edition): string | null {
    if (!edition.checksums || !edition.version || edition.prefix === '') return null;
    const hash = createHash('sha256');
    hash.update(pagesGeneratorVersion());
    hash.update(JSON.stringify(site.config));
    hash.update(JSON.stringify(site.editions.map((other) => [other.prefix, other.version, other.date, other.latest])));
    hash.update(JSON.stringify([edition.prefix, edition.checksums, edition.model.contentDir]));
    // Its marks come from the releases before it: their files are inputs too.
    hash.update(
      JSON.stringify(site.editions.filter((other) => other.checksums && other.date! <= edition.date!).map((other) => [other.version, other.checksums])),
    );
    hash.update(site.overlayKey ?? '');
    return `${edition.version}-${hash.digest('hex').slice(0, 32)}`;
  }

  /** Keeps one cached folder per release: the one this build uses. */
  private prune(site: SiteModel): void {
    if (!existsSync(this.dir)) return;
    const current = new Set(site.editions.map((edition) => this.keyOf(site, edition)).filter(Boolean));
    for (const name of readdirSync(this.dir)) if (!current.has(name)) rmSync(path.join(this.dir, name), { recursive: true, force: true });
  }
}

let version: string | undefined;

/** Everything that shapes a built page besides the content: the generator's code, styles and dependencies. */
function pagesGeneratorVersion(): string {
  if (version) return version;
  const hash = createHash('sha256');
  const root = path.resolve(import.meta.dirname, '../..');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) {
        if (name !== 'test' && name !== 'node_modules') walk(full);
      } else {
        hash.update(path.relative(root, full)).update(readFileSync(full));
      }
    }
  };
  for (const dir of ['src', 'plugins', 'public']) if (existsSync(path.join(root, dir))) walk(path.join(root, dir));
  for (const file of ['package-lock.json', 'astro.config.mjs']) if (existsSync(path.join(root, file))) hash.update(readFileSync(path.join(root, file)));
  version = hash.digest('hex');
  return version;
}
