/**
 * The Astro integration's front door: `astro.config.mjs` and the pages import from here. The
 * integration loads the site, hands it to the pages through the store, and after the build writes
 * the search index and social images and checks every link.
 */
export { modelSpec, type ModelSpecOptions } from './integration.ts';
export { checkBuiltLinks } from './link-check.ts';
export { drawableText } from './card-fonts.ts';
export type { SocialCard } from './card-files.ts';

/** One social image (drawn in the files worker during a build); satori and resvg load on the first call. */
export async function socialImage(...args: Parameters<typeof import('./social-images.ts').socialImage>): Promise<Buffer> {
  return (await import('./social-images.ts')).socialImage(...args);
}
export { readStore } from './store.ts';
export { removedHref, shortLinkPages } from './short-links.ts';

/** Builds the site with the page renderer the last full build kept (kept-build.ts); loaded only by `npm run build`. */
export async function buildWithKeptRenderer(...args: Parameters<typeof import('./kept-build.ts').buildWithKeptRenderer>): Promise<boolean> {
  return (await import('./kept-build.ts')).buildWithKeptRenderer(...args);
}
