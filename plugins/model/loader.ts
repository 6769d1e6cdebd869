import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import { unified } from 'unified';
import { VFile } from 'vfile';
import remarkSpec, { collectTargets, type DefinedTarget, type RemarkSpecOptions } from '../remark-spec/index.ts';
import type { ReferenceTarget, SpecExample, SpecFileData, SpecSection } from '../remark-spec/types.ts';
import { loadSpecConfig, type SpecConfig } from './config.ts';
import { blankFrontmatter, specParser } from './pipeline.ts';
import { sectionLinks } from './links.ts';
import { formatMessages } from './report.ts';
import { anchorLockName, checkAnchorLock } from './anchor-lock.ts';

/** One source file: one page of the site. */
export interface Chapter {
  /** URL segment: the file name without extension and ordering prefix (`02-chain.md` → `chain`). */
  slug: string;
  /** Path relative to the content folder, with `/` separators. */
  file: string;
  /** Absolute path. */
  path: string;
  title: string;
  /** Site-relative URL of the page, with the base path: `/chain/`. */
  url: string;
  data: SpecFileData;
}

export interface IndexedTarget extends ReferenceTarget {
  id: string;
  chapter: string;
  /** For an old id: the id it stands for now. */
  aliasOf?: string;
}

/** A whole spec, parsed and checked: the single source the pages, exports and search read. */
export interface LoadedSpec {
  contentDir: string;
  config: SpecConfig;
  chapters: Chapter[];
  targets: Map<string, IndexedTarget>;
  sections: Map<string, { section: SpecSection; chapter: Chapter }>;
  examples: Map<string, { example: SpecExample; chapter: Chapter }>;
  files: VFile[];
  /** The plugin options the site's Markdown pipeline must use, so pages match the data. */
  pluginOptions: RemarkSpecOptions;
}

export class SpecError extends Error {
  readonly files: VFile[];
  constructor(report: string, files: VFile[]) {
    super(report);
    this.name = 'SpecError';
    this.files = files;
  }
}

export function listSourceFiles(contentDir: string): string[] {
  const found: string[] = [];
  // A release snapshot (a folder with release.json) keeps its release notes beside the chapters.
  const isSnapshot = existsSync(path.join(contentDir, 'release.json'));
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('_') || entry.name.startsWith('.')) continue;
      // `releases/` holds the frozen snapshots, never chapters of this spec.
      if (dir === contentDir && entry.isDirectory() && entry.name === 'releases') continue;
      if (dir === contentDir && isSnapshot && entry.name === 'notes.md') continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.mdx?$/i.test(entry.name)) found.push(full);
    }
  };
  walk(contentDir);
  return found;
}

export function chapterSlug(relativeFile: string): string {
  const withoutExtension = relativeFile.replace(/\.mdx?$/i, '');
  return withoutExtension
    .split('/')
    .map((part) => part.replace(/^\d+[-_.]+/, '').toLowerCase().replace(/[^a-z0-9_-]+/g, '-'))
    .join('/');
}

interface LoadOptions {
  /** Print warnings (errors are thrown as a SpecError carrying the full report). */
  log?: (text: string) => void;
  /** Skip the published-ids check (for rewriting the lock itself). */
  ignoreAnchorLock?: boolean;
}

/**
 * Parses every file once, indexes every id spec-wide, then runs the plugin on each tree with a
 * resolver over that index. Every problem in every file is collected before anything fails.
 */
export function loadSpec(contentDir: string, options: LoadOptions = {}): LoadedSpec {
  const root = path.resolve(contentDir);
  const config = loadSpecConfig(root);
  const parser = specParser();
  const sources = listSourceFiles(root).map((file) => {
    const relative = path.relative(root, file).split(path.sep).join('/');
    const value = blankFrontmatter(readFileSync(file, 'utf8'));
    const vfile = new VFile({ path: path.relative(process.cwd(), file) || file, value });
    return { file, relative, vfile, tree: parser.parse(vfile) as Root };
  });

  const targets = new Map<string, IndexedTarget>();
  const definedAt = new Map<string, { vfile: VFile; target: DefinedTarget }>();
  const slugs = new Map<string, string>();
  const problems: VFile[] = [];
  for (const source of sources) {
    const slug = chapterSlug(source.relative);
    const clash = slugs.get(slug);
    if (clash) {
      const message = source.vfile.message(`Unexpected page name \`${slug}\` also used by \`${clash}\`, expected unique file names once number prefixes are dropped`, { ruleId: 'duplicate-page', source: 'remark-spec' });
      message.fatal = true;
    }
    slugs.set(slug, source.relative);
    for (const target of collectTargets(source.tree)) {
      const first = definedAt.get(target.id);
      if (first && first.vfile !== source.vfile) {
        const message = source.vfile.message(
          `Unexpected duplicate id \`${target.id}\`, expected ids unique across the spec (first used in ${first.vfile.path})`,
          { ruleId: 'duplicate-id', source: 'remark-spec', place: findIdPlace(source.vfile, target.id) },
        );
        message.fatal = true;
        continue;
      }
      definedAt.set(target.id, { vfile: source.vfile, target });
      const url = `${config.base}${slug}/`;
      targets.set(target.id, {
        id: target.id,
        title: target.title,
        kind: target.kind,
        href: `${url}#${target.aliasOf ?? target.id}`,
        chapter: slug,
        ...(target.aliasOf ? { aliasOf: target.aliasOf } : {}),
      });
    }
  }

  const pluginOptions: RemarkSpecOptions = {
    authorityLevels: config.authorityLevels,
    ruleSeverity: config.rules,
    resolveReference: (id) => targets.get(id),
    knownIds: () => targets.keys(),
    sectionLinks: (section, filePath) => sectionLinks(config, section, filePath, root),
  };
  const transformer = unified().use(remarkSpec, pluginOptions);
  const chapters: Chapter[] = [];
  for (const source of sources) {
    transformer.runSync(source.tree, source.vfile);
    const data = source.vfile.data.spec!;
    data.file = source.relative;
    const slug = chapterSlug(source.relative);
    chapters.push({
      slug,
      file: source.relative,
      path: source.file,
      title: data.sections[0]?.title ?? slug,
      url: `${config.base}${slug}/`,
      data,
    });
    if (source.vfile.messages.length > 0) problems.push(source.vfile);
  }

  const sections = new Map<string, { section: SpecSection; chapter: Chapter }>();
  const examples = new Map<string, { example: SpecExample; chapter: Chapter }>();
  for (const chapter of chapters) {
    for (const section of chapter.data.sections) sections.set(section.id, { section, chapter });
    for (const example of chapter.data.examples) examples.set(example.id, { example, chapter });
  }

  const files = sources.map((source) => source.vfile);
  const lock = options.ignoreAnchorLock ? undefined : checkAnchorLock(root, targets);
  if (lock) problems.push(lock);
  if (problems.length > 0) {
    const report = formatMessages(problems);
    if (problems.some((file) => file.messages.some((message) => message.fatal))) throw new SpecError(report, lock ? [...files, lock] : files);
    (options.log ?? console.warn)(report);
  }
  return { contentDir: root, config, chapters, targets, sections, examples, files, pluginOptions };
}

/** The place of `#id` in a file's source, so cross-file duplicates point at the right line. */
function findIdPlace(file: VFile, id: string) {
  const source = String(file.value);
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`#${escaped}(?![\\w-])`).exec(source) ?? new RegExp(`oldids=["']?[^"'}]*\\b${escaped}\\b`).exec(source);
  if (!match) return undefined;
  const before = source.slice(0, match.index);
  const line = before.split('\n').length;
  return { line, column: match.index - before.lastIndexOf('\n') };
}

const cacheKey = Symbol.for('model-spec-site.loaded-spec');
type Cache = Map<string, { signature: string; checkedAt: number; spec: LoadedSpec }>;

/** How long a loaded spec is trusted without looking at the files again. */
const recheckAfterMs = 1000;

/**
 * The loaded spec, shared by every module instance in the process (Astro loads the config and
 * the pages through different module graphs). Every page and badge asks for it, so the files are
 * looked at again at most once a second, or at once with `revalidate` (the dev server's watcher).
 */
export function getSpec(contentDir: string, options: LoadOptions & { revalidate?: boolean } = {}): LoadedSpec {
  const root = path.resolve(contentDir);
  const store = ((globalThis as Record<symbol, unknown>)[cacheKey] ??= new Map()) as Cache;
  const cached = store.get(root);
  const now = Date.now();
  if (cached && !options.revalidate && now - cached.checkedAt < recheckAfterMs) return cached.spec;
  const files = [...listSourceFiles(root), path.join(root, 'spec.config.json'), path.join(root, anchorLockName)];
  const signature = files
    .map((file) => {
      try {
        const stat = statSync(file);
        return `${file}:${stat.size}:${stat.mtimeMs}`;
      } catch {
        return `${file}:missing`;
      }
    })
    .join('|');
  if (cached?.signature === signature) {
    cached.checkedAt = now;
    return cached.spec;
  }
  const spec = loadSpec(root, options);
  store.set(root, { signature, checkedAt: Date.now(), spec });
  return spec;
}
