import type { Link, Nodes, Parents, PhrasingContent, Root, Text } from 'mdast';
import { retext } from 'retext';
import retextSmartypants from 'retext-smartypants';
import { visit } from 'unist-util-visit';
import { plainText } from './text.ts';

/** The spec's `typography` setting: `smart` curls quotes and sets dashes and ellipses in what readers see. */
export type Typography = 'smart' | 'none';

// SmartyPants as remark-smartypants 3 applies it, with `--` an en dash and `---` an em dash as the
// official rendering shows them: quotes over the whole text at once (so a quote pairs across
// emphasis and links), then dashes, ellipses and backticks node by node. That glue is written here
// rather than used from remark-smartypants because its second pass re-tokenizes every text node
// with parse-latin, which was most of a chapter's rendering time; a node none of those rules can
// change (no `--`, `–-`, two dots, ``` `` ``` or `''`) is skipped. retext-smartypants does the work.
const quotes = retext().use(retextSmartypants, { dashes: false, ellipses: false, backticks: false }).freeze();
const dashes = retext().use(retextSmartypants, { dashes: 'oldschool', quotes: false }).freeze();
const dashesMayApply = /--|–-|\.\s*\.|``|''/;
/** Blocks whose text starts fresh: a quote at their start always opens (as remark-smartypants). */
const blocks = new Set(['paragraph', 'heading', 'tableCell']);

function smartypants(tree: Root): void {
  let all = '';
  const texts: Array<{ node: Text | { value: string; type: 'inlineCode' }; start: number }> = [];
  visit(tree, (node: Nodes, _index, parent: Parents | undefined) => {
    // Text inside an MDX <style> or <script> is code.
    if (!parent || (parent.type === 'mdxJsxTextElement' && (parent.name === 'style' || parent.name === 'script'))) return;
    if (node.type === 'text' || node.type === 'inlineCode') {
      texts.push({ node, start: all.length });
      // Code counts as a word, so quotes around it pair, and is never changed.
      all += node.type === 'text' ? node.value : 'A'.repeat(node.value.length);
    } else if (blocks.has(node.type)) {
      all += ' ';
    }
  });
  if (texts.length === 0) return;
  // Quotes replace one character by one, so each node's slice stays where it was.
  const quoted = String(quotes.processSync(all));
  for (const { node, start } of texts) {
    if (node.type !== 'text') continue;
    const value = quoted.slice(start, start + node.value.length);
    node.value = dashesMayApply.test(value) ? String(dashes.processSync(value)) : value;
  }
}

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
  smartypants(tree);
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
