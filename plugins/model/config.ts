import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import { closest, distance } from 'fastest-levenshtein';
import { VFile } from 'vfile';
import schema from '../../public/schemas/spec-config.schema.json' with { type: 'json' };
import { defaultAuthorityLevels, quoteList, type RuleId, type AuthorityLevel, wellKnownTags } from '../remark-spec/index.ts';
import { parseJsonDocument, pointerSegments, type JsonSegment } from './json-document.ts';
import { formatMessages, SpecError } from './report.ts';

/** How `.mdx` chapters are trusted: see "Security model" in README.md. */
export type MdxPolicy = 'allow' | 'no-esm' | 'refuse';

/** A message attribute the site shows as a badge (`under_18` → "U18"). */
export interface SpecTag {
  name: string;
  label: string;
  description: string;
}

export const defaultTags: readonly SpecTag[] = wellKnownTags;

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
  /** The language the spec is written in (BCP 47): the pages' `lang`, and search's language. */
  language: string;
  /** `rtl` for a language written right to left (Arabic, Hebrew, Persian, Urdu…), else `ltr`. */
  direction: 'ltr' | 'rtl';
  /** The author's search vocabulary (README, Search), added to the built-in English lists for an English spec. */
  search: { synonyms: string[][]; stopWords: string[] };
  /** `smart` quotes and dashes in prose, or `none` (the text as written). */
  typography: 'smart' | 'none';
  /** Publish the working draft at `/draft/` next to the releases. */
  publishDraft: boolean;
  mdx: MdxPolicy;
  tags: SpecTag[];
  /** Eval results shown on the spec: where the runs are and how scores become verdicts. */
  evals: EvalsConfig;
}

/** The `evals` key of the config (README, Evals). */
export interface EvalsConfig {
  /** The runs' folder, relative to the content folder. */
  dir: string;
  exampleIdKey: string;
  /** Score value → verdict, the Inspect defaults merged with the author's. */
  verdicts: Record<string, 'compliant' | 'ok' | 'violating' | 'unscored' | 'error'>;
  threshold: number;
  scorer: string | null;
  release: string | null;
  runs: Record<string, { release: string }>;
  illustrative: boolean;
}

export const configFileName = 'spec.config.json';
/** The `source` of every configuration message (`[spec-config:invalid-config]`). */
export const configSource = 'spec-config';

/** The configuration is invalid: a spec error whose report names the config's fields. */
export class ConfigError extends SpecError {
  override name = 'ConfigError';
}

/** Reads and checks `spec.config.json`; throws a ConfigError naming every bad field. */
export function loadSpecConfig(contentDir: string): SpecConfig {
  const { config, file } = readSpecConfig(contentDir);
  if (!config) throw new ConfigError(formatMessages([file]), [file]);
  return config;
}

/**
 * Reads and checks `spec.config.json` without throwing, so a caller can report its problems with
 * the other files'. `config` is null when `file` holds an error. A missing file means defaults.
 */
export function readSpecConfig(contentDir: string): { config: SpecConfig | null; file: VFile } {
  const filePath = path.join(contentDir, configFileName);
  let text: string;
  try {
    text = readFileSync(filePath, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const file = new VFile({ path: displayPath(filePath), value: '' });
    if (code === 'ENOENT') return { config: parseSpecConfig('{}', file), file };
    fail(file, `Unexpected unreadable file (${code ?? (error as Error).message}), expected a readable JSON file`);
    return { config: null, file };
  }
  const file = new VFile({ path: displayPath(filePath), value: text });
  return { config: parseSpecConfig(text, file), file };
}

// The schema is fixed and checked against JSON Schema's meta-schema by a test
// (plugins/releases/test/schemas.test.ts), so a build does not compile the meta-schema to check it again.
const ajv = new Ajv2020({ allErrors: true, verbose: true, validateSchema: false });
// VS Code shows this annotation for pattern mismatches too; here it is the "expected" part.
ajv.addKeyword('patternErrorMessage');
const validate = ajv.compile(schema);

/** Checks the text of a configuration; problems go to `file` (fatal, positioned). Null if any. */
export function parseSpecConfig(text: string, file: VFile): SpecConfig | null {
  file.value = text;
  const document = parseJsonDocument(file, {
    source: configSource,
    ruleId: 'invalid-config',
    expected: 'an object of settings such as { "title": "My Spec" }',
    validate,
    describe,
  });
  if (document.value === undefined) return null;
  const input = document.value as RawConfig;
  for (const list of ['authorityLevels', 'tags'] as const) {
    const seen = new Map<string, number>();
    input[list]?.forEach((entry, index) => {
      const before = seen.get(entry.name);
      if (before === undefined) return void seen.set(entry.name, index);
      document.fail(
        `Unexpected second \`${entry.name}\` in \`${list}[${index}].name\`, expected each name once (first in \`${list}[${before}]\`)`,
        [list, index, 'name'],
        undefined,
        false,
      );
    });
  }
  if (file.messages.some((message) => message.fatal)) return null;
  return build(input);
}

/** The origin URLs use when the config names none: the build warns that links will point there. */
export const placeholderSite = 'https://example.com';

interface RawConfig {
  title?: string;
  shortTitle?: string;
  description?: string;
  version?: string;
  site?: string;
  base?: string;
  repository?: { url: string; branch?: string; contentDir?: string } | null;
  logo?: string | null;
  authorityLevels?: Array<{ name: string; label?: string; description?: string }>;
  rules?: SpecConfig['rules'];
  language?: string;
  search?: { synonyms?: string[][]; stopWords?: string[] };
  typography?: SpecConfig['typography'];
  publishDraft?: boolean;
  mdx?: MdxPolicy;
  tags?: Array<{ name: string; label: string; description?: string }>;
  evals?: Partial<EvalsConfig>;
}

/** Whether a language tag's script runs right to left: its script subtag when it has one (`az-Arab`), else its language's usual script. */
function isRightToLeft(tag: string): boolean {
  try {
    const locale = new Intl.Locale(tag).maximize();
    return ['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm', 'Rohg', 'Mand', 'Samr'].includes(locale.script ?? '');
  } catch {
    return false;
  }
}

/** The configuration with every default filled in; `input` has passed the schema. */
function build(input: RawConfig): SpecConfig {
  const title = input.title ?? 'Model Spec';
  let base = input.base ?? '/';
  if (!base.startsWith('/')) base = '/' + base;
  if (!base.endsWith('/')) base += '/';
  const repository = input.repository
    ? { url: input.repository.url.replace(/\/+$/, ''), branch: input.repository.branch ?? 'main', contentDir: input.repository.contentDir ?? 'content' }
    : null;
  return {
    title,
    shortTitle: input.shortTitle ?? title,
    description: input.description ?? '',
    version: input.version ?? '',
    site: (input.site ?? placeholderSite).replace(/\/+$/, ''),
    base,
    repository,
    logo: input.logo || null,
    authorityLevels: input.authorityLevels
      ? input.authorityLevels.map((level) => ({
          name: level.name,
          label: level.label ?? level.name.charAt(0).toUpperCase() + level.name.slice(1),
          description: level.description ?? '',
        }))
      : [...defaultAuthorityLevels],
    rules: { ...input.rules },
    language: input.language ?? 'en',
    direction: isRightToLeft(input.language ?? 'en') ? 'rtl' : 'ltr',
    search: { synonyms: input.search?.synonyms ?? [], stopWords: input.search?.stopWords ?? [] },
    typography: input.typography ?? 'none',
    publishDraft: input.publishDraft ?? false,
    mdx: input.mdx ?? 'allow',
    tags: (input.tags ?? defaultTags).map((tag) => ({ name: tag.name, label: tag.label, description: tag.description ?? '' })),
    evals: {
      dir: (input.evals?.dir ?? 'evals').replace(/\/+$/, ''),
      exampleIdKey: input.evals?.exampleIdKey ?? 'example_id',
      // Inspect's own constants: CORRECT, PARTIAL, INCORRECT, NOANSWER (inspect_ai/scorer/_metric.py).
      verdicts: { C: 'compliant', P: 'ok', I: 'violating', N: 'unscored', ...input.evals?.verdicts },
      threshold: input.evals?.threshold ?? 0.5,
      scorer: input.evals?.scorer ?? null,
      release: input.evals?.release ?? null,
      runs: { ...input.evals?.runs },
      illustrative: input.evals?.illustrative ?? false,
    },
  };
}

/** One schema error as "Unexpected X, expected Y", with the JSON node it is about. */
function describe(error: ErrorObject): { reason: string; segments: JsonSegment[]; key?: boolean; ruleId: string } {
  const segments = pointerSegments(error.instancePath);
  const field = fieldName(segments);
  const parentSchema = error.parentSchema as
    | { properties?: Record<string, unknown>; required?: string[]; description?: string; patternErrorMessage?: string }
    | undefined;
  const at = field ? `\`${field}\`` : 'the configuration';
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = (error.params as { additionalProperty: string }).additionalProperty;
      const known = Object.keys(parentSchema?.properties ?? {}).filter((name) => name !== '$schema');
      const hint = suggest(key, known);
      return {
        reason: `Unexpected key \`${fieldName([...segments, key])}\`, expected ${known.length ? 'one of ' + quoteList(known) : 'no keys'}${hint ? `; did you mean \`${hint}\`?` : segments.length && parentSchema?.description ? ` (${parentSchema.description})` : ''}`,
        segments: [...segments, key],
        key: true,
        ruleId: 'unknown-config-key',
      };
    }
    case 'type': {
      const expected = ([] as string[]).concat((error.params as { type: string | string[] }).type);
      const what = segments.length === 0 ? 'an object of settings such as { "title": "My Spec" }' : expected.map(typeWord).join(' or ');
      return { reason: `Unexpected ${kindOf(error.data)}${preview(error.data)} for ${at}, expected ${what}`, segments, key: false, ruleId: 'invalid-config' };
    }
    case 'enum': {
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.map(String);
      const hint = typeof error.data === 'string' ? suggest(error.data, allowed) : undefined;
      return {
        reason: `Unexpected ${kindOf(error.data)}${preview(error.data)} for ${at}, expected one of ${quoteList(allowed.map((value) => JSON.stringify(value)))}${hint ? `; did you mean "${hint}"?` : ''}`,
        segments,
        key: false,
        ruleId: 'invalid-config',
      };
    }
    case 'pattern':
      return {
        reason: `Unexpected ${kindOf(error.data)}${preview(error.data)} for ${at}, expected ${parentSchema?.patternErrorMessage ?? `text matching ${error.schema}`}`,
        segments,
        key: false,
        ruleId: 'invalid-config',
      };
    case 'minItems': {
      const { limit } = error.params as { limit: number };
      const count = Array.isArray(error.data) ? error.data.length : 0;
      return {
        reason: `Unexpected ${count === 0 ? 'empty list' : `list of ${count}`} for ${at}, expected at least ${limit} ${limit === 1 ? 'entry' : 'entries'}`,
        segments,
        key: false,
        ruleId: 'invalid-config',
      };
    }
    case 'minLength':
      return { reason: `Unexpected empty string for ${at}, expected some text`, segments, key: false, ruleId: 'invalid-config' };
    case 'maxLength': {
      // Every page carries the title (head, header, social image): a book-length one would weigh on each.
      const limit = (error.params as { limit: number }).limit;
      return {
        reason: `Unexpected ${String(error.data).length}-character string for ${at}, expected at most ${limit} characters (it appears on every page)`,
        segments,
        key: false,
        ruleId: 'invalid-config',
      };
    }
    case 'required': {
      const missing = (error.params as { missingProperty: string }).missingProperty;
      const required = parentSchema?.required ?? [missing];
      const optional = Object.keys(parentSchema?.properties ?? {}).filter((name) => !required.includes(name));
      return {
        reason: `Unexpected ${at} without \`${missing}\`, expected an object with ${quoteList(required)}${optional.length ? ` (optional: ${quoteList(optional)})` : ''}`,
        segments,
        key: false,
        ruleId: 'invalid-config',
      };
    }
    default:
      return {
        reason: `Unexpected ${kindOf(error.data)}${preview(error.data)} for ${at}, expected a value that ${error.message ?? 'fits the schema'}`,
        segments,
        key: false,
        ruleId: 'invalid-config',
      };
  }
}

function fail(file: VFile, reason: string, ruleId = 'invalid-config'): void {
  const message = file.message(reason, { place: { line: 1, column: 1 }, ruleId, source: configSource });
  message.fatal = true;
}

/** `authorityLevels[0].label`, the way an author would name the field. */
function fieldName(segments: ReadonlyArray<string | number>): string {
  return segments.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`)).join('');
}

function suggest(value: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const best = closest(
    value.toLowerCase(),
    candidates.map((candidate) => candidate.toLowerCase()),
  );
  const match = candidates.find((candidate) => candidate.toLowerCase() === best)!;
  return distance(value.toLowerCase(), best) <= Math.max(2, Math.floor(value.length / 3)) ? match : undefined;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'object') return 'object';
  return typeof value;
}

function preview(value: unknown): string {
  if (value === null || typeof value === 'object') return '';
  const text = JSON.stringify(value);
  return ` \`${text.length > 40 ? text.slice(0, 40) + '…' : text}\``;
}

function typeWord(type: string): string {
  return (
    { object: 'an object', array: 'a list', string: 'a string', boolean: 'true or false', null: 'null', number: 'a number', integer: 'a whole number' }[type] ??
    type
  );
}

function displayPath(file: string): string {
  return path.relative(process.cwd(), file) || file;
}

/**
 * What the draft's config decides for every edition built or exported beside it: where the site
 * is (a release's URLs move with it), the maintainers' `mdx` policy, which a release's own
 * config cannot lift, and the search vocabulary (one search box serves every edition).
 */
export function draftGoverned(config: SpecConfig): Pick<SpecConfig, 'site' | 'base' | 'repository' | 'logo' | 'mdx' | 'search'> {
  return { site: config.site, base: config.base, repository: config.repository, logo: config.logo, mdx: config.mdx, search: config.search };
}
