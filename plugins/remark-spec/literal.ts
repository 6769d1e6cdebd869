import type { Root, Text, Html, Paragraph } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';
import { visit, SKIP } from 'unist-util-visit';
import { replaceChild } from './text.ts';

/**
 * remark-directive reads prose such as `10:30`, `16:9` or `Note:important` as text directives.
 * The format defines none, so every one is put back as the text the author typed.
 */
export function restoreTextDirectives(tree: Root, file: VFile): void {
  const source = String(file.value ?? '');
  visit(tree, 'textDirective', (node: TextDirective, index, parent) => {
    if (!parent || index === undefined) return;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    const value = start !== undefined && end !== undefined ? source.slice(start, end) : ':' + node.name;
    const text: Text = { type: 'text', value, position: node.position };
    parent.children.splice(index, 1, text);
    return [SKIP, index + 1];
  });
}

/**
 * Raw HTML is shown as the text the author wrote and never runs: spec prose and example
 * messages talk about `<script>`, `<user>` and `<!-- -->` far more often than they need markup.
 */
export function htmlToText(tree: Root): void {
  visit(tree, 'html', (node: Html, index, parent) => {
    if (!parent || index === undefined) return;
    if (parent.type === 'root' || parent.type === 'containerDirective' || parent.type === 'blockquote' || parent.type === 'listItem') {
      const paragraph: Paragraph = {
        type: 'paragraph',
        // `literal`: the author's characters, kept as written by every later step (typography included).
        children: [{ type: 'text', value: node.value, data: { literal: true } } as Text],
        position: node.position,
        data: { hProperties: { className: ['ms-literal'] } },
      };
      replaceChild(parent, index, paragraph);
    } else {
      replaceChild(parent, index, { type: 'text', value: node.value, position: node.position, data: { literal: true } } as unknown as Text);
    }
    return [SKIP, index + 1];
  });
}
