import type { ImportContext } from './context.ts';

/**
 * Upstream math is MathJax over the rendered Markdown: `\\( … \\)` inline and `\\[` … `\\]`
 * display (the doubled backslash is a Markdown escape), sometimes `$…$`. Our format has only
 * `$$…$$`, whose content is raw TeX, so the Markdown escapes inside are undone (`\\frac` → `\frac`),
 * giving exactly the TeX MathJax saw.
 */

/** CommonMark backslash escapes (`\` before ASCII punctuation) resolved, as the renderer would. */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** `\...` or `...` between delimiters is prose talking about the syntax, not math. */
function isPlaceholder(tex: string): boolean {
  return /^(\\?\.\.\.|\\?…)$/.test(tex.trim());
}

const inlineParen = /(?<!\\)\\\\\(([\s\S]*?)(?<!\\)\\\\\)/g;
const inlineBracket = /(?<!\\)\\\\\[([\s\S]*?)(?<!\\)\\\\\]/g;
/** `$tex$`: opening `$` before a non-space non-digit, closing `$` after a non-space and not before a digit (so prices stay prices). */
const dollar = /(?<![\\$\w])\$(?![\s\d$])([^$\n]*?[^\s\\$])\$(?![\d$])/g;

/** Converts the inline math in a piece of text outside code spans. */
export function convertInlineMath(text: string, context: ImportContext, line: number): string {
  const toMath = (whole: string, tex: string): string => {
    if (isPlaceholder(tex)) {
      context.warn(line, `Kept \`${whole}\` as text: it names the math delimiters rather than holding math`);
      return whole;
    }
    context.counters.inlineMath++;
    return `$$${unescapeMarkdown(tex).trim()}$$`;
  };
  let result = text.replace(inlineParen, toMath).replace(inlineBracket, toMath);
  result = result.replace(dollar, (whole: string, tex: string) => {
    context.counters.inlineMath++;
    context.warn(line, `Read \`${whole}\` as math (single-dollar TeX) and wrote it as \`$$${tex}$$\`; check it is not a price`);
    return `$$${tex}$$`;
  });
  return result;
}

export function isDisplayMathOpen(text: string): boolean {
  return /^\s*\\\\\[\s*$/.test(text);
}

export function isDisplayMathClose(text: string): boolean {
  return /^\s*\\\\\]\s*$/.test(text);
}

/** The `$$` line that replaces a `\\[` / `\\]` line, keeping its indentation. */
export function displayFence(text: string): string {
  return text.replace(/\\\\[[\]]\s*$/, '$$$$').replace(/\s+$/, '');
}
