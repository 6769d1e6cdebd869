import type { Heading, Paragraph, Root } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { visit } from 'unist-util-visit';
import { plainText } from './text.ts';
import { isExampleKind } from './vocabulary.ts';

/** An id a file defines, found without transforming the file. */
export interface DefinedTarget {
  id: string;
  title: string;
  kind: 'section' | 'example';
  /** For an old id of a section: its current id. */
  aliasOf?: string;
}

/**
 * The ids and titles a parsed file defines (sections, their old ids, examples), so a whole spec
 * can be indexed before any file is transformed and cross-references resolve across files.
 */
export function collectTargets(tree: Root): DefinedTarget[] {
  const targets: DefinedTarget[] = [];
  tree.children.forEach((node, index) => {
    if (node.type !== 'heading') return;
    const next = tree.children[index + 1];
    if (next?.type !== 'leafDirective' || next.name !== 'section' || !next.attributes?.id) return;
    const id = next.attributes.id;
    const title = headingTitle(node);
    targets.push({ id, title, kind: 'section' });
    for (const oldId of (next.attributes.oldids ?? '').split(/[\s,]+/).filter(Boolean)) {
      targets.push({ id: oldId, title, kind: 'section', aliasOf: id });
    }
  });
  visit(tree, 'containerDirective', (node: ContainerDirective) => {
    if (!isExampleKind(node.name) || !node.attributes?.id) return;
    const label = node.children[0] as Paragraph | undefined;
    const title = label?.type === 'paragraph' && label.data?.directiveLabel ? plainText(label.children) : (node.attributes.title ?? node.attributes.id);
    targets.push({ id: node.attributes.id, title: title.replace(/\s+/g, ' ').trim(), kind: 'example' });
  });
  return targets;
}

function headingTitle(heading: Heading): string {
  return plainText(heading.children).replace(/\s+/g, ' ').trim();
}
