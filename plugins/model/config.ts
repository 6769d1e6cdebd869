import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defaultAuthorityLevels } from '../remark-spec/authority.ts';
import { rules, type RuleId } from '../remark-spec/rules.ts';
import type { AuthorityLevel } from '../remark-spec/types.ts';

/** A spec's site configuration: everything a fork changes lives in `content/spec.config.json`. */
export interface SpecConfig {
  title: string;
  shortTitle: string;
  description: string;
  version: string;
  /** The deployed origin, e.g. `https://example.github.io`, used for canonical and share URLs. */
  site: string;
  /** The base path the site is served under: `/` or `/my-spec/`. */
  base: string;
  repository: { url: string; branch: string; contentDir: string } | null;
  logo: string | null;
  authorityLevels: AuthorityLevel[];
  /** Severity of the warning rules: `{ "missing-rationale": "off" }`. */
  rules: Partial<Record<RuleId, 'off' | 'warning' | 'error'>>;
}

export class SpecConfigError extends Error {}

/** Reads and checks `spec.config.json`; every problem names the file and the field. */
export function loadSpecConfig(contentDir: string): SpecConfig {
  const file = path.join(contentDir, 'spec.config.json');
  let raw: unknown = {};
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') throw new SpecConfigError(`${file}: ${(error as Error).message}`);
  }
  return parseSpecConfig(raw, file);
}

export function parseSpecConfig(raw: unknown, file = 'spec.config.json'): SpecConfig {
  const problems: string[] = [];
  const input = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const string = (key: string, fallback: string): string => {
    const value = input[key];
    if (value === undefined) return fallback;
    if (typeof value !== 'string') problems.push(`\`${key}\` must be a string, got ${JSON.stringify(value)}`);
    return typeof value === 'string' ? value : fallback;
  };

  const levels = input.authorityLevels === undefined ? [...defaultAuthorityLevels] : readLevels(input.authorityLevels, problems);
  let repository: SpecConfig['repository'] = null;
  if (input.repository !== undefined && input.repository !== null) {
    const repo = input.repository as Record<string, unknown>;
    if (typeof repo.url !== 'string' || !/^https?:\/\//.test(repo.url)) problems.push('`repository.url` must be an http(s) URL');
    else repository = { url: repo.url.replace(/\/+$/, ''), branch: String(repo.branch ?? 'main'), contentDir: String(repo.contentDir ?? 'content') };
  }
  let base = string('base', '/');
  if (!base.startsWith('/')) base = '/' + base;
  if (!base.endsWith('/')) base += '/';

  const title = string('title', 'Model Spec');
  const config: SpecConfig = {
    title,
    shortTitle: string('shortTitle', title),
    description: string('description', ''),
    version: string('version', ''),
    site: string('site', 'https://example.com').replace(/\/+$/, ''),
    base,
    repository,
    logo: input.logo === null ? null : string('logo', '') || null,
    authorityLevels: levels,
    rules: readRules(input.rules, problems),
  };
  if (problems.length > 0) {
    throw new SpecConfigError(`${file}: invalid configuration:\n${problems.map((problem) => '  - ' + problem).join('\n')}`);
  }
  return config;
}

function readLevels(value: unknown, problems: string[]): AuthorityLevel[] {
  if (!Array.isArray(value) || value.length === 0) {
    problems.push('`authorityLevels` must be a non-empty list of { name, label, description }, highest rank first');
    return [...defaultAuthorityLevels];
  }
  const seen = new Set<string>();
  return value.map((entry, index) => {
    const level = (entry ?? {}) as Record<string, unknown>;
    const name = typeof level.name === 'string' ? level.name : '';
    if (!/^[a-z][a-z0-9_-]*$/.test(name)) problems.push(`\`authorityLevels[${index}].name\` must be a lower-case word, got ${JSON.stringify(level.name)}`);
    if (seen.has(name)) problems.push(`\`authorityLevels[${index}].name\` \`${name}\` is declared twice`);
    seen.add(name);
    return {
      name,
      label: typeof level.label === 'string' ? level.label : name.charAt(0).toUpperCase() + name.slice(1),
      description: typeof level.description === 'string' ? level.description : '',
    };
  });
}

function readRules(value: unknown, problems: string[]): SpecConfig['rules'] {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push('`rules` must be an object such as { "missing-rationale": "off" }');
    return {};
  }
  const result: SpecConfig['rules'] = {};
  const adjustable = Object.keys(rules).filter((rule) => rules[rule as RuleId] === 'warning');
  for (const [rule, severity] of Object.entries(value)) {
    if (!adjustable.includes(rule)) {
      problems.push(`\`rules.${rule}\`: only the warning rules can be configured (${adjustable.join(', ')}); errors always stop the build`);
    } else if (severity !== 'off' && severity !== 'warning' && severity !== 'error') {
      problems.push(`\`rules.${rule}\` must be "off", "warning" or "error", got ${JSON.stringify(severity)}`);
    } else {
      result[rule as RuleId] = severity;
    }
  }
  return result;
}
