import type { Heading, Paragraph, Root } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { Node } from 'unist';
import { SKIP, visit } from 'unist-util-visit';
import { generatedExampleId, idProblem } from './ids.ts';
import { plainText } from './text.ts';
import { isExampleKind } from './vocabulary.ts';

/** An id a file defines, found without transforming the file. */
export interface DefinedTarget {
  id: string;
  title: string;
  kind: 'section' | 'example';
  /** For an old id of a section: its current id. */
  aliasOf?: string;
  /** For an example written without `{#id}`: the id is generated (see `generatedExampleId`). */
  generated?: true;
  /** Where the id is written (the `::section` line or the example's opening fence). */
  place: { line: number; column: number };
}

/**
 * The ids and titles a parsed file defines (sections, their old ids, examples), so a whole spec
 * can be indexed before any file is transformed and cross-references resolve across files.
 * Ids that break the id rule are left out (the plugin reports them). Given the file's path, it
 * also lists the ids the plugin generates for examples without `{#id}`, exactly as the plugin
 * will, so a host can detect clashes across files before transforming any.
 */
export function collectTargets(tree: Root, filePath?: string): DefinedTarget[] {
  return definedTargets(tree, filePath).map(({ node: _node, ...target }) => target);
}

/** `collectTargets` with the node that defines each id (the plugin reuses the generated ids). */
export function definedTargets(tree: Root, filePath?: string): Array<DefinedTarget & { node: Node }> {
  const targets: Array<DefinedTarget & { node: Node }> = [];
  const taken = new Set<string>();
  const add = (target: DefinedTarget & { node: Node }) => {
    targets.push(target);
    taken.add(target.id);
  };
  tree.children.forEach((node, index) => {
    if (node.type !== 'heading') return;
    const next = tree.children[index + 1];
    if (next?.type !== 'leafDirective' || next.name !== 'section' || !next.attributes?.id) return;
    const id = next.attributes.id;
    if (idProblem(id)) return;
    const title = headingTitle(node);
    const place = placeOf(next);
    add({ id, title, kind: 'section', node, place });
    for (const oldId of (next.attributes.oldids ?? '').split(/[\s,]+/).filter(Boolean)) {
      if (!idProblem(oldId)) add({ id: oldId, title, kind: 'section', aliasOf: id, node: next, place });
    }
  });
  visit(tree, 'containerDirective', (node: ContainerDirective) => {
    if (!isExampleKind(node.name)) return;
    const label = node.children[0] as Paragraph | undefined;
    const labelTitle = label?.type === 'paragraph' && label.data?.directiveLabel ? plainText(label.children) : undefined;
    const title = (labelTitle ?? node.attributes?.title ?? '').replace(/\s+/g, ' ').trim();
    const id = node.attributes?.id;
    if (id) {
      if (!idProblem(id)) add({ id, title: title || id, kind: 'example', node, place: placeOf(node) });
    } else if (filePath !== undefined) {
      const generated = generatedExampleId(filePath, title || node.name, (candidate) => taken.has(candidate));
      add({ id: generated, title: title || generated, kind: 'example', generated: true, node, place: placeOf(node) });
    }
    // An example inside an example is reported by the plugin, not defined.
    return SKIP;
  });
  return targets;
}

function placeOf(node: { position?: { start: { line: number; column: number } } }) {
  return { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
}

function headingTitle(heading: Heading): string {
  return plainText(heading.children).replace(/\s+/g, ' ').trim();
}
