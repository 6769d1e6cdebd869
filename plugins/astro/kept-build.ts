import { loadSpecConfig } from '../model/index.ts';
import { type KeptRenderer, keptFiles, loadKeptRenderer, mdxInputs, readKeptRenderer } from './kept-renderer.ts';
import { SiteFiles } from './site-files.ts';
import { type BuildLog, startSiteBuild } from './site-build.ts';

export interface KeptBuildOptions {
  contentDir: string;
  /** The integration's folder in Astro's cache (`<cacheDir>/model-spec`). */
  storeDir: string;
  outDir: string;
  log: BuildLog;
}

/**
 * Builds the site as a full build would, rendering the pages with the renderer the last full build
 * kept (kept-renderer.ts). Resolves false, having written nothing to the built folder, when that
 * renderer cannot build this content: there is none for this folder, the origin or base path
 * changed (Astro was configured with them), or what an `.mdx` chapter compiled into it depends on.
 * Content errors throw as in a full build.
 */
export async function buildWithKeptRenderer({ contentDir, storeDir, outDir, log }: KeptBuildOptions): Promise<boolean> {
  const started = performance.now();
  const record = readKeptRenderer(storeDir);
  if (!record || record.config.outDir.replace(/[\\/]$/, '') !== outDir.replace(/[\\/]$/, '')) return false;
  let config: ReturnType<typeof loadSpecConfig>;
  try {
    config = loadSpecConfig(contentDir);
  } catch {
    return false; // The full build reports it.
  }
  if (config.site !== record.spec.site || config.base !== record.spec.base) return false;
  log.info('content changed, code did not: rendering with the renderer the last full build kept (`npm run build -- --force` builds in full)');
  const build = await startSiteBuild({ contentDir, storeDir, publicDir: record.config.publicDir }, log, { intoExisting: true });
  if (mdxInputs(build.site) !== record.mdx) {
    log.info('an `.mdx` chapter, or an id or title it links to, changed: building in full');
    await build.abandon();
    return false;
  }
  let renderer: KeptRenderer;
  try {
    renderer = await loadKeptRenderer(storeDir, record, log.warn);
  } catch (error) {
    log.info(`the kept renderer could not be loaded (${error instanceof Error ? error.message.split('\n')[0] : String(error)}): building in full`);
    await build.abandon();
    return false;
  }
  const files = new SiteFiles(outDir, keptFiles(record));
  const pages = await renderer.render(files);
  log.info(`pages: ${pages} rendered`);
  await build.finish(outDir, files);
  log.info(`built in ${((performance.now() - started) / 1000).toFixed(2)}s`);
  return true;
}
