import type { PluggableList, Transformer } from 'unified';
import type { rehypeShiki } from '@astrojs/markdown-remark';
import type { Root as HastRoot } from 'hast';
import type { Root } from 'mdast';
import rehypeKatex from 'rehype-katex';
import rehypeStringify from 'rehype-stringify';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { VFile } from 'vfile';
import { guardParser, remarkSpec, remarkTypography, report, type RemarkSpecOptions } from '../remark-spec/index.ts';
import type { MdxPolicy } from './config.ts';
import { checkMdxTrust } from './mdx-trust.ts';
import { rehypeUniqueHeadingIds } from './heading-ids.ts';
import type { ParsedPieces } from './parsed-pieces.ts';
import { hasCodeBlock, hasMath, onlyWhereNeeded } from './only-where-needed.ts';

/**
 * The one Markdown pipeline of the site: the loader parses each chapter with `specParser`, runs
 * the spec plugin on the tree, and renders it with `renderChapter`. The Astro integration gives
 * the same plugins to Astro's processor, which only `.mdx` chapters go through.
 */

/** Math is `$$…$$` only: a single `$` is a dollar sign, and specs talk about prices. */
export const remarkMathOptions = { singleDollarTextMath: false } as const;

/** Code highlighting at build time, light and dark, no client JavaScript. */
export const shikiConfig = { themes: { light: 'github-light', dark: 'github-dark' } } as const;

/**
 * Build-time math: KaTeX HTML, no CDN, bad TeX shown as the author's text in red. Sizes and macro
 * expansion are bounded, so `\rule{200em}{200em}` or a self-expanding macro cannot cover the page
 * or hang the build.
 */
export const katexOptions = { throwOnError: false, strict: false, maxSize: 20, maxExpand: 200, trust: false } as const;

/** The syntax extensions after parsing (Astro adds GFM itself), for Astro's processor (`.mdx`). */
export const syntaxRemarkPlugins: [[typeof remarkMath, typeof remarkMathOptions], typeof remarkDirective] = [[remarkMath, remarkMathOptions], remarkDirective];

const rehypeMath = onlyWhereNeeded(rehypeKatex, hasMath);
/**
 * Astro's Shiki step, imported with the first code block to highlight: its package's entry takes
 * about 300 ms to load, and a rebuild that renders no chapter with code needs none of it.
 */
function lazyRehypeShiki(...options: Parameters<typeof rehypeShiki>): Transformer<HastRoot> {
  let transform: Promise<Transformer<HastRoot>> | undefined;
  return async (tree, file) => {
    // Astro's plugin does not read `this` (the processor).
    transform ??= import('@astrojs/markdown-remark').then(({ rehypeShiki }) => (rehypeShiki as (...args: typeof options) => Transformer<HastRoot>)(...options));
    await (await transform)(tree, file, () => {});
  };
}
const rehypeCodeBlocks = onlyWhereNeeded(lazyRehypeShiki, hasCodeBlock);

export const specRehypePlugins: PluggableList = [[rehypeMath, katexOptions], rehypeUniqueHeadingIds];

export type ChapterFormat = 'md' | 'mdx';

/**
 * A parser for spec sources with the same syntax extensions as the site. `.mdx` adds remark-mdx
 * first, as the MDX compiler does, so the tree is the one the compiler compiles. With `pieces`,
 * a `.md` file's unchanged pieces come from there (the dev server's re-reads).
 */
export function specParser(format: ChapterFormat = 'md', pieces?: ParsedPieces) {
  return unified()
    .use(remarkParse)
    .use(format === 'mdx' ? [remarkMdx] : [])
    .use(remarkGfm)
    .use(remarkMath, remarkMathOptions)
    .use(remarkDirective)
    .use(function parseByPieces() {
      // Inside the guard, which normalises and checks the whole file first.
      const parse = this.parser as ((document: string, file: VFile) => Root) | undefined;
      if (pieces && format === 'md' && parse) this.parser = (document, file) => pieces.parse(document, file, parse);
    })
    .use(function guard() {
      // The same depth limit as the plugin applies: report pathological nesting instead of parsing it.
      guardParser(this);
    });
}

/**
 * Source to HTML in one plain unified processor: the parser above, the spec plugin, and the
 * rendering steps that make or could break safety (raw HTML kept, then KaTeX). For callers that
 * need the whole road at once without Astro: the hostile-input tests, the importer's tests.
 */
export function specProcessor(options?: Readonly<RemarkSpecOptions>) {
  return specParser()
    .use(remarkSpec, options)
    .use(remarkRehype, { allowDangerousHtml: true, passThrough: [] })
    .use(specRehypePlugins)
    .use(rehypeStringify, { allowDangerousHtml: true });
}

/**
 * The one road of a chapter: `.md` read with remark-parse, `.mdx` with remark-mdx (checked by
 * the spec's `mdx` policy on that same tree). The loader, the Astro integration's checks, the
 * hostile-input tests and the importer's tests all read chapters here. A `.mdx` chapter that
 * remark-mdx cannot read is refused with MDX's own position (fail closed): a policy cannot vouch
 * for code it could not read. Either way the returned tree is what the rest of the build uses.
 */
export function readChapter(
  file: VFile,
  format: ChapterFormat,
  policy: MdxPolicy = 'allow',
  parser: { parse(file: VFile): unknown } = specParser(format),
): Root {
  if (format === 'md') return parser.parse(file) as Root;
  const empty: Root = { type: 'root', children: [] };
  if (policy === 'refuse') {
    // Not even parsed: the policy refuses the file whatever it holds.
    checkMdxTrust(empty, file, policy);
    return empty;
  }
  let tree: Root;
  try {
    tree = parser.parse(file) as Root;
  } catch (error) {
    const cause = error as { reason?: string; message?: string; place?: unknown; line?: number; column?: number };
    const place =
      (cause.place as { line: number; column: number } | undefined) ?? (cause.line ? { line: cause.line, column: cause.column ?? 1 } : { line: 1, column: 1 });
    const reason = (cause.reason ?? cause.message ?? String(error)).replace(/\.$/, '');
    report(
      file,
      'mdx-unreadable',
      `Unexpected text MDX cannot read (${reason}), expected valid MDX: a chapter the \`mdx\` policy cannot read is refused (rename it to \`.md\` if it needs no components)`,
      { type: 'x', position: { start: place, end: place } },
    );
    return empty;
  }
  checkMdxTrust(tree, file, policy);
  return tree;
}

/**
 * mdast (already transformed by the spec plugin) → the page body's HTML, with the steps and order
 * of Astro's own Markdown renderer, so a chapter renders as it would through Astro, once.
 */
export function chapterRenderer(
  options: { annotate?: (() => (tree: HastRoot) => void) | undefined; typography?: 'smart' | 'none'; specIds?: () => Iterable<string> } = {},
) {
  const { annotate, typography = 'none', specIds } = options;
  const processor = unified()
    // Curly quotes, dashes (`--` en, `---` em) and ellipses in what readers see, never in code or
    // math; the data was taken before this step, so exports keep the author's characters.
    .use(typography === 'smart' ? [remarkTypography] : [])
    .use(remarkRehype, { allowDangerousHtml: true, passThrough: [] })
    .use(rehypeCodeBlocks, shikiConfig)
    .use(rehypeMath, katexOptions)
    // Every heading leaves this with an id, so Astro's own heading-id step would change nothing.
    .use(rehypeUniqueHeadingIds, { ...(specIds ? { specIds } : {}) })
    .use(annotate ? [annotate] : [])
    .use(rehypeStringify, { allowDangerousHtml: true });
  return async (tree: Root, file: VFile): Promise<string> => {
    const hast = await processor.run(tree, file);
    return processor.stringify(hast, file);
  };
}

/**
 * Front matter is not part of the spec body; it is blanked (newlines kept) so that positions in
 * messages still point at the author's line and column.
 */
export function blankFrontmatter(source: string): string {
  const match = frontmatter.exec(source);
  if (!match) return source;
  return match[0].replace(/[^\n]/g, '') + source.slice(match[0].length);
}

const frontmatter = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/;

/** The line the front matter of a source ends on (its closing `---`), or 0 without one. */
export function frontmatterEnd(source: string): number {
  const match = frontmatter.exec(source);
  return match ? match[0].replace(/\r?\n$/, '').split('\n').length : 0;
}
