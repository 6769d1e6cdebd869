import type { ImportContext, SourceLine } from './context.ts';
import { escapeDirectiveLine, fenceOpen, isFenceClose, looksLikeDirective, outsideCode, type Fence } from './markdown.ts';
import { convertInlineMath, displayFence, isDisplayMathClose, isDisplayMathOpen, unescapeMarkdown } from './math.ts';
import { collectReferences, convertFootnotes } from './references.ts';

export interface TextOptions {
  /** Turn `[^name]` markers into links to eval prompts (prose and commentary, not messages). */
  footnotes: boolean;
  /** Where the text is, for warnings (`message`, `prose`). */
  where: string;
}

/**
 * Rewrites Markdown text line by line, leaving fenced code and code spans alone: math to `$$…$$`,
 * footnote markers to links, and lines that our parser would read as directives escaped.
 */
export function convertText(lines: readonly SourceLine[], context: ImportContext, options: TextOptions): string[] {
  const out: string[] = [];
  let fence: Fence | null = null;
  for (let index = 0; index < lines.length; index++) {
    const { text, line } = lines[index]!;
    if (fence) {
      out.push(text);
      if (isFenceClose(text, fence)) fence = null;
      continue;
    }
    const opening = fenceOpen(text);
    if (opening) {
      fence = opening;
      out.push(text);
      continue;
    }
    if (isDisplayMathOpen(text)) {
      const close = findDisplayClose(lines, index + 1);
      if (close === -1) {
        context.warn(line, 'Display math `\\\\[` without a closing `\\\\]` line; kept as written');
        out.push(text);
        continue;
      }
      out.push(displayFence(text));
      for (let inner = index + 1; inner < close; inner++) out.push(unescapeMarkdown(lines[inner]!.text));
      out.push(displayFence(lines[close]!.text));
      context.counters.displayMath++;
      index = close;
      continue;
    }
    out.push(convertLine(text, line, context, options));
  }
  return out;
}

function findDisplayClose(lines: readonly SourceLine[], from: number): number {
  for (let index = from; index < lines.length; index++) {
    const text = lines[index]!.text;
    if (isDisplayMathClose(text)) return index;
    if (fenceOpen(text) || isDisplayMathOpen(text)) return -1;
  }
  return -1;
}

function convertLine(text: string, line: number, context: ImportContext, options: TextOptions): string {
  let result = text;
  if (looksLikeDirective(result)) {
    result = escapeDirectiveLine(result);
    context.warn(line, `Line in ${options.where} starts like a directive; wrote \`${result.trim()}\` so it stays text`);
  }
  return outsideCode(result, (part) => {
    if (options.where !== 'message' && part.includes('<!--'))
      context.warn(line, `HTML comment in ${options.where} is shown as text in our format (upstream hides it)`);
    let converted = convertInlineMath(part, context, line);
    if (options.footnotes) converted = convertFootnotes(converted, context, line);
    return collectReferences(converted, context, line);
  });
}
