import type { Heading, PhrasingContent, Root, RootContent } from 'mdast';
import type { LeafDirective } from 'mdast-util-directive';
import type { Element } from 'hast';
import { h } from 'hastscript';
import type { Context } from './context.ts';
import { hastNode, wrapperNode } from './hast.ts';
import { quoteList, report, suggest } from './rules.ts';
import { idMessage, idProblem, slugify } from './ids.ts';
import { markdownBetween, plainText, rangeOf } from './text.ts';
import type { SpecSection } from './types.ts';
import { displayTitle } from './typography.ts';
import { isExampleKind } from './vocabulary.ts';

const sectionAttributes = ['id', 'authority', 'oldids', 'tags'];

/** Well-known section tags: the badge label and what the tag means. `tagLabels` and `tagDescriptions` add to and override these. */
export const wellKnownTags: ReadonlyArray<{ name: string; label: string; description: string }> = [
  { name: 'under_18', label: 'U18', description: 'Content policy for users under 18' },
];
const defaultTagLabels = Object.fromEntries(wellKnownTags.map((tag) => [tag.name, tag.label]));
const defaultTagDescriptions = Object.fromEntries(wellKnownTags.map((tag) => [tag.name, tag.description]));

/**
 * Reads every top-level heading with the `::section` line under it: the stable id, authority and
 * old ids, the body up to the next heading (verbatim and as plain text) and the aggregated levels.
 */
export function collectSections(tree: Root, context: Context): void {
  const { file, source } = context;
  const stack: SpecSection[] = [];
  const children = tree.children;
  const headingIndexes = children.flatMap((node, index) => (node.type === 'heading' ? [index] : []));

  headingIndexes.forEach((index, order) => {
    const heading = children[index] as Heading;
    const next = children[index + 1];
    const directive = next?.type === 'leafDirective' && next.name === 'section' ? next : undefined;
    const title = plainText(heading.children).replace(/\s+/g, ' ').trim();
    const attributes = directive?.attributes ?? {};

    let id = attributes.id ?? '';
    // Unique among the file's ids so far: two headings in a script ids cannot spell (`はじめに`,
    // `正直さ`) must not be told to take the same id, nor reported as its duplicates.
    const slug = unusedId(suggestedId(title), context);
    let placeholder = false;
    // Invisible characters (zero-width spaces and joiners, direction marks) are no title either.
    if (!title.replace(/[\s\p{Cf}]/gu, '')) {
      report(file, 'empty-heading', `Unexpected empty heading, expected a title after the \`${'#'.repeat(heading.depth)}\``, heading);
    }
    if (!directive || !id) {
      report(
        file,
        'missing-section-id',
        `Unexpected heading \`${title}\` without a stable id, expected a \`::section{#id}\` line right under it, such as \`::section{#${slug}}\`${/[a-z0-9]/i.test(title) ? '' : ' (ids are written with letters a-z, digits, `_` and `-`: name it in those)'}`,
        directive ?? heading,
      );
      id = slug;
      placeholder = true;
    } else {
      const problem = idProblem(id);
      if (problem) {
        report(file, problem === 'reserved' ? 'reserved-id' : 'invalid-id', idMessage('section id', id, problem), directive);
        // The data carries a usable id; the error stops the build.
        id = slug;
        placeholder = true;
      }
    }
    const oldIds = (attributes.oldids ?? '')
      .split(/[\s,]+/)
      .filter(Boolean)
      .filter((oldId) => {
        const problem = idProblem(oldId);
        if (problem) report(file, problem === 'reserved' ? 'reserved-id' : 'invalid-id', idMessage('old id', oldId, problem), directive);
        return !problem;
      });
    // The title is the heading's: a label would be dropped.
    if (directive && directive.children.length > 0) {
      report(
        file,
        'unknown-directive',
        `Unexpected label \`[${plainText(directive.children).slice(0, 60)}]\` on \`::section\`, expected none: the section's title is its heading (write \`::section{#id}\`)`,
        directive,
      );
    }
    for (const name of Object.keys(attributes)) {
      if (!sectionAttributes.includes(name) && name !== 'class') {
        report(
          file,
          'unknown-directive',
          `Unexpected attribute \`${name}\` on \`::section\`, expected \`#id\`, \`authority\`, \`oldids\` or \`tags\``,
          directive,
        );
      }
    }

    let authority: string | null = attributes.authority ?? null;
    if (authority !== null && !context.authorities.has(authority)) {
      const hint = suggest(authority, context.authorities.names);
      report(
        file,
        'unknown-authority',
        `Unexpected authority \`${authority}\`, expected one of ${quoteList(context.authorities.names)}${hint ? `; did you mean \`${hint}\`?` : ''}`,
        directive,
      );
      authority = null;
    }

    while (stack.length > 0 && stack[stack.length - 1]!.depth >= heading.depth) stack.pop();
    const bodyStartIndex = directive ? index + 2 : index + 1;
    const bodyEndIndex = headingIndexes[order + 1] ?? children.length;
    const body = children.slice(bodyStartIndex, bodyEndIndex);
    const bodyStart = (directive ?? heading).position?.end.offset ?? 0;
    const bodyEnd = children[bodyEndIndex]?.position?.start.offset ?? source.length;

    const section: SpecSection = {
      id,
      title,
      displayTitle: displayTitle(heading.children, context.options.typography),
      depth: heading.depth,
      authority,
      effectiveAuthority: authority,
      parent: stack[stack.length - 1]?.id ?? null,
      authorities: [],
      oldIds,
      tags: readTags(attributes.tags, directive, context),
      examples: [],
      markdown: markdownBetween(source, bodyStart, bodyEnd, body),
      text: plainText(body.filter((node) => !isExample(node))),
      position: rangeOf(heading),
    };
    // A stand-in id (the error above stops the build) is kept from the duplicate check.
    if (placeholder) context.definitions.set(id, heading);
    else context.define(id, heading);
    for (const oldId of section.oldIds) context.define(oldId, directive);
    context.data.sections.push(section);
    context.sectionNodes.set(heading, { section, directive });
    stack.push(section);
  });

  deriveLevels(context.data.sections, context);
}

/** The names in `tags="…"`, each checked against the id pattern; repeats dropped. */
function readTags(value: string | null | undefined, directive: LeafDirective | undefined, context: Context): string[] {
  const tags = new Set<string>();
  for (const tag of (value ?? '').split(/[\s,]+/).filter(Boolean)) {
    const problem = idProblem(tag);
    // Tags are not element ids, so the layout's names are free; pattern and length still hold.
    if (problem && problem !== 'reserved') report(context.file, 'invalid-id', idMessage('tag', tag, problem), directive);
    else tags.add(tag);
  }
  return [...tags];
}

/** The slug of a title, made valid when it would be a reserved name. */
/** `id`, or `id_2`, `id_3`… when the file already defines it. */
function unusedId(id: string, context: Context): string {
  if (!context.definitions.has(id)) return id;
  let count = 2;
  while (context.definitions.has(`${id}_${count}`)) count++;
  return `${id}_${count}`;
}

function suggestedId(title: string): string {
  const slug = slugify(title);
  return idProblem(slug) ? `${slug}_section` : slug;
}

function isExample(node: RootContent): boolean {
  return node.type === 'containerDirective' && isExampleKind(node.name);
}

/**
 * The two facts about levels every view reads, computed here once: a section's effective level
 * (its own, else the nearest enclosing section's; sections come parents first) and the levels of
 * everything inside it.
 */
function deriveLevels(sections: SpecSection[], context: Context): void {
  const byId = new Map(sections.map((section) => [section.id, section]));
  for (const section of sections)
    section.effectiveAuthority = section.authority ?? (section.parent ? (byId.get(section.parent)?.effectiveAuthority ?? null) : null);
  const collected = new Map(sections.map((section) => [section.id, new Set<string>()]));
  for (const section of sections) {
    if (!section.authority) continue;
    for (let current: SpecSection | undefined = section; current; current = current.parent ? byId.get(current.parent) : undefined) {
      collected.get(current.id)!.add(section.authority);
    }
  }
  for (const section of sections) section.authorities = context.authorities.sort(collected.get(section.id)!);
}

/** Gives headings their ids and replaces each `::section` line with the badge and link row. */
export function renderSections(tree: Root, context: Context): void {
  const directives = new Map<RootContent, Heading>();
  for (const [heading, { directive }] of context.sectionNodes) if (directive) directives.set(directive, heading);
  // One pass over the children (splicing per heading would be quadratic in the number of headings).
  const children: RootContent[] = [];
  for (const node of tree.children) {
    if (directives.has(node)) continue;
    const entry = node.type === 'heading' ? context.sectionNodes.get(node) : undefined;
    if (!entry) {
      children.push(node);
      continue;
    }
    const { section } = entry;
    if (section.tags.length > 0)
      (node as Heading).children.push(...section.tags.flatMap((tag): PhrasingContent[] => [{ type: 'text', value: ' ' }, tagBadge(tag, context)]));
    node.data = {
      ...node.data,
      hProperties: {
        ...(node.data?.hProperties ?? {}),
        id: section.id,
        className: ['ms-heading'],
        ...(section.authority ? { dataAuthority: section.authority } : {}),
      },
    };
    if (section.oldIds.length > 0) {
      // Empty targets for ids the section used to have, so old links still land on it, with or
      // without script: laid out (zero height, right above the heading), never hidden, since a
      // browser does not scroll to an element that has no box.
      const anchors = section.oldIds.map((id) => h('span', { id, className: ['ms-old-anchor'], dataAliasOf: section.id }));
      children.push(hastNode(h('div', { className: ['ms-old-anchors'] }, anchors)));
    }
    // The heading line: title, then the level badge and the section's menu.
    children.push(wrapperNode('div', { className: ['ms-heading-row', `ms-heading-row--${section.depth}`] }, [node, hastNode(sectionMeta(section, context))]));
  }
  tree.children = children;
}

/** A tag's entry in the spec's own record (labels, descriptions), else the well-known tag's. */
function tagEntry(given: Readonly<Record<string, string>> | null | undefined, wellKnown: Record<string, string>, tag: string): string | undefined {
  return given && Object.hasOwn(given, tag) ? given[tag] : Object.hasOwn(wellKnown, tag) ? wellKnown[tag] : undefined;
}

/** The badge label of a tag: the spec's own label, a well-known tag's, else the tag's name. */
export function tagLabel(tag: string, context: Context): string {
  return tagEntry(context.options.tagLabels, defaultTagLabels, tag) ?? tag;
}

/** Whether a tag has a label, given by the spec or well known (`under_18`). */
export function isLabelledTag(tag: string, context: Context): boolean {
  return tagEntry(context.options.tagLabels, defaultTagLabels, tag) !== undefined;
}

/**
 * A tag shown in its heading: the label, with the tag named for screen readers, and on hover what
 * it means (as an authority badge does), or its name when the spec says nothing of it.
 */
export function tagBadge(tag: string, context: Context) {
  const label = tagLabel(tag, context);
  const description = tagEntry(context.options.tagDescriptions, defaultTagDescriptions, tag);
  const title = description ? `${label}: ${description}` : `Tag: ${tag}`;
  return hastNode(h('span', { className: ['ms-tag'], dataTag: tag, title }, [h('span', { className: ['ms-visually-hidden'] }, 'Tag: '), label]));
}

function sectionMeta(section: SpecSection, context: Context): Element {
  const level = section.authority ? context.authorities.get(section.authority) : undefined;
  const links = context.options.sectionLinks?.(section, context.file.path) ?? [];
  return h('div', { className: ['ms-section-meta'], dataSectionId: section.id }, [
    level
      ? h('span', { className: ['ms-badge', `ms-badge--${level.name}`], dataAuthority: level.name, title: `${level.label}: ${level.description}` }, [
          h('span', { className: ['ms-visually-hidden'] }, 'Authority: '),
          level.label,
        ])
      : null,
    menuTrigger({ id: section.id, title: section.displayTitle, kind: 'section' }),
    // Shown beside the heading without JavaScript; the menu takes them in with it.
    links.length
      ? h(
          'span',
          { className: ['ms-links'] },
          links.map((link) => h('a', { className: ['ms-section-link'], href: link.href, rel: 'nofollow' }, link.label)),
        )
      : null,
  ]);
}

/**
 * The one control per section or example that opens its menu: id, link, short link, copy and
 * cite, source links. The page builds one shared menu on demand (src/scripts/menu.ts) from this
 * control and its neighbours; without JavaScript it is a plain link to the id.
 */
export function menuTrigger(target: {
  id: string;
  title: string;
  kind: 'section' | 'example' | 'prompt';
  /** False for an example whose id is generated for now: it has no short link to share or cite. */
  stable?: boolean;
}): Element {
  const noun = target.kind === 'section' ? 'section' : target.kind === 'prompt' ? 'eval prompt' : 'example';
  // Named by its label, with the icon drawn by the stylesheet: no elements inside, on a control a
  // chapter repeats once per section and example. The script reads the title back from between
  // the quotes: the name says it once for both.
  return h('a', {
    className: ['ms-menu'],
    href: `#${target.id}`,
    ariaLabel: `Id, links and sharing for ${noun} “${target.title}”`,
    ...(target.stable === false ? { dataUnstable: '' } : {}),
  });
}

export type { LeafDirective };
