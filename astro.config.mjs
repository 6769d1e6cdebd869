// @ts-check
import { defineConfig } from 'astro/config';
import { modelSpec } from './plugins/astro/index.ts';

// Everything a fork changes lives in content/spec.config.json; the integration reads it and sets
// the site's origin, base path and Markdown pipeline.
export default defineConfig({
  integrations: [modelSpec()],
  devToolbar: { enabled: false },
  // Tests and benchmarks build several specs at once; each gets its own cache.
  ...(process.env.SPEC_CACHE_DIR ? { cacheDir: process.env.SPEC_CACHE_DIR } : {}),
});
