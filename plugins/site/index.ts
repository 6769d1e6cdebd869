/**
 * The site layer's front door. The site is every edition of a spec at once: the latest release at
 * the root, each release under `/<version>/`, the draft; their timeline and each item's history,
 * and the marks ("New in", "Changed in") that history puts on pages. It sits above the model and
 * the releases and below the Astro integration and the pages.
 */
export { loadSite, type Edition, type SiteLoadOptions, type SiteModel } from './load-site.ts';
