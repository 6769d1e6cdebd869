// The page renderer a full build compiles (Astro's prerender bundle), kept so that a build after an
// edit to content only can render the pages without starting Astro or Vite (scripts/render-build.ts).
//
// Astro has no public API for rendering with an earlier build's bundle, so this leans on three of
// its build internals, all pinned by the lockfile and proven by the tests that compare a kept
// render with a full build byte for byte (tests/build-kept-renderer.test.ts):
// - the prerenderer an integration may wrap (`setPrerenderer`), whose default loads the bundle
//   from `<outDir>/.prerender/` and exposes it as `app`;
// - the two facts the bundle reads from the build's in-memory state: each page's stylesheets and
//   the scripts Astro injects;
// - three small modules of Astro's: how a request is made, how params make a path, and which file
//   a path is written to.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroPrerenderer } from 'astro';
import type { SiteModel } from '../site/index.ts';
import type { SiteFiles } from './site-files.ts';

/** What the kept bundle was compiled with, beside it as `kept.json`. */
export interface KeptRendererRecord {
  /** The bundle's entry, relative to its folder. */
  entry: string;
  /** Each page's stylesheets, by Astro's page key (route & component), as Astro's CSS step left them. */
  styles: Record<string, unknown[]>;
  /** The scripts integrations inject into every page's head. */
  scripts: unknown[];
  /** Astro's settings the output depends on. */
  config: { base: string; outDir: string; publicDir: string; assets: string; format: string };
  origin: string;
  /** The origin and base path from `spec.config.json` Astro was configured with: a change needs a full build. */
  spec: { site: string; base: string };
  /** What the `.mdx` chapters compiled into the bundle were compiled from (`mdxInputs`). */
  mdx: string;
  /** Every file of the bundle and its SHA-256: a bundle missing or changing a file is not used. */
  files: Record<string, string>;
}

/** Where the renderer is kept in the integration's cache folder. */
export function keptRendererDir(storeDir: string): string {
  return path.join(storeDir, 'renderer');
}

interface BuildApp {
  manifest: { routes: Array<{ routeData: RouteData }>; trailingSlash: string };
  getComponentByRoute(route: RouteData): Promise<unknown>;
  setInternals(internals: unknown): void;
  setOptions(options: unknown): void;
  getOptions(): {
    settings: { config: AstroConfigShape; scripts: Array<{ stage: string }> };
    allPages: Record<string, { styles: unknown[] }>;
    origin: string;
  };
  render(request: Request, options: { routeData: RouteData }): Promise<Response>;
}

interface AstroConfigShape {
  base: string;
  outDir: URL;
  publicDir: URL;
  trailingSlash: string;
  build: { format: string; assets: string };
  redirects?: Record<string, unknown>;
  i18n?: unknown;
}

/**
 * The prerenderer for `setPrerenderer`: Astro's own, which after loading the bundle copies it into
 * the cache with what it needs from the build.
 */
export function keepRenderer(storeDir: string, site: SiteModel) {
  return (astro: AstroPrerenderer): AstroPrerenderer => ({
    ...astro,
    name: 'model-spec-site:kept',
    async setup() {
      await astro.setup?.();
      const dir = keptRendererDir(storeDir);
      rmSync(dir, { recursive: true, force: true });
      // Astro's default prerenderer holds the loaded bundle as `app` (default-prerenderer.js).
      const options = (astro as AstroPrerenderer & { app?: BuildApp }).app?.getOptions();
      if (!options) return;
      const { config, scripts } = options.settings;
      // What the kept renderer does not reproduce: scripts added per page (bundled and named by
      // Vite; none outside the dev server), redirects, i18n fallbacks, and output shapes other than
      // the one the integration sets.
      if (scripts.some((script) => script.stage === 'page')) return;
      if (Object.keys(config.redirects ?? {}).length > 0 || config.i18n || config.build.format !== 'directory' || config.trailingSlash !== 'always') return;
      const bundle = prerenderDir(config.outDir);
      const entry = existsSync(bundle) ? readdirSync(bundle).find((name) => /^prerender-entry.*\.mjs$/.test(name)) : undefined;
      if (!entry) return;
      const temporary = `${dir}.${process.pid}.tmp`;
      rmSync(temporary, { recursive: true, force: true });
      cpSync(bundle, temporary, { recursive: true });
      const files = bundleFiles(temporary);
      // The bundle imports packages by name: from the cache folder (which may be anywhere), they
      // resolve through a link to the project's packages.
      symlinkSync(path.join(process.cwd(), 'node_modules'), path.join(temporary, 'node_modules'), 'dir');
      const record: KeptRendererRecord = {
        entry,
        styles: Object.fromEntries(Object.entries(options.allPages).map(([key, page]) => [key, page.styles])),
        scripts: scripts.filter((script) => script.stage === 'head-inline'),
        config: {
          base: config.base,
          outDir: fileURLToPath(config.outDir),
          publicDir: fileURLToPath(config.publicDir),
          assets: config.build.assets,
          format: config.build.format,
        },
        origin: options.origin,
        spec: { site: site.config.site, base: site.config.base },
        mdx: mdxInputs(site),
        files,
      };
      writeFileSync(path.join(temporary, 'kept.json'), JSON.stringify(record));
      renameSync(temporary, dir);
    },
  });
}

/**
 * A digest of everything the `.mdx` chapters compiled into the bundle depend on: their paths and
 * text, and per edition what the spec plugin reads when compiling one (config, content folder,
 * the ids and titles cross-references resolve to: loader.ts `pluginOptionsFor`). Prose edited
 * elsewhere leaves it unchanged; a renamed section an `.mdx` chapter links to does not.
 */
export function mdxInputs(site: SiteModel): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(site.config));
  for (const edition of site.editions) {
    const chapters = edition.model.chapters.filter((chapter) => chapter.format === 'mdx');
    if (chapters.length === 0) continue;
    const { model } = edition;
    hash.update(`\0${model.contentDir}\0${JSON.stringify(model.config)}\0`);
    for (const target of model.targets.values()) hash.update(`${target.id}=${target.title}|${target.kind}@${target.chapter}#${target.aliasOf ?? ''}\n`);
    for (const chapter of chapters) {
      hash.update(`\0${chapter.path}\0`);
      hash.update(readFileSync(chapter.path));
    }
  }
  return hash.digest('hex');
}

/** The bundle's files (its link to the packages aside) by path, with their SHA-256. */
function bundleFiles(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files[path.relative(dir, file)] = createHash('sha256').update(readFileSync(file)).digest('hex');
  }
  return files;
}

/** Astro's prerender folder for a static build (`getPrerenderOutputDirectory`). */
function prerenderDir(outDir: URL): string {
  const out = fileURLToPath(outDir);
  const within = out.startsWith(process.cwd()) ? out : path.join(process.cwd(), '.astro');
  return path.join(within, '.prerender');
}

/** What a build into the folder of the last one leaves alone: the client assets Vite wrote, and the public files. */
export function keptFiles(record: KeptRendererRecord): (relative: string, folder: boolean) => boolean {
  return (relative, folder) => (folder ? relative === record.config.assets : existsSync(path.join(record.config.publicDir, relative)));
}

/** The kept renderer's record, or null when there is none. */
export function readKeptRenderer(storeDir: string): KeptRendererRecord | null {
  try {
    return JSON.parse(readFileSync(path.join(keptRendererDir(storeDir), 'kept.json'), 'utf8')) as KeptRendererRecord;
  } catch {
    return null;
  }
}

/** The kept bundle, loaded: `render` renders every page into a site's files (`loadKeptRenderer`). */
export interface KeptRenderer {
  render(files: SiteFiles): Promise<number>;
}

/**
 * Loads the kept bundle and the three small modules of Astro's it renders with. Throws when the
 * bundle cannot be loaded (a file of it removed from the cache): the build is then made in full.
 */
export async function loadKeptRenderer(storeDir: string, record: KeptRendererRecord, log: (text: string) => void): Promise<KeptRenderer> {
  // The bundle imports most of its files only as pages render: all are checked before any is.
  const dir = keptRendererDir(storeDir);
  for (const [file, hash] of Object.entries(record.files)) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(path.join(dir, file));
    } catch {
      throw new Error(`${file} is missing`);
    }
    if (createHash('sha256').update(bytes).digest('hex') !== hash) throw new Error(`${file} changed`);
  }
  const astro = astroModule(import.meta.url);
  // Three small modules of Astro's, not its build (`generate.js` and what it imports take a third of a second to load).
  const { createRequest } = (await import(astro('dist/core/request.js'))) as { createRequest: (options: unknown) => Request };
  const { getOutFolder, getOutFile } = (await import(astro('dist/core/build/common.js'))) as {
    getOutFolder: (settings: unknown, pathname: string, route: RouteData) => URL;
    getOutFile: (format: string, folder: URL, pathname: string, route: RouteData) => URL;
  };
  const { stringifyParams } = (await import(astro('dist/core/routing/params.js'))) as {
    stringifyParams: (params: Record<string, string | undefined>, route: RouteData, trailingSlash: string) => string;
  };
  const { app } = (await import(pathToFileURL(path.join(keptRendererDir(storeDir), record.entry)).href)) as { app: BuildApp };
  return { render: (files) => renderPages({ app, record, files, log, createRequest, getOutFolder, getOutFile, stringifyParams }) };
}

/** Renders every page with the kept bundle into `files` (each written only when it changed), as a full build would; resolves with the number of pages. */
async function renderPages({
  app,
  record,
  files,
  log,
  createRequest,
  getOutFolder,
  getOutFile,
  stringifyParams,
}: {
  app: BuildApp;
  record: KeptRendererRecord;
  files: SiteFiles;
  log: (text: string) => void;
  createRequest: (options: unknown) => Request;
  getOutFolder: (settings: unknown, pathname: string, route: RouteData) => URL;
  getOutFile: (format: string, folder: URL, pathname: string, route: RouteData) => URL;
  stringifyParams: (params: Record<string, string | undefined>, route: RouteData, trailingSlash: string) => string;
}): Promise<number> {
  const { config } = record;
  const outDir = config.outDir;
  const problems: string[] = [];
  const logger = {
    options: {
      destination: {
        write: (event: { level: string; message: string }) => (event.level === 'error' || event.level === 'warn' ? problems.push(event.message) : true),
      },
    },
    error: (_label: unknown, message: string) => problems.push(message),
    warn: (_label: unknown, message: string) => log(message),
    info() {},
    debug() {},
  };
  const settings = {
    buildOutput: 'static',
    config: { outDir: pathToFileURL(outDir.endsWith(path.sep) ? outDir : outDir + path.sep), build: { format: config.format } },
    scripts: record.scripts,
  };
  app.setInternals({
    pagesByKeys: new Map(Object.entries(record.styles).map(([key, styles]) => [key, { key, styles }])),
    entrySpecifierToBundleMap: new Map(),
  });
  app.setOptions({ settings, logger });

  let written = 0;
  const seen = new Set<string>();
  for (const { pathname, route } of await staticPaths(app, stringifyParams)) {
    // Astro renders the first route of a path and warns of the rest (prerenderConflictBehavior).
    const normalized = pathname.replace(/\/$/, '');
    if (seen.has(normalized)) continue;
    seen.add(normalized);
    const url = new URL(pageUrl(pathname, route, config.base), record.origin);
    const request = createRequest({ url, headers: new Headers(), logger, isPrerendered: true, routePattern: route.component });
    const response = await app.render(request, { routeData: route });
    if (response.status >= 300 && response.status < 400)
      throw new Error(`${route.component} redirects ${pathname}; \`npm run build -- --force\` builds it in full`);
    if (!response.body) continue;
    const encoded = encodeURI(pathname);
    const relative = path.relative(outDir, fileURLToPath(getOutFile(config.format, getOutFolder(settings, encoded, route), encoded, route)));
    // As Astro: a public file of the same name wins over the page.
    if (existsSync(path.join(config.publicDir, relative))) {
      log(`Skipping ${route.component} because a file with the same name exists in the public folder: ${relative}`);
      continue;
    }
    files.write(relative, Buffer.from(await response.arrayBuffer()));
    written++;
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return written;
}

interface RouteData {
  type: string;
  route: string;
  component: string;
  pathname?: string;
  prerender: boolean;
}

/** Every path to render, route by route, as Astro's `StaticPaths` lists them (this site has no i18n fallbacks). */
async function staticPaths(
  app: BuildApp,
  stringifyParams: (params: Record<string, string | undefined>, route: RouteData, trailingSlash: string) => string,
): Promise<Array<{ pathname: string; route: RouteData }>> {
  const paths: Array<{ pathname: string; route: RouteData }> = [];
  for (const { routeData: route } of app.manifest.routes) {
    if (!route.prerender) continue;
    if (route.pathname) {
      paths.push({ pathname: route.pathname, route });
      continue;
    }
    const page = (await app.getComponentByRoute(route)) as {
      getStaticPaths: (options: unknown) => Promise<Array<{ params: Record<string, string | undefined> }>>;
    };
    const entries = await page.getStaticPaths({
      paginate: () => {
        throw new Error('the kept renderer does not paginate');
      },
      routePattern: route.route,
    });
    for (const entry of entries.flat()) paths.push({ pathname: stringifyParams(entry.params, route, app.manifest.trailingSlash), route });
  }
  return paths;
}

/** The URL a page is requested at: Astro's `getUrlForPath` for the `directory` format with trailing slashes, which the integration sets. */
function pageUrl(pathname: string, route: RouteData, base: string): string {
  const join = (relative: string) => `${base.replace(/\/+$/, '')}/${relative.replace(/^\/+/, '')}`;
  if (pathname === '/' || pathname === '') return `${base.replace(/\/+$/, '')}/`;
  if (route.type === 'endpoint') return join(/\.[^/]+$/.test(pathname) ? pathname : `${pathname.replace(/\/+$/, '')}/`);
  return join(`${pathname.replace(/\/+$/, '')}/`);
}

/** A file of Astro's package, as a URL to import (its `exports` do not name these). */
function astroModule(from: string): (file: string) => string {
  const root = path.dirname(createRequire(from).resolve('astro/package.json'));
  return (file) => pathToFileURL(path.join(root, file)).href;
}
