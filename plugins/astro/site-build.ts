import { accessSync, constants, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ChapterCache, ConfigError, loadSpecConfig, placeholderSite, SpecError, type SpecModel } from '../model/index.ts';
import { loadSite, type SiteModel } from '../site/index.ts';
import { evalOverlay, failingFilter, writeEvalsStore, type SiteEvals } from '../evals/index.ts';
import { writeSearchIndex } from './pagefind.ts';
import { checkBuiltLinks } from './link-check.ts';
import { shortLinkFiles } from './short-links.ts';
import { FilesWorker, sectionCards, socialCards } from './social-cards.ts';
import { EditionCache } from './edition-cache.ts';
import type { SiteFiles } from './site-files.ts';
import { writeStore } from './store.ts';
import { leftoverNames, sweepLeftovers } from './leftovers.ts';

export interface BuildLog {
  info(text: string): void;
  warn(text: string): void;
}

export interface SpecFolders {
  contentDir: string;
  /** The integration's folder in Astro's cache: the store the pages read, chapter and image caches. */
  storeDir: string;
  /** Astro's `public/` folder: what image paths starting with `/` name. */
  publicDir: string;
}

/** The site and its eval results, as the loader read them from the content folder. */
export interface LoadedSpec {
  site: SiteModel;
  evals: SiteEvals | undefined;
}

/** Loads and checks the whole spec (throws every content error at once). */
export async function loadSpec(
  folders: SpecFolders,
  options: { cache: ChapterCache; log: (text: string) => void; dataLoaded?: (models: SpecModel[]) => void },
): Promise<LoadedSpec> {
  let evals: SiteEvals | undefined;
  const overlay = evalOverlay(folders.contentDir, loadSpecConfig(folders.contentDir), (loaded) => (evals = loaded), options.log);
  const site = await loadSite(folders.contentDir, {
    cache: options.cache,
    log: options.log,
    overlay,
    publicDir: folders.publicDir,
    ...(options.dataLoaded ? { dataLoaded: options.dataLoaded } : {}),
  });
  return { site, evals };
}

/** Hands the loaded spec to the pages. */
export function storeSpec(storeDir: string, { site, evals }: LoadedSpec): void {
  writeStore(storeDir, site);
  writeEvalsStore(storeDir, evals);
}

/**
 * One build of the site, around the rendering of its pages (by Astro, or by the renderer a
 * previous build kept: kept-renderer.ts). `startSiteBuild` loads the spec and starts what comes
 * straight from the model beside the rendering: the search index in Pagefind's process, social
 * images and short-link pages in a worker thread. `finish` puts them into the built folder, copies
 * cached releases and content images, and checks every link.
 */
export interface SiteBuild extends LoadedSpec {
  /**
   * Puts the files made beside the rendering into the built folder and checks its links. With
   * `files`, the folder still holds the build before this one: each file is written only when it
   * changed, and what this build did not write is removed (site-files.ts).
   */
  finish(outDir: string, files?: SiteFiles): Promise<void>;
  /** Waits for the work started beside the rendering and removes what it wrote (the build stops without pages). */
  abandon(): Promise<void>;
}

export async function startSiteBuild(folders: SpecFolders, log: BuildLog, options: { intoExisting?: boolean } = {}): Promise<SiteBuild> {
  const { contentDir, storeDir } = folders;
  const chapterDir = path.join(storeDir, 'chapters');
  const editionDir = path.join(storeDir, 'editions');
  const searchCacheDir = path.join(storeDir, 'search-index');
  const imageCache = path.join(storeDir, '..', 'social-images');
  // What builds that were killed left aside: in each cache folder written aside and renamed into, and in memory.
  sweepLeftovers(storeDir, leftoverNames.store);
  for (const dir of [...ChapterCache.folders(chapterDir), editionDir, searchCacheDir, imageCache]) sweepLeftovers(dir, leftoverNames.aside);
  sweepLeftovers(memoryDir, leftoverNames.memory);
  // After an edit, a chapter's unchanged pieces come from the last build's parse.
  const cache = new ChapterCache(chapterDir, { pieces: options.intoExisting ? 'stored' : false });
  // Built pages of frozen releases are reused between builds.
  const editionCache = new EditionCache(editionDir);
  // Into an existing site, the search index and the staged files are only compared with the built
  // ones: written where creating files is cheap. Otherwise they are renamed into the site.
  const scratch = options.intoExisting ? scratchDir(storeDir) : undefined;
  const searchDir = scratch ? path.join(scratch, 'search') : path.join(storeDir, `search-${process.pid}`);
  const staging = scratch ? path.join(scratch, 'files') : path.join(storeDir, `files-${process.pid}`);
  // Started before the spec loads, so the worker's own start-up overlaps it. Its image libraries
  // load at once only when no image was drawn before: otherwise most builds draw none.
  const files = new FilesWorker({ preload: !hasFiles(imageCache) });
  let loaded: LoadedSpec;
  try {
    const started = performance.now();
    // The cards are known before the chapters are rendered: the worker draws while they are.
    const drawCards = (models: SpecModel[]) =>
      files.draw(
        models.flatMap((model) => [...sectionCards(model).values()]),
        imageCache,
      );
    loaded = await loadSpec(folders, { cache, log: (text) => log.warn(text), dataLoaded: drawCards });
    editionCache.mark(loaded.site);
    const ms = Math.round(performance.now() - started);
    storeSpec(storeDir, loaded);
    const { site } = loaded;
    const chapters = site.editions.reduce((sum, edition) => sum + edition.model.chapters.length, 0);
    log.info(`spec: ${site.editions.length} edition${site.editions.length === 1 ? '' : 's'}, ${chapters} chapters loaded and rendered in ${ms} ms`);
    if (site.config.site === placeholderSite) {
      log.warn(
        `spec.config.json has no "site": canonical links, citations, share links and exported URLs will say ${placeholderSite}. Set "site" to the origin the spec is deployed at.`,
      );
    }
  } catch (error) {
    files.stop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
    throw friendly(error, contentDir);
  }
  const { site, evals } = loaded;
  const root = site.editions[0]!.model;
  const failing = evals && failingFilter(evals, site.editions[0]!.version ?? 'draft');
  rmSync(searchDir, { recursive: true, force: true });
  const searchIndex = writeSearchIndex(searchDir, root, { decorate: failing, cacheDir: searchCacheDir });
  searchIndex.catch(() => {}); // Reported by finish.
  rmSync(staging, { recursive: true, force: true });
  const cards = socialCards(site);
  const pages = shortLinkFiles(site);
  const base = site.config.base.length;
  const filesWritten = files.run({
    cacheDir: imageCache,
    cards: [...cards.values()],
    staging,
    pages,
    images: [...cards].map(([url, card]) => ({ file: url.slice(base), card })),
  });
  filesWritten.catch(() => {}); // Reported by finish.

  return {
    site,
    evals,
    async abandon() {
      await Promise.allSettled([searchIndex, filesWritten]);
      for (const dir of [searchDir, staging, scratch]) if (dir) rmSync(dir, { recursive: true, force: true });
    },
    async finish(outDir, into) {
      // Before the edition cache stores this build's editions, so their short links are kept with them.
      const { drawn } = await filesWritten;
      log.info(drawn > 0 ? `social images: ${drawn} drawn into the image cache` : 'social images: all in the image cache already');
      // Into the last build's folder, each file is compared and written; into Astro's fresh one,
      // staged folders are renamed in (one rename for all of /s/) and files copied.
      if (into) into.copyTree(staging);
      else moveInto(staging, outDir);
      const { copied, stored } = editionCache.sync(site, outDir, into);
      if (copied.length + stored.length > 0)
        log.info(
          `releases: ${copied.length ? `pages of ${copied.join(', ')} from the cache` : 'none from the cache'}${stored.length ? `; ${stored.join(', ')} kept for the next build` : ''}`,
        );
      // Images the chapters use: only files inside the content folder, checked when loading.
      for (const asset of new Map(site.editions.flatMap((edition) => edition.model.assets).map((asset) => [asset.output, asset])).values()) {
        if (into) into.write(asset.output, readFileSync(asset.source));
        else {
          mkdirSync(path.dirname(path.join(outDir, asset.output)), { recursive: true });
          copyFileSync(asset.source, path.join(outDir, asset.output));
        }
      }
      const search = await searchIndex;
      if (into) into.copyTree(path.join(searchDir, 'pagefind'), 'pagefind');
      else moveFolder(path.join(searchDir, 'pagefind'), path.join(outDir, 'pagefind'));
      for (const dir of [staging, searchDir, scratch]) if (dir) rmSync(dir, { recursive: true, force: true });
      // The stale files go before the links are checked: a page no longer built must not count.
      into?.removeRest();
      const links = await checkBuiltLinks(outDir, root);
      if (links.problems.length > 0) {
        const shown = links.problems.slice(0, 30).map((problem) => '  ' + problem);
        if (links.problems.length > shown.length) shown.push(`  … and ${links.problems.length - shown.length} more`);
        const failure = new Error(`${links.problems.length} broken links in the built site:\n${shown.join('\n')}`);
        failure.stack = failure.message;
        throw failure;
      }
      log.info(
        `links: ${links.links} internal links and fragments checked in ${links.pages} pages (${pages.length} short links and moved-chapter pages among them), all resolve`,
      );
      log.info(
        `search: indexed ${search.records} records (${search.sections} sections, ${search.examples} examples)${search.cached ? ', unchanged since the last build' : ''}`,
      );
    },
  };
}

/** Linux's memory file system, where files are cheap to create. */
const memoryDir = '/dev/shm';

/** A folder for files written only to be compared: on a memory file system when there is one. */
function scratchDir(storeDir: string): string {
  try {
    accessSync(memoryDir, constants.W_OK);
    // Named by this process, so a later build can tell it was left by a killed one (leftovers.ts).
    return mkdtempSync(path.join(memoryDir, `model-spec-${process.pid}-`));
  } catch {
    const dir = path.join(storeDir, `scratch-${process.pid}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    return dir;
  }
}

function hasFiles(dir: string): boolean {
  try {
    return readdirSync(dir).length > 0;
  } catch {
    return false;
  }
}

/** Moves every file of a staging folder to the same place under `to`, then removes the staging folder. */
function moveInto(from: string, to: string): void {
  if (!existsSync(from)) return;
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    // A folder Astro did not write moves whole (one rename for all of /s/); one it did is merged.
    if (entry.isDirectory() && existsSync(target)) moveInto(source, target);
    else moveFolder(source, target);
  }
  rmSync(from, { recursive: true, force: true });
}

/** Moves a folder or file into the built site (copied when the two are on different file systems). */
function moveFolder(from: string, to: string): void {
  rmSync(to, { recursive: true, force: true });
  try {
    renameSync(from, to);
  } catch {
    cpSync(from, to, { recursive: true });
  }
}

/** A content or config error as the author should see it: the report, without a stack trace into the generator. */
export function friendly(error: unknown, contentDir: string): Error {
  if (!(error instanceof SpecError) && !(error instanceof ConfigError)) return error as Error;
  const failure = new Error(`The spec in ${path.relative(process.cwd(), contentDir) || '.'} has errors; the site was not built.\n\n${error.message}`);
  failure.stack = failure.message;
  return failure;
}
