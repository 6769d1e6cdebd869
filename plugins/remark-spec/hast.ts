import type { Element, Properties } from 'hast';
import type { RootContent } from 'mdast';
import type { SpecHast, SpecWrapper } from './types.ts';

/** An mdast node that remark-rehype turns into the given hast element (unknown-node handling). */
export function hastNode(element: Element): SpecHast {
  return {
    type: 'specHast',
    data: { hName: element.tagName, hProperties: element.properties, hChildren: element.children },
  };
}

/** An mdast wrapper whose mdast children are rendered inside the given element. */
export function wrapperNode(tagName: string, properties: Properties, children: RootContent[]): SpecWrapper {
  return { type: 'specWrapper', children, data: { hName: tagName, hProperties: properties } };
}
