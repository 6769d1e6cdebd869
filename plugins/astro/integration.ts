import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unified } from '@astrojs/markdown-remark';
import type { RehypePlugins } from 'astro';
import mdx from '@astrojs/mdx';
import type { AstroIntegration } from 'astro';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import remarkSpec from '../remark-spec/index.ts';
import {
  ChapterCache,
  ConfigError,
  placeholderSite,
  loadSpecConfig,
  checkContentAssets,
  pluginOptions,
  SpecError,
  shikiConfig,
  specRehypePlugins,
  syntaxRemarkPlugins,
  type SpecModel,
} from '../model/index.ts';
import { loadSite, type SiteModel } from '../site/index.ts';
import { evalOverlay, failingFilter, writeEvalsStore, type SiteEvals } from '../evals/index.ts';
import { checkMdxTrust } from '../model/index.ts';
import { writeSearchIndex } from './pagefind.ts';
import { checkBuiltLinks } from './link-check.ts';
import { settledLoads } from './content-watch.ts';
import { chapterSwaps, HOT_CHAPTERS_CLIENT, HOT_CHAPTERS_EVENT } from './hot-chapters.ts';
import { shortLinkFiles, shortLinkPages } from './short-links.ts';
import { cachedImagePath } from './card-files.ts';
import { drawInWorker, FilesWorker, sectionCards, socialCards } from './social-cards.ts';
import { EditionCache } from './edition-cache.ts';
import { writeStore } from './store.ts';
import { modelSpecModule } from './virtual-module.ts';

export interface ModelSpecOptions {
  /** The folder with the spec sources and `spec.config.json` (default: `$SPEC_CONTENT_DIR` or `content`). */
  contentDir?: string;
}

/**
 * The generator as one Astro integration: it loads and checks the whole spec before Astro starts
 * (every content error, positioned, at once), sets the site's origin, base path and Markdown
 * processor from `spec.config.json`, hands the model to the pages, and after the build checks
 * every link and writes the search index.
 */
export function modelSpec(options: ModelSpecOptions = {}): AstroIntegration {
  const contentDir = path.resolve(options.contentDir ?? process.env.SPEC_CONTENT_DIR ?? 'content');
  let site: SiteModel;
  let evals: SiteEvals | undefined;
  let cache: ChapterCache;
  let storeDir = '';
  /** Astro's `public/` folder: what image paths starting with `/` name. */
  let publicDir = '';
  const mdxFiles = () =>
    site.editions.flatMap((edition) => edition.model.chapters.filter((chapter) => chapter.format === 'mdx').map((chapter) => chapter.path));
  const module = modelSpecModule(() => ({ storeDir, mdxFiles: [...new Set(mdxFiles())] }));

  let editionCache: EditionCache | undefined;
  /** The search index, built from the model in Pagefind's own process while Astro renders pages. */
  let searchIndex: Promise<Awaited<ReturnType<typeof writeSearchIndex>>> | undefined;
  const searchDir = () => path.join(storeDir, `search-${process.pid}`);
  /** The "failing for model X" search filter, from eval results of the latest edition. */
  const failing = () => evals && failingFilter(evals, site.editions[0]!.version ?? 'draft');
  /** Social images and short-link pages, written in a worker thread while Astro builds, into `staging()`. */
  let filesWritten: Promise<{ drawn: number }> | undefined;
  let shortLinks = 0;
  const staging = () => path.join(storeDir, `files-${process.pid}`);
  const imageCache = () => path.join(storeDir, '..', 'social-images');
  const load = async (log: (text: string) => void, dataLoaded?: (models: SpecModel[]) => void) => {
    const started = performance.now();
    const overlay = evalOverlay(contentDir, loadSpecConfig(contentDir), (loaded) => (evals = loaded), log);
    site = await loadSite(contentDir, { cache, log, overlay, publicDir, ...(dataLoaded ? { dataLoaded } : {}) });
    editionCache?.mark(site);
    return Math.round(performance.now() - started);
  };
  /** Hands the loaded model to the pages. */
  const store = () => {
    writeStore(storeDir, site);
    writeEvalsStore(storeDir, evals);
  };

  return {
    name: 'model-spec-site',
    hooks: {
      'astro:config:setup': async ({ config, command, updateConfig, injectScript, logger }) => {
        storeDir = path.join(fileURLToPath(config.cacheDir), 'model-spec');
        publicDir = fileURLToPath(config.publicDir);
        // The dev server reads edited chapters again: it keeps their parsed pieces too.
        cache = new ChapterCache(path.join(storeDir, 'chapters'), { pieces: command === 'dev' });
        // Built pages of frozen releases are reused between builds (the dev server renders on request).
        if (command === 'build') editionCache = new EditionCache(path.join(storeDir, 'editions'));
        if (command === 'dev') injectScript('page', HOT_CHAPTERS_CLIENT);
        // Started before the spec loads, so the worker's own start-up overlaps it.
        const files = command === 'build' ? new FilesWorker() : undefined;
        try {
          // The cards are known before the chapters are rendered: the worker draws while they are.
          const drawCards = (models: SpecModel[]) =>
            files!.draw(
              models.flatMap((model) => [...sectionCards(model).values()]),
              imageCache(),
            );
          const ms = await load((text) => logger.warn(text), files && drawCards);
          store();
          const chapters = site.editions.reduce((sum, edition) => sum + edition.model.chapters.length, 0);
          logger.info(`spec: ${site.editions.length} edition${site.editions.length === 1 ? '' : 's'}, ${chapters} chapters loaded and rendered in ${ms} ms`);
          if (command === 'build' && site.config.site === placeholderSite) {
            logger.warn(
              `spec.config.json has no "site": canonical links, citations, share links and exported URLs will say ${placeholderSite}. Set "site" to the origin the spec is deployed at.`,
            );
          }
        } catch (error) {
          files?.stop();
          throw friendly(error, contentDir);
        }
        if (command === 'build') {
          // What comes straight from the model starts now, beside Astro's work: the search index
          // in Pagefind's process, the images and short-link pages in the worker.
          rmSync(searchDir(), { recursive: true, force: true });
          searchIndex = writeSearchIndex(searchDir(), site.editions[0]!.model, { decorate: failing(), cacheDir: path.join(storeDir, 'search-index') });
          searchIndex.catch(() => {}); // Reported in astro:build:done.
          rmSync(staging(), { recursive: true, force: true });
          const cards = socialCards(site);
          const pages = shortLinkFiles(site);
          shortLinks = pages.length;
          const base = site.config.base.length;
          filesWritten = files!.run({
            cacheDir: imageCache(),
            cards: [...cards.values()],
            staging: staging(),
            pages,
            images: [...cards].map(([url, card]) => ({ file: url.slice(base), card })),
          });
          filesWritten.catch(() => {}); // Reported in astro:build:done.
        }
        updateConfig({
          site: site.config.site,
          base: site.config.base,
          trailingSlash: 'always',
          build: { format: 'directory' },
          markdown: {
            // Only `.mdx` chapters go through Astro's processor; `.md` chapters arrive rendered.
            processor: unified({
              remarkPlugins: [...syntaxRemarkPlugins, remarkSpecForFile],
              rehypePlugins: specRehypePlugins as RehypePlugins,
              // SmartyPants would rewrite quotes and dashes in example messages.
              smartypants: false,
            }),
            shikiConfig,
          },
          integrations: config.integrations.some((integration) => integration.name === '@astrojs/mdx') ? [] : [mdx()],
          vite: { plugins: [module] },
        });
      },
      'astro:server:setup': ({ server, logger }) => {
        server.watcher.add(contentDir);
        // Short-link pages are written by the build, not rendered by Astro; the dev server serves them from the model.
        server.middlewares.use((request, response, next) => {
          const url = decodeURIComponent((request.url ?? '').split('?')[0]!);
          if (!/\/s\/[^/]+\/$/.test(url)) return next();
          const page = shortLinkPages(site).find((candidate) => candidate.url === url);
          if (!page) return next();
          response.setHeader('Content-Type', 'text/html; charset=utf-8');
          response.end(page.html);
        });
        server.middlewares.use((request, response, next) => {
          const card = socialCards(site).get(decodeURIComponent((request.url ?? '').split('?')[0]!));
          if (!card) return next();
          drawInWorker([card], imageCache()).then(() => {
            response.setHeader('Content-Type', 'image/png');
            response.end(readFileSync(cachedImagePath(card, imageCache())));
          }, next);
        });
        const changed = settledLoads({
          load: async () => {
            const before = site;
            await load((text) => logger.warn(text));
            const swaps = chapterSwaps(before, site);
            // Only chapter bodies changed: open pages swap them in (none, when nothing shown changed),
            // sent before the store is written since they do not read it. A reload reads the store.
            if (swaps && swaps.length > 0) server.environments.client.hot.send({ type: 'custom', event: HOT_CHAPTERS_EVENT, data: { swaps } });
            store();
            module.invalidate();
            if (!swaps) server.environments.client.hot.send({ type: 'full-reload' });
          },
          report: (error) => logger.error(friendly(error, contentDir).message),
        });
        server.watcher.on('all', (_event, file) => {
          if (path.resolve(file).startsWith(contentDir + path.sep)) changed(path.resolve(file));
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        // Before the edition cache stores this build's editions, so their short links are kept with them.
        const files = await filesWritten;
        if (files) logger.info(files.drawn > 0 ? `social images: ${files.drawn} drawn into the image cache` : 'social images: all in the image cache already');
        moveInto(staging(), outDir);
        if (editionCache) {
          const { copied, stored } = editionCache.sync(site, outDir);
          if (copied.length + stored.length > 0)
            logger.info(
              `releases: ${copied.length ? `pages of ${copied.join(', ')} from the cache` : 'none from the cache'}${stored.length ? `; ${stored.join(', ')} kept for the next build` : ''}`,
            );
        }
        // Images the chapters use: only files inside the content folder, checked when loading.
        for (const asset of new Map(site.editions.flatMap((edition) => edition.model.assets).map((asset) => [asset.output, asset])).values()) {
          mkdirSync(path.dirname(path.join(outDir, asset.output)), { recursive: true });
          copyFileSync(asset.source, path.join(outDir, asset.output));
        }
        const root = site.editions[0]!.model;
        const links = await checkBuiltLinks(outDir, root);
        if (links.problems.length > 0) {
          const shown = links.problems.slice(0, 30).map((problem) => '  ' + problem);
          if (links.problems.length > shown.length) shown.push(`  … and ${links.problems.length - shown.length} more`);
          const failure = new Error(`${links.problems.length} broken links in the built site:\n${shown.join('\n')}`);
          failure.stack = failure.message;
          throw failure;
        }
        logger.info(`links: ${links.links} internal links and fragments checked in ${links.pages} pages (${shortLinks} short links among them), all resolve`);
        const search = await (searchIndex ?? writeSearchIndex(searchDir(), root, { decorate: failing() }));
        moveFolder(path.join(searchDir(), 'pagefind'), path.join(outDir, 'pagefind'));
        rmSync(searchDir(), { recursive: true, force: true });
        logger.info(
          `search: indexed ${search.records} records (${search.sections} sections, ${search.examples} examples)${search.cached ? ', unchanged since the last build' : ''}`,
        );
      },
    },
  };

  /** The spec plugin for an `.mdx` chapter, with the options of the edition the file belongs to. */
  function remarkSpecForFile() {
    return (tree: Root, file: VFile) => {
      const filePath = path.resolve(file.path ?? '');
      const edition = site.editions.find((candidate) => candidate.model.chapters.some((chapter) => chapter.path === filePath)) ?? site.editions[0]!;
      checkContentAssets(tree, file, {
        contentDir: edition.model.contentDir,
        base: edition.model.config.base,
        ...(existsSync(publicDir) ? { publicDir } : {}),
      });
      // The loader refused what the policy forbids before Astro started; this runs the same check
      // on the very tree the MDX compiler compiles, so nothing it compiles was left unchecked.
      checkMdxTrust(tree, file, site.config.mdx);
      const transform = remarkSpec.call(undefined, { ...pluginOptions(edition.model), throwOnError: true });
      transform(tree, file);
    };
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
function friendly(error: unknown, contentDir: string): Error {
  if (!(error instanceof SpecError) && !(error instanceof ConfigError)) return error as Error;
  const failure = new Error(`The spec in ${path.relative(process.cwd(), contentDir) || '.'} has errors; the site was not built.\n\n${error.message}`);
  failure.stack = failure.message;
  return failure;
}
