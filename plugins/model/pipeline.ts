import rehypeKatex from 'rehype-katex';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import remarkSpec, { type RemarkSpecOptions } from '../remark-spec/index.ts';
import { guardParser } from '../remark-spec/limits.ts';

/** Math is `$$…$$` only: a single `$` is a dollar sign, and specs talk about prices. */
export const remarkMathOptions = { singleDollarTextMath: false } as const;

/** The remark plugins after parsing (Astro adds GFM itself); the site and the loader share them. */
export function specRemarkPlugins(options: RemarkSpecOptions) {
  return [[remarkMath, remarkMathOptions], remarkDirective, [remarkSpec, options]] as const;
}

/** Build-time math: KaTeX HTML, no CDN, and bad TeX shown as the author's text in red. */
export const specRehypePlugins = [[rehypeKatex, { throwOnError: false, strict: false }]] as const;

/** A parser for spec sources with the same syntax extensions as the site. */
export function specParser() {
  return unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkMath, remarkMathOptions)
    .use(remarkDirective)
    .use(function guard() {
      // The same depth limit as the plugin applies: report pathological nesting instead of parsing it.
      guardParser(this);
    });
}

/**
 * Front matter is not part of the spec body; it is blanked (newlines kept) so that positions in
 * messages still point at the author's line and column.
 */
export function blankFrontmatter(source: string): string {
  const match = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/.exec(source);
  if (!match) return source;
  return match[0].replace(/[^\n]/g, '') + source.slice(match[0].length);
}
