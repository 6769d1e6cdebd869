import type { Root } from 'mdast';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { report } from './rules.ts';
import { normalizeSource } from './source.ts';

/**
 * Deeper than this, lists and quotes are refused. No spec needs it, and the Markdown parser
 * slows down sharply with depth: 1,000 nested list levels take over a minute to parse.
 */
export const maxNestingDepth = 100;

const containerMarker = /(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]*/y;
const fence = /^[ \t]*(`{3,}|~{3,})/;
const directiveOpening = /^[ \t]*(:{3,})[A-Za-z]/;
const directiveClosing = /^[ \t]*(:{3,})[ \t]*$/;

/**
 * The first line whose list and quote markers nest deeper than `limit`, in one linear pass and
 * before parsing. Depth is estimated from the line's prefix: each marker is a level, and so is
 * every two columns of indentation before the first one. Lines in fenced code are skipped.
 */
export function findDeepNesting(
  source: string,
  limit = maxNestingDepth,
): { line: number; column: number; depth: number; kind: 'list' | 'directive' } | undefined {
  let openFence = '';
  // Fence lengths of the directive containers open at this line (the parser slows with them too).
  const directives: number[] = [];
  let line = 0;
  for (let start = 0; start <= source.length; line++) {
    let end = source.indexOf('\n', start);
    if (end < 0) end = source.length;
    const text = source.slice(start, end);
    start = end + 1;
    const fenceMatch = fence.exec(text);
    if (fenceMatch) {
      const marker = fenceMatch[1]!;
      if (!openFence) openFence = marker;
      else if (marker[0] === openFence[0] && marker.length >= openFence.length) openFence = '';
      continue;
    }
    if (openFence) continue;
    const opening = directiveOpening.exec(text);
    if (opening) {
      directives.push(opening[1]!.length);
      if (directives.length > limit) return { line: line + 1, column: 1, depth: directives.length, kind: 'directive' };
    } else {
      const closing = directiveClosing.exec(text);
      if (closing) {
        // Outer containers see the line first: it closes the outermost one it is long enough for,
        // and everything inside it.
        const length = closing[1]!.length;
        const index = directives.findIndex((open) => open <= length);
        if (index >= 0) directives.length = index;
      }
    }
    let indent = 0;
    let position = 0;
    for (; position < text.length && (text[position] === ' ' || text[position] === '\t'); position++) indent += text[position] === '\t' ? 4 : 1;
    let markers = 0;
    // Sticky matching from a moving index: slicing the rest of the line per marker is quadratic.
    containerMarker.lastIndex = position;
    for (let match = containerMarker.exec(text); match && match[0].length > 0; match = containerMarker.exec(text)) markers++;
    if (markers === 0) continue;
    const depth = markers + Math.floor(indent / 2);
    if (depth > limit) return { line: line + 1, column: 1, depth, kind: 'list' };
  }
  return undefined;
}

/**
 * More emphasis delimiter runs (`*`, `_`) or link openers (`[`) than this in one paragraph are
 * refused. The Markdown parser matches them against each other in quadratic time: 40,000 runs
 * of `_*` in a paragraph take it minutes. A real paragraph has a few dozen.
 */
export const maxDelimitersPerParagraph = 1000;

/**
 * Code spans: a backtick run with no closing run of its length makes the parser scan the rest of
 * the paragraph, so the cost is the number of distinct run lengths times the paragraph's length
 * (2,500 runs of lengths 1 to 2,500 in one paragraph did not parse in two minutes). A paragraph
 * past this product is refused; a real one is a few lengths times a few thousand characters.
 */
export const maxCodeSpanCost = 20_000_000;

/**
 * More cells than this in one table row are refused: 40,000 columns ran the build out of memory,
 * 20,000 took 2 GB. A table a reader can use has a few dozen.
 */
export const maxTableColumns = 1000;

/** Lines that start a new block (and so a new inline run): headings, list items, quotes, tables, directives. */
const blockStart = /^[ \t]*(?:#{1,6}(?:[ \t]|$)|[-*+][ \t]|\d{1,9}[.)][ \t]|>|\||:{2,})/;

/**
 * The first place where one paragraph holds more emphasis delimiter runs or link openers than
 * `limit`: one linear pass, before parsing. Paragraphs end at blank lines and at lines that
 * start a block; fenced code is skipped.
 */
export function findSlowInline(
  source: string,
  limit = maxDelimitersPerParagraph,
): { line: number; column: number; count: number; kind: 'emphasis' | 'link' | 'code' | 'table' } | undefined {
  let openFence = '';
  let runs = 0;
  let openers = 0;
  // Code spans of the paragraph: the lengths of its backtick runs, its length, its first run.
  let lengths = new Set<number>();
  let characters = 0;
  let firstTick: { line: number; column: number } | undefined;
  const costly = () => lengths.size * characters > maxCodeSpanCost;
  const newParagraph = () => {
    runs = openers = characters = 0;
    lengths = new Set();
    firstTick = undefined;
  };
  let line = 0;
  for (let start = 0; start <= source.length; line++) {
    let end = source.indexOf('\n', start);
    if (end < 0) end = source.length;
    const text = source.slice(start, end);
    start = end + 1;
    const fenceMatch = fence.exec(text);
    if (fenceMatch) {
      const marker = fenceMatch[1]!;
      if (!openFence) openFence = marker;
      else if (marker[0] === openFence[0] && marker.length >= openFence.length) openFence = '';
      if (costly()) return { ...firstTick!, count: lengths.size, kind: 'code' };
      newParagraph();
      continue;
    }
    if (openFence) continue;
    if (!text.trim() || blockStart.test(text)) {
      if (costly()) return { ...firstTick!, count: lengths.size, kind: 'code' };
      newParagraph();
    }
    characters += text.length + 1;
    let cells = 0;
    for (let column = 0; column < text.length; column++) {
      const char = text[column];
      if ((char === '*' || char === '_') && text[column - 1] !== char) {
        if (++runs > limit) return { line: line + 1, column: column + 1, count: runs, kind: 'emphasis' };
      } else if (char === '[') {
        if (++openers > limit) return { line: line + 1, column: column + 1, count: openers, kind: 'link' };
      } else if (char === '|') {
        if (++cells > maxTableColumns) return { line: line + 1, column: column + 1, count: cells, kind: 'table' };
      } else if (char === '`' && text[column - 1] !== '`') {
        let run = 1;
        while (text[column + run] === '`') run++;
        lengths.add(run);
        firstTick ??= { line: line + 1, column: column + 1 };
      }
    }
  }
  if (costly()) return { ...firstTick!, count: lengths.size, kind: 'code' };
  return undefined;
}

/** What each kind of slow markup is, and how an author gets out of it. */
const slowMarkup = {
  emphasis: () =>
    `run of emphasis markers (\`*\`, \`_\`): more than ${maxDelimitersPerParagraph} in one paragraph, expected at most ${maxDelimitersPerParagraph} (the Markdown parser slows down quadratically on them; escape them as \\* or put them in a code block`,
  link: () =>
    `run of \`[\`: more than ${maxDelimitersPerParagraph} in one paragraph, expected at most ${maxDelimitersPerParagraph} (the Markdown parser slows down quadratically on them; escape them as \\[ or put them in a code block`,
  code: (count: number) =>
    `paragraph of code spans: backtick runs of ${count} different lengths in one long paragraph, expected code spans whose backticks pair up (the Markdown parser slows down quadratically on runs it cannot close; escape stray backticks as \\\` or put the text in a code block`,
  table: () =>
    `table row of more than ${maxTableColumns} cells, expected at most ${maxTableColumns} (wide tables exhaust the Markdown parser's memory; split the table, or escape \`|\` as \\|`,
};

/**
 * Wraps a processor's parser so the source is normalised (`normalizeSource`) and a file nested
 * past the limit is reported (`malformed-nesting`, at the line) instead of parsed: it is kept whole as a literal block, so nothing is lost and
 * nothing runs, and parsing takes linear time. The spec plugin applies this to its processor.
 */
export function guardParser(processor: Processor | undefined): void {
  const parse = processor?.parser as ((document: string, file: VFile) => Root) | undefined;
  if (!processor || typeof parse !== 'function' || (parse as { specGuarded?: boolean }).specGuarded) return;
  const guarded = (written: string, file: VFile): Root => {
    // One form of the text for the parser and the plugin: slices and positions agree.
    const document = normalizeSource(written);
    if (document !== written) file.value = document;
    const deep = findDeepNesting(document);
    const slow = deep ? undefined : findSlowInline(document);
    if (slow) {
      const place = { start: { line: slow.line, column: slow.column }, end: { line: slow.line, column: slow.column } };
      report(file, 'pathological-markup', `Unexpected ${slowMarkup[slow.kind](slow.count)}; the file is shown as plain text until this is fixed)`, {
        type: 'x',
        position: place,
      });
      return literal(document);
    }
    if (!deep) return parse(document, file);
    const place = { start: { line: deep.line, column: deep.column }, end: { line: deep.line, column: deep.column } };
    report(
      file,
      'malformed-nesting',
      `Unexpected ${deep.kind === 'list' ? 'list or quote' : 'directive containers'} nested ${deep.depth} levels deep, expected at most ${maxNestingDepth} levels (${deep.kind === 'list' ? '' : 'close each container with its own line of colons; '}the file is shown as plain text until this is fixed)`,
      { type: 'x', position: place },
    );
    return literal(document);
  };
  processor.parser = Object.assign(guarded, { specGuarded: true }) as typeof processor.parser;
}

/** The whole file kept as a literal block: nothing lost, nothing run, parsed in linear time. */
function literal(document: string): Root {
  return { type: 'root', children: [{ type: 'code', value: document, data: { hProperties: { className: ['ms-literal'] } } }] };
}
