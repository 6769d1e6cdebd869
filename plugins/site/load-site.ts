import {
  indexChapters,
  draftGoverned,
  loadSpecConfig,
  prepareSpec,
  siteUrls,
  specJson,
  type Chapter,
  type Annotations,
  type ChapterCache,
  type PreparedSpec,
  type SpecConfig,
  type SpecModel,
  type Target,
} from '../model/index.ts';
import { buildTimeline, readTimelineInputs, type ItemHistory, type ReleaseDiff, type Removal, type Removals } from '../releases/index.ts';
import { historyMarks } from './history-marks.ts';
import type { Root as MdastRoot } from 'mdast';
import path from 'node:path';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { formatMessages, SpecError, specParser } from '../model/index.ts';
import { buildHistory } from '../releases/index.ts';
import { htmlToText, isSafeUrl, neutralizeUnsafeUrls } from '../remark-spec/index.ts';

/**
 * One place the spec is published: the latest release at the root, every release at
 * `/<version>/`, the draft at `/draft/` (or at the root while nothing is released).
 */
export interface Edition {
  /** `''`, `2025-09-12/` or `draft/`: where the edition sits under the base path. */
  prefix: string;
  /** The release's version; null for the draft. */
  version: string | null;
  /** The release date (`YYYY-MM-DD`); null for the draft. */
  date: string | null;
  /** True for the newest release, wherever it is served (or the draft when nothing is released). */
  latest: boolean;
  model: SpecModel;
  /** The release notes as HTML (the author's Markdown, raw HTML shown as text). */
  notesHtml: string | null;
  /** What changed since the previous release (for the draft: since the latest release). */
  changes: ReleaseDiff | null;
  /** The checksums of a frozen release's files (null for the draft): what its pages are built from. */
  checksums: Record<string, string> | null;
  /** Set by the integration when this edition's built pages come from the cache instead of Astro. */
  pagesCached?: boolean;
}

/** The whole site: its editions, the first of them served at the root. */
export interface SiteModel {
  /** The draft's configuration: site-wide settings (title, origin, base path, repository). */
  config: SpecConfig;
  editions: Edition[];
  /** Ids that are gone from the latest release on purpose, and where their readers should go. */
  removed: Array<{ id: string; title: string; removedIn: string | null; reason: string; see: Target | null }>;
  /** Per id (its current id): the releases that added or changed it. */
  history: Record<string, ItemHistory>;
  /** Names the overlay's data (eval results) that frozen releases' pages show, for their page cache. */
  overlayKey?: string;
}

/**
 * Data beside the spec shown on its pages (eval results): read once every edition is loaded,
 * it adds marks to each edition's page bodies.
 */
export type SiteOverlay = (
  editions: Array<{ release: string; model: SpecModel }>,
  removals: Removals,
) => Promise<{ annotate(release: string): Annotations | undefined; key: string }>;

export interface SiteLoadOptions {
  cache?: ChapterCache;
  log?: (text: string) => void;
  overlay?: SiteOverlay;
  /** Called with every published edition's model once their data is loaded, before page bodies are rendered. */
  dataLoaded?: (models: SpecModel[]) => void;
  /** The site's `public/` folder (Astro's `publicDir`), which image paths starting with `/` name. */
  publicDir?: string;
}

/**
 * Loads every edition of the spec in a content folder: each release and the draft parsed and
 * rendered once (frozen releases come from the cache after the first build), diffed in order,
 * and checked so that every id any release published still leads somewhere.
 */
export async function loadSite(contentDir: string, options: SiteLoadOptions = {}): Promise<SiteModel> {
  const config = loadSpecConfig(contentDir);
  const { releases, removals } = readTimelineInputs(contentDir);
  const common = {
    ...(options.cache ? { cache: options.cache } : {}),
    ...(options.log ? { log: options.log } : {}),
    ...(options.publicDir ? { publicDir: options.publicDir } : {}),
  };
  // The maintainers' policy governs every edition: a release's own config cannot lift it.
  const siteConfig = draftGoverned(config);

  const frozen = releases.map((release) => prepareSpec(release.dir, { ...common, prefix: `${release.version}/`, siteConfig }));
  const released = releases.length > 0;
  const publishDraft = !released || config.publishDraft;
  const draft = prepareSpec(contentDir, { ...common, prefix: released ? 'draft/' : '' });
  options.dataLoaded?.([...frozen.map((prepared) => prepared.model), ...(publishDraft ? [draft.model] : [])]);

  const timeline = buildTimeline({
    releases,
    versions: frozen.map((prepared, index) => ({ version: releases[index]!.version, spec: specJson(prepared.model) })),
    ...(released ? { draft: { version: 'draft', spec: specJson(draft.model) } } : {}),
    removals,
    ...(options.log ? { log: options.log } : {}),
  });

  const urls = siteUrls(config.site, config.base);
  // A frozen release's marks list history up to that release only, so its pages never change.
  const order = [...releases.map((release) => release.version), 'draft'];
  const upTo = (version: string) => new Set(order.slice(0, order.indexOf(version) + 1).filter((entry) => entry !== 'draft' || publishDraft));
  const changesOf = (version: string) => timeline.diffs.find((diff) => diff.to === version) ?? null;
  const overlay = await options.overlay?.(
    [
      ...frozen.map((prepared, index) => ({ release: releases[index]!.version, model: prepared.model })),
      ...(publishDraft ? [{ release: 'draft', model: draft.model }] : []),
    ],
    removals,
  );
  const marks = (version: string, history: Annotations | undefined) => combine(history, overlay?.annotate(version));
  await Promise.all([
    // A frozen release's marks come from the releases up to it only (never the draft's renames),
    // so its pages are a pure function of its inputs: a fresh build and a warm cache agree.
    ...frozen.map((prepared, index) => {
      const version = releases[index]!.version;
      const history = buildHistory(timeline.diffs.filter((diff) => order.indexOf(diff.to) <= index));
      return prepared.render(marks(version, historyMarks(history, version, urls, upTo(version))));
    }),
    publishDraft ? draft.render(marks('draft', released ? historyMarks(timeline.history, 'draft', urls, upTo('draft')) : undefined)) : Promise.resolve(),
  ]);

  const editions: Edition[] = releases
    .map((release, index) => ({
      prefix: `${release.version}/`,
      version: release.version,
      date: release.date,
      latest: index === releases.length - 1,
      model: frozen[index]!.model,
      notesHtml: notesToHtml(release, options.log ?? ((text) => console.warn(text))),
      changes: changesOf(release.version),
      checksums: release.files,
    }))
    .reverse();
  const draftEdition: Edition = {
    prefix: released ? 'draft/' : '',
    version: null,
    date: null,
    latest: !released,
    model: draft.model,
    notesHtml: null,
    changes: released ? changesOf('draft') : null,
    checksums: null,
  };
  // The root serves the latest release (or the draft while nothing is released); it is the same
  // rendering as `/<version>/`, with the root's URLs.
  const root = released ? { ...editions[0]!, prefix: '', model: atPrefix(editions[0]!.model, '') } : draftEdition;

  const latest = frozen.at(-1)?.model ?? draft.model;
  const removed = [...removals.values()].map((removal: Removal) => {
    const resolution = timeline.resolveInLatest(removal.id);
    return {
      id: removal.id,
      title: lastTitle(frozen, removal.id) ?? removal.id,
      removedIn: resolution?.removedIn ?? null,
      reason: removal.reason,
      see: removal.see ? (latest.targets.get(removal.see) ?? null) : null,
    };
  });

  return {
    config,
    editions: [root, ...(released ? editions : []), ...(released && publishDraft ? [draftEdition] : [])],
    removed,
    history: Object.fromEntries(timeline.history),
    ...(overlay ? { overlayKey: overlay.key } : {}),
  };
}

/** Two sets of marks on the same page bodies, one after the other. */
function combine(first: Annotations | undefined, second: Annotations | undefined): Annotations | undefined {
  if (!first || !second) return first ?? second;
  return {
    key: (ids) => first.key(ids) + '\u0000' + second.key(ids),
    rehype: () => {
      const a = first.rehype();
      const b = second.rehype();
      return (tree) => {
        a(tree);
        b(tree);
      };
    },
  };
}

/** The same model published under another prefix: URLs change, data and rendered bodies are shared. */
function atPrefix(model: SpecModel, prefix: string): SpecModel {
  const urls = siteUrls(model.config.site, model.config.base, prefix);
  const chapters: Chapter[] = model.chapters.map((chapter) => ({ ...chapter, url: urls.chapter(chapter.slug) }));
  const targets = new Map([...model.targets].map(([id, target]) => [id, { ...target, href: urls.target(target.chapter, target.aliasOf ?? target.id) }]));
  return { ...model, chapters, targets, ...indexChapters(chapters) };
}

function lastTitle(frozen: PreparedSpec[], id: string): string | undefined {
  for (const prepared of [...frozen].reverse()) {
    const target = prepared.model.targets.get(id);
    if (target) return target.title;
  }
  return undefined;
}

/**
 * Release notes get a chapter's inert treatment: the same guarded parser, raw HTML as text, and
 * links with unsafe schemes (`javascript:`) shown as inert text, each with a positioned warning.
 */
function notesToHtml(release: { dir: string; notesMarkdown?: string }, log: (text: string) => void): string | null {
  if (release.notesMarkdown === undefined) return null;
  const notesPath = path.join(release.dir, 'notes.md');
  const file = new VFile({ path: path.relative(process.cwd(), notesPath) || notesPath, value: release.notesMarkdown });
  const tree = specParser('md').parse(file) as MdastRoot;
  htmlToText(tree);
  visit(tree, (node) => {
    const url = (node as { url?: string }).url;
    if (typeof url === 'string' && !isSafeUrl(url)) {
      file.message(`Unexpected \`${url.slice(0, 40)}\` URL in release notes, expected an http(s), mailto or relative URL: it is shown as inert text`, {
        place: node.position,
        ruleId: 'unsafe-link',
        source: 'model-spec-site',
      });
    }
  });
  neutralizeUnsafeUrls(tree);
  const processor = unified().use(remarkRehype).use(rehypeStringify);
  const html = processor.stringify(processor.runSync(tree as unknown as Parameters<typeof processor.runSync>[0], file), file);
  if (file.messages.some((message) => message.fatal)) throw new SpecError(formatMessages([file]), [file]);
  if (file.messages.length > 0) log(formatMessages([file]));
  return String(html);
}
