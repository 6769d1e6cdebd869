import type { Element, Properties } from 'hast';
import type { Node } from 'unist';

/** An mdast node that remark-rehype turns into the given hast element (unknown-node handling). */
export function hastNode(element: Element): Node {
  return {
    type: 'specHast',
    data: { hName: element.tagName, hProperties: element.properties, hChildren: element.children },
  } as Node;
}

/** An mdast wrapper whose mdast children are rendered inside the given element. */
export function wrapperNode(tagName: string, properties: Properties, children: Node[]): Node {
  return { type: 'specWrapper', children, data: { hName: tagName, hProperties: properties } } as Node;
}

