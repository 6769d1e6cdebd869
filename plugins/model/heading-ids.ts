import { slug } from 'github-slugger';
import type { Element, Root } from 'hast';
import { toString as hastToString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { layoutIds, reservedIdPrefixes } from '../remark-spec/index.ts';

/**
 * Ids for headings that have none (an example's title, a heading in commentary), chosen so they
 * never take an id the page or the spec already uses: a section's or example's id anywhere in the
 * spec, an element id of the layout, or a generated one before it. Astro's own step would slug
 * "Refusals" to `refusals` even when the section `#refusals` follows, and `/#refusals` would land
 * on the example. Runs before Astro's heading-id step, which keeps ids already set.
 */
export function rehypeUniqueHeadingIds(options: { specIds?: () => Iterable<string> } = {}) {
  return (tree: Root): void => {
    const taken = new Set<string>([...layoutIds, ...(options.specIds?.() ?? [])]);
    visit(tree, 'element', (node: Element) => {
      if (typeof node.properties.id === 'string') taken.add(node.properties.id);
    });
    visit(tree, 'element', (node: Element) => {
      if (!/^h[1-6]$/.test(node.tagName) || typeof node.properties.id === 'string') return;
      const base = slug(hastToString(node)) || 'heading';
      let id = base;
      for (let n = 1; taken.has(id) || reservedIdPrefixes.some((prefix) => id.startsWith(prefix)); n++) id = `${base}-${n}`;
      taken.add(id);
      node.properties.id = id;
    });
  };
}
