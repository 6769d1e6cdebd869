import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RehypePlugins } from 'astro';
import type { AstroIntegration } from 'astro';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import remarkSpec from '../remark-spec/index.ts';
import { ChapterCache, checkContentAssets, checkMdxTrust, pluginOptions, shikiConfig, specRehypePlugins, syntaxRemarkPlugins } from '../model/index.ts';
import type { SiteModel } from '../site/index.ts';
import { settledLoads } from './content-watch.ts';
import { chapterSwaps, HOT_CHAPTERS_CLIENT, HOT_CHAPTERS_EVENT } from './hot-chapters.ts';
import { shortLinkPages } from './short-links.ts';
import { cachedImagePath } from './card-files.ts';
import { drawInWorker, socialCards } from './social-cards.ts';
import { friendly, loadSpec, type SiteBuild, type SpecFolders, startSiteBuild, storeSpec } from './site-build.ts';
import { keepRenderer } from './kept-renderer.ts';
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
  const folders: SpecFolders = { contentDir, storeDir: '', publicDir: '' };
  const mdxFiles = () =>
    site.editions.flatMap((edition) => edition.model.chapters.filter((chapter) => chapter.format === 'mdx').map((chapter) => chapter.path));
  const module = modelSpecModule(() => ({ storeDir: folders.storeDir, mdxFiles: [...new Set(mdxFiles())] }));
  /** A build's work beside Astro's (site-build.ts); the dev server loads and stores the spec itself. */
  let build: SiteBuild | undefined;
  let devCache: ChapterCache | undefined;
  const imageCache = () => path.join(folders.storeDir, '..', 'social-images');
  const devLoad = async (log: (text: string) => void) => {
    const loaded = await loadSpec(folders, { cache: devCache!, log });
    site = loaded.site;
    return loaded;
  };

  return {
    name: 'model-spec-site',
    hooks: {
      'astro:config:setup': async ({ config, command, updateConfig, injectScript, logger }) => {
        folders.storeDir = path.join(fileURLToPath(config.cacheDir), 'model-spec');
        folders.publicDir = fileURLToPath(config.publicDir);
        if (command === 'build') {
          build = await startSiteBuild(folders, { info: (text) => logger.info(text), warn: (text) => logger.warn(text) });
          site = build.site;
        } else {
          // The dev server reads edited chapters again: it keeps their parsed pieces too.
          devCache = new ChapterCache(path.join(folders.storeDir, 'chapters'), { pieces: command === 'dev' });
          if (command === 'dev') injectScript('page', HOT_CHAPTERS_CLIENT);
          try {
            storeSpec(folders.storeDir, await devLoad((text) => logger.warn(text)));
          } catch (error) {
            throw friendly(error, contentDir);
          }
        }
        const settings = {
          site: site.config.site,
          base: site.config.base,
          trailingSlash: 'always' as const,
          build: { format: 'directory' as const },
          vite: { plugins: [module] },
        };
        // A build of a spec without `.mdx` chapters compiles no Markdown: Astro's processor and
        // MDX are left out (the dev server keeps them, as a chapter may be added while it runs).
        if (command === 'build' && mdxFiles().length === 0) return void updateConfig(settings);
        // Loaded here, not with this module: `npm run build` after a content edit imports the
        // integration's folder without Astro, and these two take about 0.3 s to load.
        const [{ unified }, { default: mdx }] = await Promise.all([import('@astrojs/markdown-remark'), import('@astrojs/mdx')]);
        updateConfig({
          ...settings,
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
        });
      },
      'astro:build:start': ({ setPrerenderer }) => {
        // Keeps the page renderer Vite compiles, so that the next build after an edit to content
        // only can render with it instead of starting Astro (scripts/render-build.ts).
        setPrerenderer(keepRenderer(folders.storeDir, site));
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
            const loaded = await devLoad((text) => logger.warn(text));
            const swaps = chapterSwaps(before, site);
            // Only chapter bodies changed: open pages swap them in (none, when nothing shown changed),
            // sent before the store is written since they do not read it. A reload reads the store.
            if (swaps && swaps.length > 0) server.environments.client.hot.send({ type: 'custom', event: HOT_CHAPTERS_EVENT, data: { swaps } });
            storeSpec(folders.storeDir, loaded);
            module.invalidate();
            if (!swaps) server.environments.client.hot.send({ type: 'full-reload' });
          },
          report: (error) => logger.error(friendly(error, contentDir).message),
        });
        server.watcher.on('all', (_event, file) => {
          if (path.resolve(file).startsWith(contentDir + path.sep)) changed(path.resolve(file));
        });
      },
      'astro:build:done': async ({ dir }) => {
        await build?.finish(fileURLToPath(dir));
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
        ...(existsSync(folders.publicDir) ? { publicDir: folders.publicDir } : {}),
      });
      // The loader refused what the policy forbids before Astro started; this runs the same check
      // on the very tree the MDX compiler compiles, so nothing it compiles was left unchecked.
      checkMdxTrust(tree, file, site.config.mdx);
      const transform = remarkSpec.call(undefined, { ...pluginOptions(edition.model), throwOnError: true });
      transform(tree, file);
    };
  }
}
