// `npm run build` (scripts/build.ts) when only the content folder changed since the last build:
// the site is built as Astro would build it, but the pages are rendered with the renderer the last
// full build kept (plugins/astro/kept-renderer.ts), so Astro's start-up, its config server and
// Vite's compilation of the unchanged pages are skipped. Imported by build.ts and run in its
// process, so this road starts no second Node.
import path from 'node:path';
import { buildWithKeptRenderer } from '../plugins/astro/index.ts';

/** Resolves false, having written nothing to `outDir`, when the kept renderer cannot build this content: build it in full. */
export async function renderBuild(options: { contentDir: string; cacheDir: string; outDir: string; silent: boolean }): Promise<boolean> {
  const time = () => new Date().toTimeString().slice(0, 8);
  return buildWithKeptRenderer({
    contentDir: options.contentDir,
    storeDir: path.join(options.cacheDir, 'model-spec'),
    outDir: options.outDir,
    log: {
      info: (text) => options.silent || console.log(`${time()} [model-spec-site] ${text}`),
      warn: (text) => console.error(`${time()} [WARN] [model-spec-site] ${text}`),
    },
  });
}
