/** Ids in our format, as the plugin checks them. */
export { idPattern } from '../remark-spec/index.ts';

/**
 * A deterministic id fragment from a Markdown title: `[?](#target)` contributes its target id,
 * other links their text; accents are folded, everything else that is not a letter or digit
 * becomes `_`. Long titles are cut at a word boundary so ids stay readable.
 */
export function slugify(title: string, maxLength = 48): string {
  const plain = title
    .replace(/\[\?\]\(#([^)\s]+)\)/g, ' $1 ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, ' $1 ')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (plain.length <= maxLength) return plain;
  const cut = plain.slice(0, maxLength + 1);
  const boundary = cut.lastIndexOf('_');
  return (boundary > maxLength / 2 ? cut.slice(0, boundary) : plain.slice(0, maxLength)).replace(/_+$/, '');
}
