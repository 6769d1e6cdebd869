import type { ContainerDirective } from 'mdast-util-directive';
import { h } from 'hastscript';
import type { Context } from './context.ts';
import { hastNode } from './hast.ts';
import { rangeOf, sourceSlice } from './text.ts';

/** A `:::commentary` block: a note to human readers, shown apart from the rules. */
export function transformCommentary(node: ContainerDirective, section: string | null, context: Context): void {
  const first = node.children[0];
  const label = first?.type === 'paragraph' && first.data?.directiveLabel ? first : undefined;
  if (label) node.children.shift();
  const body = node.children;
  context.data.commentary.push({
    section,
    markdown: body.length ? sourceSlice(context.source, body[0], body[body.length - 1]) : '',
    position: rangeOf(node),
  });
  // A note, not a landmark: a page has many, and landmarks must be unique.
  node.data = { hName: 'aside', hProperties: { className: ['ms-commentary'], role: 'note', ariaLabel: 'Commentary' } };
  node.children = [
    label
      ? { ...label, data: { hName: 'p', hProperties: { className: ['ms-commentary__label'] } } }
      : hastNode(h('p', { className: ['ms-commentary__label'] }, 'Commentary')),
    ...body,
  ];
}
