// Run by `npm run build` (scripts/build.ts) when only the content folder changed since the last
// build: the site is built as Astro would build it, but the pages are rendered with the renderer
// the last full build kept (plugins/astro/kept-renderer.ts), so Astro's start-up, its config
// server and Vite's compilation of the unchanged pages are skipped. Exits with NOT_RENDERED,
// having written nothing to the built folder, when the kept renderer cannot build this content.
import path from 'node:path';
import { buildWithKeptRenderer } from '../plugins/astro/index.ts';
import { buildFlags } from './build-flags.ts';
import { NOT_RENDERED } from './render-build-status.ts';

const flags = buildFlags(process.argv.slice(2));
const time = () => new Date().toTimeString().slice(0, 8);
try {
  const built = await buildWithKeptRenderer({
    contentDir: path.resolve(process.env.SPEC_CONTENT_DIR ?? 'content'),
    storeDir: path.join(path.resolve(process.env.SPEC_CACHE_DIR ?? 'node_modules/.astro'), 'model-spec'),
    outDir: path.resolve(flags.outDir ?? 'dist'),
    log: {
      info: (text) => flags.silent || console.log(`${time()} [model-spec-site] ${text}`),
      warn: (text) => console.error(`${time()} [WARN] [model-spec-site] ${text}`),
    },
  });
  if (!built) process.exit(NOT_RENDERED);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
