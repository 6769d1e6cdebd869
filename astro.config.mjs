// @ts-check
import { modelSpec } from './plugins/astro/index.ts';

// Everything a fork changes lives in content/spec.config.json; the integration reads it and sets
// the site's origin, base path and Markdown pipeline.
// Typed by JSDoc, not `defineConfig`: importing `astro/config` for that identity function loads
// svgo and about 280 other modules Astro does not otherwise need here (0.6 s of a config load).
/** @type {import('astro').AstroUserConfig} */
export default {
  integrations: [modelSpec()],
  devToolbar: { enabled: false },
  // Tests and benchmarks build several specs at once; each gets its own cache.
  ...(process.env.SPEC_CACHE_DIR ? { cacheDir: process.env.SPEC_CACHE_DIR } : {}),
};
