// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { modelSpec } from './plugins/astro/integration.ts';

// Everything a fork changes lives in content/spec.config.json; this file wires the generator.
const spec = modelSpec();

export default defineConfig({
  site: spec.spec.config.site,
  base: spec.spec.config.base,
  trailingSlash: 'always',
  markdown: {
    processor: spec.markdownProcessor,
    shikiConfig: { themes: { light: 'github-light', dark: 'github-dark' } },
  },
  integrations: [mdx(), spec.integration],
  build: { format: 'directory' },
  // Tests and benchmarks build several specs at once; each gets its own content cache.
  ...(process.env.SPEC_CACHE_DIR ? { cacheDir: process.env.SPEC_CACHE_DIR } : {}),
  devToolbar: { enabled: false },
});
