// The page renderer a full build compiles (Astro's prerender bundle), kept so that a build after an
// edit to `.md` content can render the pages without starting Astro or Vite (scripts/render-build.ts).
//
// Astro has no public API for rendering with an earlier build's bundle, so this leans on three of
// its build internals, all pinned by the lockfile and proven by the test that compares a kept
// render with a full build byte for byte (tests/build/kept-renderer.test.ts):
// - the prerenderer an integration may wrap (`setPrerenderer`), whose default loads the bundle
//   from `<outDir>/.prerender/` and exposes it as `app`;
// - the two facts the bundle reads from the build's in-memory state: each page's stylesheets and
//   the scripts Astro injects;
// - `renderPath`, which turns a rendered route into the output file as a full build writes it.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroPrerenderer } from 'astro';
import type { SiteModel } from '../site/index.ts';

/** What the kept bundle was compiled with, beside it as `kept.json`. */
export interface KeptRendererRecord {
  /** The bundle's entry, relative to its folder. */
  entry: string;
  /** Each page's stylesheets, by Astro's page key (route & component), as Astro's CSS step left them. */
  styles: Record<string, unknown[]>;
  /** The scripts integrations inject into every page's head. */
  scripts: unknown[];
  /** Astro's settings the output depends on. */
  config: {
    site: string;
    base: string;
    outDir: string;
    publicDir: string;
    assets: string;
    format: string;
    trailingSlash: string;
    compressHTML: boolean | string;
  };
  origin: string;
  /** The origin and base path from `spec.config.json` Astro was configured with: a change needs a full build. */
  spec: { site: string; base: string };
  /** What the `.mdx` chapters compiled into the bundle were compiled from (`mdxInputs`). */
  mdx: string;
}

/** Where the renderer is kept in the integration's cache folder. */
export function keptRendererDir(storeDir: string): string {
  return path.join(storeDir, 'renderer');
}

interface BuildApp {
  manifest: unknown;
  setInternals(internals: unknown): void;
  setOptions(options: unknown): void;
  getOptions(): {
    settings: { config: AstroConfigShape; scripts: Array<{ stage: string }> };
    allPages: Record<string, { styles: unknown[] }>;
    origin: string;
  };
  render(request: Request, options: { routeData: unknown }): Promise<Response>;
}

interface AstroConfigShape {
  site?: string;
  base: string;
  outDir: URL;
  publicDir: URL;
  compressHTML: boolean | string;
  trailingSlash: string;
  build: { format: string; assets: string };
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
      // Scripts added per page are bundled by Vite and named by it (none outside the dev server).
      if (scripts.some((script) => script.stage === 'page')) return;
      const bundle = prerenderDir(config.outDir);
      const entry = existsSync(bundle) ? readdirSync(bundle).find((name) => /^prerender-entry.*\.mjs$/.test(name)) : undefined;
      if (!entry) return;
      const temporary = `${dir}.${process.pid}.tmp`;
      rmSync(temporary, { recursive: true, force: true });
      cpSync(bundle, temporary, { recursive: true });
      // The bundle imports packages by name: from the cache folder (which may be anywhere), they
      // resolve through a link to the project's packages.
      symlinkSync(path.join(process.cwd(), 'node_modules'), path.join(temporary, 'node_modules'), 'dir');
      const record: KeptRendererRecord = {
        entry,
        styles: Object.fromEntries(Object.entries(options.allPages).map(([key, page]) => [key, page.styles])),
        scripts: scripts.filter((script) => script.stage === 'head-inline'),
        config: {
          site: config.site ?? '',
          base: config.base,
          outDir: fileURLToPath(config.outDir),
          publicDir: fileURLToPath(config.publicDir),
          assets: config.build.assets,
          format: config.build.format,
          trailingSlash: config.trailingSlash,
          compressHTML: config.compressHTML,
        },
        origin: options.origin,
        spec: { site: site.config.site, base: site.config.base },
        mdx: mdxInputs(site),
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

/** Astro's prerender folder for a static build (`getPrerenderOutputDirectory`). */
function prerenderDir(outDir: URL): string {
  const out = fileURLToPath(outDir);
  const within = out.startsWith(process.cwd()) ? out : path.join(process.cwd(), '.astro');
  return path.join(within, '.prerender');
}

/** The kept renderer's record, or null when there is none. */
export function readKeptRenderer(storeDir: string): KeptRendererRecord | null {
  try {
    return JSON.parse(readFileSync(path.join(keptRendererDir(storeDir), 'kept.json'), 'utf8')) as KeptRendererRecord;
  } catch {
    return null;
  }
}

/**
 * Empties the built folder of pages (keeping the client scripts, styles and public files the
 * kept bundle's pages link to), then renders every page with the kept bundle into it, as a full
 * build would. Resolves with the number of files written.
 */
export async function renderWithKeptRenderer(storeDir: string, record: KeptRendererRecord, log: (text: string) => void): Promise<number> {
  const { config } = record;
  const outDir = config.outDir;
  clearPages(outDir, config.assets, config.publicDir);

  const require = createRequire(import.meta.url);
  const astroDir = path.dirname(require.resolve('astro/package.json'));
  const { renderPath } = (await import(pathToFileURL(path.join(astroDir, 'dist/core/build/generate.js')).href)) as {
    renderPath: (args: unknown) => Promise<{ body: Uint8Array | string; outFile: URL; outFolder: URL } | null>;
  };
  const { StaticPaths } = (await import(pathToFileURL(path.join(astroDir, 'dist/runtime/prerender/static-paths.js')).href)) as {
    StaticPaths: new (app: BuildApp) => { getAll(): Promise<Array<{ pathname: string; route: unknown }>> };
  };
  const { app } = (await import(pathToFileURL(path.join(keptRendererDir(storeDir), record.entry)).href)) as { app: BuildApp };

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
    config: {
      site: config.site || undefined,
      base: config.base,
      outDir: pathToFileURL(outDir.endsWith(path.sep) ? outDir : outDir + path.sep),
      publicDir: pathToFileURL(config.publicDir.endsWith(path.sep) ? config.publicDir : config.publicDir + path.sep),
      trailingSlash: config.trailingSlash,
      compressHTML: config.compressHTML,
      build: { format: config.format, redirects: true },
    },
    scripts: record.scripts,
  };
  app.setInternals({
    pagesByKeys: new Map(Object.entries(record.styles).map(([key, styles]) => [key, { key, styles }])),
    entrySpecifierToBundleMap: new Map(),
  });
  app.setOptions({ settings, logger });
  const prerenderer = { render: (request: Request, { routeData }: { routeData: unknown }) => app.render(request, { routeData }) };
  const options = { settings, origin: record.origin, routesList: { routes: [] } };

  let written = 0;
  const seen = new Set<string>();
  for (const { pathname, route } of await new StaticPaths(app).getAll()) {
    // Astro renders the first route of a path and warns of the rest (prerenderConflictBehavior).
    const normalized = pathname.replace(/\/$/, '');
    if (seen.has(normalized)) continue;
    seen.add(normalized);
    const result = await renderPath({ prerenderer, pathname, route, options, logger, collectMetadata: false });
    if (!result) continue;
    mkdirSync(result.outFolder, { recursive: true });
    writeFileSync(result.outFile, result.body);
    written++;
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return written;
}

/** Removes every file of the built folder but the client assets and the public files. */
function clearPages(outDir: string, assets: string, publicDir: string): void {
  if (!existsSync(outDir)) return;
  const clear = (dir: string): boolean => {
    let empty = true;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      const relative = path.relative(outDir, full);
      if (relative === assets) {
        empty = false;
        continue;
      }
      if (entry.isDirectory()) {
        if (clear(full)) rmSync(full, { recursive: true, force: true });
        else empty = false;
      } else if (existsSync(path.join(publicDir, relative))) empty = false;
      else rmSync(full, { force: true });
    }
    return empty;
  };
  clear(outDir);
}
