import { defineCollection } from 'astro:content';
import { specCollectionLoader } from '../plugins/astro/spec-collection.ts';

// The spec integration sets SPEC_CONTENT_DIR (default `content/`); files starting with `_` are not pages.
export const collections = {
  spec: defineCollection({ loader: specCollectionLoader(process.env.SPEC_CONTENT_DIR ?? './content') }),
};
