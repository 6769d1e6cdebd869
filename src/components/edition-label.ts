import type { Edition, SiteModel } from '../../plugins/site/index.ts';

/** How an edition is named to readers: its version, "Draft", or (nothing released yet) the config's version. */
export function editionLabel(site: SiteModel, edition: Edition): string {
  if (edition.version) return edition.version;
  const released = site.editions.some((candidate) => candidate.version !== null);
  return released ? 'Draft' : (site.config.version ?? 'Draft');
}

/** Editions to offer in a switcher: one entry per version (the latest release is served at the root and at its own path). */
export function listedEditions(site: SiteModel): Edition[] {
  const seen = new Set<string | null>();
  return site.editions.filter((edition) => {
    const key = edition.version ?? '\0draft';
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
