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
  devToolbar: { enabled: false },
});
