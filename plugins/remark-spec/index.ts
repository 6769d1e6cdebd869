import { groupPrompts } from './prompt-groups.ts';
import type { Root, RootContent } from 'mdast';
import type { ContainerDirective, LeafDirective } from 'mdast-util-directive';
import type { Processor } from 'unified';
import type { Node } from 'unist';
import type { VFile } from 'vfile';
import { Authorities, defaultAuthorityLevels } from './authority.ts';
import { transformCommentary } from './commentary.ts';
import { Context } from './context.ts';
import { checkClosed } from './fences.ts';
import { reportNestedHeading } from './headings.ts';
import { guardParser } from './limits.ts';
import { htmlToText, restoreTextDirectives } from './literal.ts';
import { neutralizeUnsafeUrls } from './unsafe-links.ts';
import { checkMdxSafety } from './mdx-safety.ts';
import type { RemarkSpecOptions } from './options.ts';
import { resolveReferences } from './references.ts';
import { applyRuleSeverity, quoteList, report } from './rules.ts';
import { collectSections, renderSections } from './sections.ts';
import { definedTargets } from './targets.ts';
import { readExample, reportUnreadable, unreadableOpening } from './read-example.ts';
import { renderExample } from './render-example.ts';
import { blockDirectives, formatWords, isExampleKind, isGrade, isRole } from './vocabulary.ts';
import type { SpecSection } from './types.ts';

export type { RemarkSpecOptions } from './options.ts';
export type * from './types.ts';
export { defaultAuthorityLevels } from './authority.ts';
export { wellKnownTags } from './sections.ts';
export { quoteList, rules, type RuleId } from './rules.ts';
export { guardParser, maxNestingDepth } from './limits.ts';
export { htmlToText } from './literal.ts';
export { plainText } from './text.ts';
export { normalizeSource } from './source.ts';
export { chapterName, generatedExampleId, idMessage, idPattern, idProblem, maxIdLength, reservedIdPrefixes, reservedIds, type IdProblem } from './ids.ts';
export { applyTypography, displayTitle, remarkTypography, type Typography } from './typography.ts';

/**
 * Turns spec directives into structured data (`file.data.spec`) and rendered cards. Runs after
 * remark-parse, remark-directive (and remark-gfm / remark-math) under plain unified or Astro.
 */
export default function remarkSpec(this: Processor | undefined, options?: Readonly<RemarkSpecOptions> | null) {
  // Pathologically deep lists would take the parser minutes; they are reported instead.
  guardParser(this);
  const settings: RemarkSpecOptions = options ?? {};
  const authorities = new Authorities(settings.authorityLevels ?? defaultAuthorityLevels);

  return function transform(tree: Root, file: VFile): void {
    const context = new Context(file, settings, authorities);
    restoreTextDirectives(tree, file);
    if (settings.checkMdxSafety ?? /\.mdx$/i.test(file.path ?? '')) {
      walkContainers(tree, (node) => {
        if (isRole(node.name) || isGrade(node.name)) checkMdxSafety(node, context);
      });
    }
    htmlToText(tree);
    neutralizeUnsafeUrls(tree);
    const targets = definedTargets(tree, file.path ?? '');
    // Generated example ids are fixed from the source as written, before references fill titles in.
    for (const target of targets) if (target.generated) context.generatedIds.set(target.node, target.id);
    resolveReferences(tree, context, new Map(targets.map((target) => [target.id, target])));
    collectSections(tree, context);

    const sections = context.data.sections;
    // Sections are in source order: the one holding a line is found by binary search.
    const sectionAt = (line: number): SpecSection | undefined => {
      let low = 0;
      let high = sections.length - 1;
      let found: SpecSection | undefined;
      while (low <= high) {
        const middle = (low + high) >> 1;
        if (sections[middle]!.position.start.line <= line) {
          found = sections[middle];
          low = middle + 1;
        } else {
          high = middle - 1;
        }
      }
      return found;
    };
    const byId = new Map(sections.map((section) => [section.id, section]));

    renderSections(tree, context);
    transformBlocks(tree, context, (node) => {
      const section = sectionAt(node.position?.start.line ?? 0);
      return { section: section?.id ?? null, authority: section?.effectiveAuthority ?? null, depth: section?.depth ?? 1 };
    });
    for (const example of context.data.examples) if (example.section) byId.get(example.section)?.examples.push(example.id);
    groupPrompts(tree);

    for (const reference of context.data.references) reference.section = sectionAt(reference.position.start.line)?.id ?? null;

    file.data.spec = context.data;
    // Astro hands `data.astro.frontmatter` to pages as `remarkPluginFrontmatter`.
    const astro = (file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro;
    if (astro?.frontmatter) astro.frontmatter.spec = context.data;

    if (settings.ruleSeverity) applyRuleSeverity(file, settings.ruleSeverity);
    if (settings.throwOnError) {
      const error = file.messages.find((message) => message.fatal);
      if (error) throw error;
    }
  };
}

export { remarkSpec };

type Placement = { section: string | null; authority: string | null; depth: number };

const containerNames: Partial<Record<string, string>> = { blockquote: 'a blockquote', list: 'a list', listItem: 'a list', footnoteDefinition: 'a footnote' };

function walkContainers(parent: { children: RootContent[] } | Node, visitor: (node: ContainerDirective) => void): void {
  for (const child of (parent as { children?: RootContent[] }).children ?? []) {
    if (child.type === 'containerDirective') visitor(child);
    if ('children' in child) walkContainers(child, visitor);
  }
}

/** Finds the format's block directives wherever they sit (top level, lists, blockquotes). */
function transformBlocks(parent: { children: RootContent[] }, context: Context, placementOf: (node: Node) => Placement, where?: string): void {
  for (const child of parent.children) {
    if (child.type === 'heading' && where) reportNestedHeading(child, where, context);
    if (child.type === 'containerDirective') {
      if (isExampleKind(child.name)) {
        const placement = placementOf(child);
        const read = readExample(child, placement, context);
        renderExample(child, read, placement, context);
        context.data.examples.push(read.example);
        continue;
      }
      if (child.name === 'commentary') {
        checkClosed(child, context);
        transformCommentary(child, placementOf(child).section, context);
        transformBlocks(child, context, placementOf, 'a commentary');
        continue;
      }
      reportStray(child, context);
      continue;
    }
    if (child.type === 'leafDirective') {
      reportStray(child, context);
      continue;
    }
    // A directive of the format whose attributes did not parse is text to remark-directive: said,
    // not silently shown as `:::example{…` (inside an example, readExample says it).
    const opening = unreadableOpening(child, String(context.file.value));
    if (opening && formatWords.has(opening.name)) reportUnreadable(child, opening, '', context);
    // specWrapper nodes are the plugin's own rendering (a section's heading row): nothing to transform.
    if ('children' in child && child.type !== 'heading' && child.type !== 'paragraph' && (child.type as string) !== 'specWrapper') {
      transformBlocks(child as { children: RootContent[] }, context, placementOf, containerNames[child.type] ?? where ?? `a ${child.type}`);
    }
  }
}

function reportStray(node: ContainerDirective | LeafDirective, context: Context): void {
  const { file } = context;
  const name = node.name;
  const fence = node.type === 'leafDirective' ? '::' : ':::';
  if (node.type === 'leafDirective' && name === 'section') {
    report(file, 'misplaced-section', 'Unexpected `::section` line that does not follow a heading, expected it directly under the heading it names', node);
  } else if (isGrade(name)) {
    report(
      file,
      'grade-outside-example',
      `Unexpected \`:::${name}\` outside an example, expected it inside \`::::example\` (if it belongs to the example above, give the example more colons than its messages: \`::::example\` … \`::::\`)`,
      node,
    );
  } else if (isRole(name)) {
    report(
      file,
      'message-outside-example',
      `Unexpected \`:::${name}\` message outside an example, expected it inside \`::::example\` (if it belongs to the example above, give the example more colons than its messages)`,
      node,
    );
  } else if (name === 'untrusted' || name === 'settings') {
    report(
      file,
      'malformed-nesting',
      `Unexpected \`:::${name}\` outside a message, expected it inside a \`::::user\` (or other) message with more colons than it`,
      node,
    );
  } else {
    report(
      file,
      'unknown-directive',
      `Unexpected \`${fence}${name}\` directive, expected one of ${quoteList([...blockDirectives.map((value) => ':::' + value), '::section'])}`,
      node,
    );
  }
}
export { collectTargets, type DefinedTarget } from './targets.ts';
export { layoutIds } from './ids.ts';
export { report } from './rules.ts';
export { isSafeUrl, neutralizeUnsafeUrls } from './unsafe-links.ts';
export { findDeepNesting, findSlowInline, maxDelimitersPerParagraph } from './limits.ts';
