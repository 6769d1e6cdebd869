import type { ImportedConfig } from './types.ts';

/**
 * The spec.config.json to write over an existing one: the fields a release defines (version,
 * authority levels, the `missing-rationale` rule, typography) come from the import; what the site's
 * owner set (site, base, repository, logo, other rules, a description, a title unless `--title`
 * is given) is kept. Returns the config and the keys kept from the existing file.
 */
export function mergeConfig(
  existing: Record<string, unknown> | null,
  imported: ImportedConfig,
  options: { titleGiven: boolean },
): { config: Record<string, unknown>; kept: string[] } {
  if (!existing) return { config: { ...imported }, kept: [] };
  const config: Record<string, unknown> = { ...imported, ...existing };
  config.version = imported.version;
  config.authorityLevels = imported.authorityLevels;
  config.rules = { ...imported.rules, ...(isObject(existing.rules) ? existing.rules : {}) };
  config.typography = existing.typography ?? imported.typography;
  if (options.titleGiven || typeof existing.title !== 'string') {
    config.title = imported.title;
    config.shortTitle = imported.shortTitle;
  }
  if (typeof existing.description !== 'string' || existing.description.trim() === '') config.description = imported.description;
  const kept = Object.keys(existing).filter((key) => JSON.stringify(config[key]) === JSON.stringify(existing[key]) && key !== 'version');
  return { config, kept };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
