import type { Link, PhrasingContent, Root, Text } from 'mdast';
import remarkSmartypants from 'remark-smartypants';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { plainText } from './text.ts';

/** The spec's `typography` setting: `smart` curls quotes and sets dashes and ellipses in what readers see. */
export type Typography = 'smart' | 'none';

// `--` an en dash, `---` an em dash, as the official rendering shows them.
const smartypants = unified().use(remarkSmartypants, { dashes: 'oldschool' }).freeze();

/**
 * Smart typography on an mdast tree, the one rule for chapter bodies and titles alike: it never
 * touches code or math (not text nodes), raw HTML shown as text (`<!--` would become `<!–`), or the
 * text of an autolink or a link showing its own URL. Those are recorded before SmartyPants and put
 * back after.
 */
export function applyTypography(tree: Root): void {
  const literal = new Map<Text, string>();
  visit(tree, 'text', (node: Text, _index, parent) => {
    const link = parent?.type === 'link' ? (parent as Link) : undefined;
    const showsUrl = link && (link.url === node.value || link.url === `mailto:${node.value}` || /^(?:[a-z][a-z0-9+.-]*:|www\.)/i.test(node.value));
    if ((node.data as { literal?: boolean } | undefined)?.literal || showsUrl) literal.set(node, node.value);
  });
  smartypants.runSync(tree);
  for (const [node, value] of literal) node.value = value;
}

/** The unified plugin form of `applyTypography`, for a chapter's rendering. */
export function remarkTypography() {
  return applyTypography;
}

/**
 * A title as readers see it: its words as plain text, with smart typography under `smart` (code
 * spans in the title keep their characters). Computed once, where the title is read, so the page
 * `<title>`, contents, menus and changes pages all show the heading's own characters; the exports
 * keep the author's.
 */
export function displayTitle(title: string | readonly PhrasingContent[], typography: Typography | null | undefined): string {
  const children: PhrasingContent[] = typeof title === 'string' ? [{ type: 'text', value: title }] : structuredClone(title as PhrasingContent[]);
  if (typography === 'smart') applyTypography({ type: 'root', children: [{ type: 'paragraph', children }] });
  return plainText(children).replace(/\s+/g, ' ').trim();
}
