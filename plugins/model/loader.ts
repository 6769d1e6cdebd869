import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import { unified } from 'unified';
import { VFile } from 'vfile';
import remarkSpec, { collectTargets, normalizeSource, type DefinedTarget, type RemarkSpecOptions } from '../remark-spec/index.ts';
import type { SpecFileData } from '../remark-spec/index.ts';
import { type ChapterCache, replayMessages, storeMessages } from './chapter-cache.ts';
import { loadSpecConfig, type SpecConfig } from './config.ts';
import { chapterFilesSource, listChapterFiles } from './chapter-files.ts';
import { checkContentAssets, type ContentAsset } from './content-assets.ts';
import { resolveContained } from './contained-path.ts';
import { indexChapters } from './indexes.ts';
import { sectionLinks } from './links.ts';
import type { Chapter, SpecModel, Target } from './model.ts';
import { blankFrontmatter, chapterRenderer, frontmatterEnd, readChapter, specParser } from './pipeline.ts';
import { formatMessages, SpecError } from './report.ts';
import { relativeTargetHref, siteUrls } from './urls.ts';

export type { Chapter, SpecModel, Target } from './model.ts';

export { SpecError };

export interface LoadOptions {
  /** Print warnings (errors are thrown as a SpecError carrying the full report). */
  log?: (text: string) => void;
  /** Where the edition sits under the base path: '' (default), `2025-09-12/`, `draft/`. */
  prefix?: string;
  /** Parsed and rendered chapters from earlier loads (frozen releases, warm builds, dev edits). */
  cache?: ChapterCache;
  /**
   * Site-wide settings that win over the folder's own config: a frozen release is published
   * where the site is now (origin, base path, repository), not where it was, and its `.mdx` is
   * trusted only as far as the maintainers' current policy (`mdx`) allows, and searched with the
   * current vocabulary (`search`).
   */
  siteConfig?: Partial<Pick<SpecConfig, 'site' | 'base' | 'repository' | 'logo' | 'mdx' | 'search'>>;
  /** The site's `public/` folder, which paths starting with `/` name (default: `public/` beside the content folder). */
  publicDir?: string;
}

export { chapterSlug } from './chapter-files.ts';

/** One chapter on its way through the loader. */
interface Source {
  file: string;
  relative: string;
  slug: string;
  format: 'md' | 'mdx';
  vfile: VFile;
  key: string;
  tree?: Root;
  targets: DefinedTarget[];
  /** Images and files the chapter uses, copied into the site beside it. */
  assets: ContentAsset[];
  /** The last line of the front matter blanked out of the chapter, if it had any. */
  frontMatterEnd?: number;
}

/** Everything decided before any chapter is transformed: the config, every id, the plugin's options. */
interface Indexed {
  root: string;
  config: SpecConfig;
  sources: Source[];
  targets: Map<string, Target>;
  pluginOptions: RemarkSpecOptions;
  /** Every id's title and place: what a chapter's rendered cross-references depend on. */
  signature: string;
  cache: ChapterCache | undefined;
  /** Problems that belong to no chapter's text (file names, links out of the folder). */
  listing: VFile[];
}

/** A cached chapter's image is still the file it was: at the same real path, inside the folder, a file. */
function unchangedAsset(realRoot: string, source: string): boolean {
  const contained = resolveContained(realRoot, source);
  if (!contained.inside || contained.real !== source) return false;
  try {
    return statSync(source).isFile();
  } catch {
    return false;
  }
}

/**
 * Reads and indexes every chapter: each file is parsed once (or not at all when the cache has
 * it), every id is indexed spec-wide with its place, and duplicates across files are reported.
 */
function indexSpec(contentDir: string, options: LoadOptions): Indexed {
  const root = path.resolve(contentDir);
  let config: SpecConfig;
  // A ConfigError is a SpecError: the caller reports both the same way.
  config = { ...loadSpecConfig(root), ...options.siteConfig };
  const urls = siteUrls(config.site, config.base, options.prefix ?? '');
  const cache = options.cache;
  const configKey = JSON.stringify(config);
  const listing = listChapterFiles(root, [config.evals.dir]);
  // A frozen release keeps its notes beside its chapters; they are not a chapter.
  const isSnapshot = existsSync(path.join(root, 'release.json'));
  const files = listing.chapters.filter((chapter) => !(isSnapshot && chapter.file === 'notes.md'));
  const publicDir = options.publicDir ?? path.resolve(root, '..', 'public');
  const realRoot = realpathSync(root);
  const parsers: Partial<Record<'md' | 'mdx', ReturnType<typeof specParser>>> = {};
  const sources: Source[] = files.map(({ file: relative, path: file, slug, format }) => {
    // One form of the text for every step: no BOM, LF line ends (positions unchanged).
    const written = normalizeSource(readFileSync(file, 'utf8'));
    const value = blankFrontmatter(written);
    const frontMatter = value === written ? {} : { frontMatterEnd: frontmatterEnd(written) };
    const vfile = new VFile({ path: path.relative(process.cwd(), file) || file, value });
    // The content folder is part of a chapter's identity: two specs sharing one cache never
    // share an entry (a cached chapter's images are files of its own folder).
    const key = cache?.key([configKey, root, relative, value]) ?? '';
    const cached = cache?.get(key);
    // An image the cached chapter uses may have been deleted since, or replaced by a link out of
    // the folder: then the chapter is read again, and checked again.
    if (cached?.assets.every((asset) => unchangedAsset(realRoot, asset.source)))
      return { file, relative, slug, format, vfile, key, targets: cached.targets, assets: cached.assets, ...frontMatter };
    const tree = readChapter(vfile, format, config.mdx, (parsers[format] ??= specParser(format, cache?.pieces)));
    const assets = checkContentAssets(tree, vfile, { contentDir: root, base: config.base, ...(existsSync(publicDir) ? { publicDir } : {}) });
    return { file, relative, slug, format, vfile, key, tree, targets: collectTargets(tree, vfile.path), assets, ...frontMatter };
  });

  const targets = new Map<string, Target>();
  const definedIn = new Map<string, Source>();
  for (const source of sources) {
    for (const target of source.targets) {
      const first = definedIn.get(target.id);
      if (first && first !== source) {
        const message = source.vfile.message(
          `Unexpected duplicate id \`${target.id}\`, expected ids unique across the spec (first used in ${first.vfile.path})`,
          { ruleId: 'duplicate-id', source: 'remark-spec', place: idPlace(source.vfile, target) },
        );
        message.fatal = true;
        continue;
      }
      definedIn.set(target.id, source);
      targets.set(target.id, {
        id: target.id,
        title: target.title,
        kind: target.kind,
        href: urls.target(source.slug, target.aliasOf ?? target.id),
        chapter: source.slug,
        ...(target.aliasOf ? { aliasOf: target.aliasOf } : {}),
        source: { file: source.relative, ...target.place },
      });
    }
  }

  const pluginOptions = pluginOptionsFor(config, root, targets);
  const signature = [...targets.values()].map((target) => `${target.id}=${target.title}@${target.chapter}#${target.aliasOf ?? ''}`).join('\n');
  return { root, config, sources, targets, pluginOptions, signature, cache, listing: listing.problems };
}

/** The column of the id itself on the line that defines it, so an error points at the id. */
function idPlace(file: VFile, target: DefinedTarget): { line: number; column: number } {
  const line = String(file.value).split('\n', target.place.line)[target.place.line - 1] ?? '';
  const at = line.indexOf(target.aliasOf ? target.id : `#${target.id}`, target.place.column - 1);
  return at < 0 ? target.place : { line: target.place.line, column: at + 1 };
}

/** The spec plugin's options for a whole spec: its levels and rules, and every id it defines. */
function pluginOptionsFor(config: SpecConfig, root: string, targets: Map<string, Target>): RemarkSpecOptions {
  return {
    authorityLevels: config.authorityLevels,
    tagLabels: Object.fromEntries(config.tags.map((tag) => [tag.name, tag.label])),
    tagDescriptions: Object.fromEntries(config.tags.map((tag) => [tag.name, tag.description])),
    ruleSeverity: config.rules,
    typography: config.typography,
    // Chapter bodies link relatively, so the same rendering is valid in every edition.
    resolveReference: (id) => {
      const target = targets.get(id);
      return target && { title: target.title, kind: target.kind, href: relativeTargetHref(target.chapter, target.aliasOf ?? target.id) };
    },
    knownIds: () => targets.keys(),
    sectionLinks: (section, filePath) => sectionLinks(config, section, filePath, root),
  };
}

/** The options a chapter of this spec is transformed with (for `.mdx` chapters, which Astro compiles). */
export function pluginOptions(model: SpecModel): RemarkSpecOptions {
  return pluginOptionsFor(model.config, model.contentDir, model.targets);
}

/** Runs the spec plugin on one chapter (its data from the cache when nothing it depends on changed). */
function transformChapter(indexed: Indexed, source: Source, transformer: ReturnType<typeof unified>): SpecFileData {
  const cached = indexed.cache?.get(source.key)?.transformed;
  if (cached && cached.signature === indexed.signature) {
    replayMessages(source.vfile, cached.messages);
    return cached.data;
  }
  const tree = source.tree ?? readChapter(source.vfile, source.format, indexed.config.mdx);
  transformer.runSync(tree, source.vfile);
  // Kept until the page body is rendered from it: one parse serves data and HTML.
  source.tree = tree;
  const data = source.vfile.data.spec!;
  data.file = source.relative;
  if (indexed.cache && !source.vfile.messages.some((message) => message.fatal)) {
    const entry = indexed.cache.get(source.key);
    indexed.cache.set(source.key, {
      ...entry,
      targets: source.targets,
      assets: source.assets,
      transformed: { signature: indexed.signature, data, messages: storeMessages(source.vfile) },
    });
  }
  return data;
}

/** Puts the chapters, indexes and checks of the whole spec together; throws with every problem at once. */
function assemble(indexed: Indexed, chapters: Chapter[], options: LoadOptions): SpecModel {
  const { root, config, targets, sources } = indexed;

  for (const source of sources) {
    if (!source.frontMatterEnd) continue;
    // Told here, after the cache replayed the chapter's own messages, so it is told once.
    source.vfile.message(
      `Unexpected front matter (lines 1 to ${source.frontMatterEnd}), expected the chapter to start with its text: front matter is not part of the spec, and is not published`,
      { place: { line: 1, column: 1 }, ruleId: 'front-matter', source: chapterFilesSource },
    );
  }
  const files = [...indexed.listing, ...sources.map((source) => source.vfile)];
  const problems = files.filter((file) => file.messages.length > 0);
  if (problems.length > 0) {
    const report = formatMessages(problems);
    if (problems.some((file) => file.messages.some((message) => message.fatal))) throw new SpecError(report, files);
    (options.log ?? console.warn)(report);
  }
  return { contentDir: root, config, chapters, targets, ...indexChapters(chapters), files, assets: sources.flatMap((source) => source.assets) };
}

function chapterOf(indexed: Indexed, source: Source, data: SpecFileData, html: string | null, prefix: string): Chapter {
  const first = data.sections[0];
  return {
    slug: source.slug,
    file: source.relative,
    path: source.file,
    format: source.format,
    title: first?.title ?? source.slug,
    displayTitle: first?.displayTitle ?? source.slug,
    id: first?.id ?? null,
    url: siteUrls(indexed.config.site, indexed.config.base, prefix).chapter(source.slug),
    data,
    html,
  };
}

/**
 * The spec's data without page bodies (exports, the importer's check, diffs): every file parsed
 * and transformed once, every problem in every file collected before anything fails.
 */
export function loadSpec(contentDir: string, options: LoadOptions = {}): SpecModel {
  return prepareSpec(contentDir, options).model;
}

/**
 * Marks added to a page body after the spec plugin ran, such as "New in 2025-09-12" on the
 * sections and examples a release changed. `key` names everything they depend on for a chapter
 * (its part of the cache key).
 */
export interface Annotations {
  key(ids: readonly string[]): string;
  rehype: () => (tree: import('hast').Root) => void;
}

/** A spec whose data is loaded and whose page bodies are rendered on request. */
export interface PreparedSpec {
  model: SpecModel;
  /** Renders every `.md` chapter's body from the tree its data came from (or takes it from the cache). */
  render(annotations?: Annotations): Promise<void>;
}

/**
 * Loads the spec's data (every chapter parsed and transformed once, or taken from the cache) and
 * keeps the trees, so that the page bodies can be rendered from the same parse once everything
 * they depend on (other releases, for history marks) is known.
 */
export function prepareSpec(contentDir: string, options: LoadOptions = {}): PreparedSpec {
  const indexed = indexSpec(contentDir, options);
  const transformer = unified().use(remarkSpec, indexed.pluginOptions);
  const chapters = indexed.sources.map((source) => chapterOf(indexed, source, transformChapter(indexed, source, transformer), null, options.prefix ?? ''));
  const model = assemble(indexed, chapters, options);
  return {
    model,
    async render(annotations) {
      const render = chapterRenderer({ annotate: annotations?.rehype, typography: indexed.config.typography, specIds: () => indexed.targets.keys() });
      for (const [index, source] of indexed.sources.entries()) {
        const chapter = chapters[index]!;
        if (chapter.format === 'mdx') continue;
        const ids = [...chapter.data.sections.map((section) => section.id), ...chapter.data.examples.map((example) => example.id)];
        const signature = `${indexed.signature}\u0000${annotations?.key(ids) ?? ''}`;
        const entry = indexed.cache?.get(source.key);
        if (entry?.rendered?.signature === signature) {
          chapter.html = entry.rendered.html;
          continue;
        }
        // Marks changed on a chapter whose data came from the cache: parse it again, the rare case.
        if (!source.tree) {
          // A scratch file: the messages of this second run were already reported by the first.
          const scratch = new VFile({ path: source.vfile.path, value: source.vfile.value });
          source.tree = transformer.runSync(readChapter(scratch, source.format, indexed.config.mdx), scratch) as Root;
        }
        chapter.html = await render(source.tree, source.vfile);
        source.tree = undefined;
        if (indexed.cache && entry) indexed.cache.set(source.key, { ...entry, rendered: { signature, html: chapter.html } });
      }
    },
  };
}

/** The spec with every `.md` chapter's page body rendered from the same parse as its data. */
export async function loadSpecWithPages(contentDir: string, options: LoadOptions = {}): Promise<SpecModel> {
  const prepared = prepareSpec(contentDir, options);
  await prepared.render();
  return prepared.model;
}
