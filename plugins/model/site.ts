import type { Element, Root as HastRoot } from 'hast';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { htmlToText } from '../remark-spec/literal.ts';
import { badgeFor, type ItemHistory } from '../releases/history.ts';
import type { ReleaseDiff } from '../releases/diff-types.ts';
import { buildTimeline, readTimelineInputs } from '../releases/timeline.ts';
import type { Removal } from '../releases/types.ts';
import type { ChapterCache } from './chapter-cache.ts';
import { loadSpecConfig, type SpecConfig } from './config.ts';
import { specJson } from './export.ts';
import { prepareSpec, type Annotations, type PreparedSpec } from './loader.ts';
import type { Chapter, SpecModel, Target } from './model.ts';
import { siteUrls, type SiteUrls } from './urls.ts';

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
}

export interface SiteLoadOptions {
  cache?: ChapterCache;
  log?: (text: string) => void;
}

/**
 * Loads every edition of the spec in a content folder: each release and the draft parsed and
 * rendered once (frozen releases come from the cache after the first build), diffed in order,
 * and checked so that every id any release published still leads somewhere.
 */
export async function loadSite(contentDir: string, options: SiteLoadOptions = {}): Promise<SiteModel> {
  const config = loadSpecConfig(contentDir);
  const { releases, removals } = readTimelineInputs(contentDir);
  const common = { ...(options.cache ? { cache: options.cache } : {}), ...(options.log ? { log: options.log } : {}) };
  const siteConfig = { site: config.site, base: config.base, repository: config.repository, logo: config.logo };

  const frozen = releases.map((release) => prepareSpec(release.dir, { ...common, prefix: `${release.version}/`, siteConfig }));
  const released = releases.length > 0;
  const publishDraft = !released || config.publishDraft;
  const draft = prepareSpec(contentDir, { ...common, prefix: released ? 'draft/' : '' });

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
  await Promise.all([
    ...frozen.map((prepared, index) => prepared.render(historyMarks(timeline.history, releases[index]!.version, urls, upTo(releases[index]!.version)))),
    publishDraft ? draft.render(released ? historyMarks(timeline.history, 'draft', urls, upTo('draft')) : undefined) : Promise.resolve(),
  ]);

  const editions: Edition[] = releases.map((release, index) => ({
    prefix: `${release.version}/`,
    version: release.version,
    date: release.date,
    latest: index === releases.length - 1,
    model: frozen[index]!.model,
    notesHtml: release.notesMarkdown ? markdownToHtml(release.notesMarkdown) : null,
    changes: changesOf(release.version),
    checksums: release.files,
  })).reverse();
  const draftEdition: Edition = { prefix: released ? 'draft/' : '', version: null, date: null, latest: !released, model: draft.model, notesHtml: null, changes: released ? changesOf('draft') : null, checksums: null };
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
  };
}

/** The same model published under another prefix: URLs change, data and rendered bodies are shared. */
function atPrefix(model: SpecModel, prefix: string): SpecModel {
  const urls = siteUrls(model.config.site, model.config.base, prefix);
  const chapters: Chapter[] = model.chapters.map((chapter) => ({ ...chapter, url: urls.chapter(chapter.slug) }));
  const bySlug = new Map(chapters.map((chapter) => [chapter.slug, chapter]));
  const targets = new Map([...model.targets].map(([id, target]) => [id, { ...target, href: urls.target(target.chapter, target.aliasOf ?? target.id) }]));
  const sections = new Map([...model.sections].map(([id, entry]) => [id, { ...entry, chapter: bySlug.get(entry.chapter.slug)! }]));
  const examples = new Map([...model.examples].map(([id, entry]) => [id, { ...entry, chapter: bySlug.get(entry.chapter.slug)! }]));
  return { ...model, chapters, targets, sections, examples };
}

function lastTitle(frozen: PreparedSpec[], id: string): string | undefined {
  for (const prepared of [...frozen].reverse()) {
    const target = prepared.model.targets.get(id);
    if (target) return target.title;
  }
  return undefined;
}

/**
 * "New in 2025-09-12" / "Changed in 2025-09-12" on the sections and examples a release added or
 * changed, linking to that release's changes page, with the item's history in a disclosure.
 */
function historyMarks(history: Map<string, ItemHistory>, version: string, urls: SiteUrls, shown: ReadonlySet<string>): Annotations {
  const markFor = (id: string) => {
    const item = history.get(id);
    const badge = badgeFor(item, version);
    return item && badge ? { item, badge } : undefined;
  };
  return {
    key: (ids) => JSON.stringify([[...shown], ids.map((id) => markFor(id)).filter(Boolean).map((mark) => [mark!.item.id, mark!.badge, mark!.item.events.map((event) => event.version)])]),
    rehype: () => (tree: HastRoot) => {
      visit(tree, 'element', (node: Element) => {
        const classes = node.properties.className;
        const list = Array.isArray(classes) ? classes.map(String) : [];
        // Sections carry their marks in the line under the heading; examples in the card's header.
        const sectionId = list.includes('ms-section-meta') ? node.properties.dataSectionId : undefined;
        const exampleId = node.tagName === 'article' && list.includes('ms-example') ? node.properties.id : undefined;
        const target = typeof sectionId === 'string' ? node : typeof exampleId === 'string' ? node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'header') : undefined;
        const mark = markFor(String(sectionId ?? exampleId ?? ''));
        if (!target || !mark) return;
        target.children.push(markElement(mark.item, mark.badge, version, urls, shown));
      });
    },
  };
}

function markElement(item: ItemHistory, badge: 'new' | 'changed', version: string, urls: SiteUrls, shown: ReadonlySet<string>): Element {
  const label = version === 'draft' ? (badge === 'new' ? 'New in the draft' : 'Changed in the draft') : `${badge === 'new' ? 'New' : 'Changed'} in ${version}`;
  const changesHref = `${version === 'draft' ? urls.edition('draft/').page('changes') : urls.edition(`${version}/`).page('changes')}#${item.id}`;
  const releases = [...new Set(item.events.map((event) => event.version))].filter((release) => shown.has(release));
  const text = (value: string) => ({ type: 'text' as const, value });
  const element = (tagName: string, properties: Element['properties'], children: Element['children']): Element => ({ type: 'element', tagName, properties, children });
  return element('details', { className: ['ms-history', `ms-history--${badge}`] }, [
    element('summary', { className: ['ms-history__badge'] }, [text(label)]),
    element('div', { className: ['ms-history__body'] }, [
      element('p', {}, [element('a', { href: changesHref }, [text(`What changed in ${version === 'draft' ? 'the draft' : version}`)])]),
      element('p', { className: ['ms-history__title'] }, [text('History')]),
      element('ul', {}, releases.map((release) => element('li', {}, [
        element('a', { href: `${(release === 'draft' ? urls.edition('draft/') : urls.edition(`${release}/`)).page('changes')}#${item.id}` }, [text(release === 'draft' ? 'Draft' : release)]),
        text(`: ${describe(item, release)}`),
      ]))),
    ]),
  ]);
}

function describe(item: ItemHistory, version: string): string {
  const words = item.events.filter((event) => event.version === version).map((event) => {
    switch (event.kind) {
      case 'added': return 'added';
      case 'removed': return 'removed';
      case 'renamed': return `id changed from ${event.from}`;
      case 'title': return 'retitled';
      case 'authority': return `authority ${event.from ?? 'none'} → ${event.to ?? 'none'}`;
      case 'text': return 'text changed';
      case 'moved': return 'moved';
      case 'changed': return `${event.aspects.join(', ')} changed`;
    }
  });
  return [...new Set(words)].join('; ');
}

/** Release notes: Markdown to HTML; raw HTML in them stays text (never live). */
function markdownToHtml(markdown: string): string {
  return String(unified().use(remarkParse).use(() => htmlToText).use(remarkRehype).use(rehypeStringify).processSync(markdown));
}
