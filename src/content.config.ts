import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

// The spec integration sets SPEC_CONTENT_DIR (default `content/`); files starting with `_` are not pages.
export const collections = {
  spec: defineCollection({
    loader: glob({ pattern: '**/[^_]*.{md,mdx}', base: process.env.SPEC_CONTENT_DIR ?? './content' }),
  }),
};
