import type { Definition, Image, ImageReference, Link, LinkReference, Root } from 'mdast';
import { visit, SKIP } from 'unist-util-visit';
import { replaceChild } from './text.ts';

const safeProtocol = /^(https?|mailto|tel|ftp):/i;
const hasProtocol = /^[a-z][a-z0-9+.-]*:/i;

/** True for URLs that navigate somewhere harmless: http(s), mailto, tel, relative and `#` links. */
export function isSafeUrl(url: string): boolean {
  // Browsers ignore whitespace and control characters inside a scheme (`java\tscript:`).
  const compact = url.replace(/[\u0000-\u0020\u007f]+/g, '');
  return !hasProtocol.test(compact) || safeProtocol.test(compact);
}

type Target = Link | Image | LinkReference | ImageReference;

/**
 * Links and images with other schemes (`javascript:`, `data:`, `vbscript:`) are shown inert: the
 * link text stays, marked, with the URL visible in its title; nothing is dropped. Reference-style
 * links (`[text][ref]` with `[ref]: javascript:…`) are resolved through their definitions first.
 */
export function neutralizeUnsafeUrls(tree: Root): void {
  const unsafeDefinitions = new Map<string, string>();
  visit(tree, 'definition', (node: Definition) => {
    if (!isSafeUrl(node.url)) unsafeDefinitions.set(node.identifier.toLowerCase(), node.url);
  });

  visit(tree, (node, index, parent) => {
    if (!parent || index === undefined) return;
    const target = node as Target;
    let url: string | undefined;
    if (target.type === 'link' || target.type === 'image') url = target.url;
    else if (target.type === 'linkReference' || target.type === 'imageReference') url = unsafeDefinitions.get(target.identifier.toLowerCase());
    else return;
    if (url === undefined || isSafeUrl(url)) return;
    const isLink = target.type === 'link' || target.type === 'linkReference';
    const children = isLink ? (target as Link | LinkReference).children : [{ type: 'text' as const, value: (target as Image).alt || url }];
    replaceChild(parent, index, {
      type: 'emphasis',
      children,
      position: target.position,
      data: { hName: 'span', hProperties: { className: ['ms-unsafe-link'], title: `Link not followed: ${url}` } },
    });
    return [SKIP, index + 1];
  });
}
