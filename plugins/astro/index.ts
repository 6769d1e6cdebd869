/**
 * The Astro integration's front door: `astro.config.mjs` and the pages import from here. The
 * integration loads the site, hands it to the pages through the store, and after the build writes
 * the search index and social images and checks every link.
 */
export { modelSpec, type ModelSpecOptions } from './integration.ts';
export { checkBuiltLinks } from './link-check.ts';
export { drawableText, socialImage, type SocialCard } from './social-images.ts';
export { readStore } from './store.ts';
export { removedHref } from './short-links.ts';
