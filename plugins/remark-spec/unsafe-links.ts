import type { Image, Link, Root } from 'mdast';
import { visit, SKIP } from 'unist-util-visit';

const safeProtocol = /^(https?|mailto|tel|ftp):/i;
const hasProtocol = /^[a-z][a-z0-9+.-]*:/i;

/** True for URLs that navigate somewhere harmless: http(s), mailto, tel, relative and `#` links. */
export function isSafeUrl(url: string): boolean {
  // Browsers ignore whitespace and control characters inside a scheme (`java\tscript:`).
  const compact = url.replace(/[\u0000-\u0020\u007f]+/g, '');
  return !hasProtocol.test(compact) || safeProtocol.test(compact);
}

/**
 * Links and images with other schemes (`javascript:`, `data:`, `vbscript:`) are shown inert: the
 * link text stays, marked, with the URL visible in its title; nothing is dropped.
 */
export function neutralizeUnsafeUrls(tree: Root): void {
  visit(tree, (node, index, parent) => {
    if ((node.type !== 'link' && node.type !== 'image') || !parent || index === undefined) return;
    const target = node as Link | Image;
    if (isSafeUrl(target.url)) return;
    const children = target.type === 'link' ? target.children : [{ type: 'text' as const, value: target.alt || target.url }];
    parent.children.splice(index, 1, {
      type: 'emphasis',
      children,
      position: target.position,
      data: { hName: 'span', hProperties: { className: ['ms-unsafe-link'], title: `Link not followed: ${target.url}` } },
    } as never);
    return [SKIP, index + 1];
  });
}
