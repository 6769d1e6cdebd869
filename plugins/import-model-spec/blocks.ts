import type { ImportContext, SourceLine } from './context.ts';
import { parseHeading, type Heading } from './headings.ts';
import { dedent, fenceOpen, indentation, isBlank, isFenceClose, type Fence } from './markdown.ts';

/** The upstream constructs the importer understands, found fence-aware in document order. */
export type Block =
  | { type: 'heading'; line: number; heading: Heading }
  | { type: 'code'; lines: SourceLine[] }
  | {
      type: 'example';
      line: number;
      indent: number;
      title: string | null;
      description: SourceLine[];
      body: SourceLine[];
    }
  | { type: 'admonition'; line: number; indent: number; kind: string; title: string | null; body: Block[] }
  | { type: 'text'; lines: SourceLine[] };

export interface TokenizeOptions {
  /** Headings split sections (top level only; inside commentary they are plain text). */
  headings: boolean;
}

const exampleTitle = /^(\s*)\*\*Example(?:\*\*\s*:|:\*\*|\*\*)\s*(.*)$/;
const admonition = /^(\s*)(?:!!!|\?\?\?\+?)\s+([\w-]+)(?:\s+"([^"]*)")?\s*$/;
const listItem = /^\s*(?:[-*+]|\d+[.)])\s/;

function isXmlFence(fence: Fence): boolean {
  return fence.info.split(/\s+/)[0]?.toLowerCase() === 'xml';
}

/** Splits lines into headings, code, examples, admonitions and runs of ordinary text. */
export function tokenize(lines: readonly SourceLine[], context: ImportContext, options: TokenizeOptions): Block[] {
  const blocks: Block[] = [];
  let text: SourceLine[] = [];
  const flush = () => {
    if (text.length > 0) blocks.push({ type: 'text', lines: text });
    text = [];
  };

  for (let index = 0; index < lines.length; index++) {
    const current = lines[index]!;

    if (options.headings) {
      const heading = parseHeading(current.text);
      if (heading) {
        flush();
        blocks.push({ type: 'heading', line: current.line, heading });
        continue;
      }
      const setext = /^ {0,3}(=+|-{2,})\s*$/.exec(current.text);
      const previous = text[text.length - 1];
      if (setext && previous && !isBlank(previous.text) && indentation(previous.text) <= 3 && !inListOrQuote(text) && !/^\s*\|/.test(previous.text)) {
        text.pop();
        flush();
        const depth = setext[1]!.startsWith('=') ? 1 : 2;
        context.warn(previous.line, `Setext heading (underlined with \`${setext[1]![0]}\`) read as a level-${depth} heading`);
        blocks.push({
          type: 'heading',
          line: previous.line,
          heading: { depth, title: previous.text.trim(), id: null, authority: null, tags: null, unknown: [] },
        });
        continue;
      }
    }

    const note = admonition.exec(current.text);
    if (note) {
      flush();
      const indent = indentation(note[1]!);
      const body: SourceLine[] = [];
      let end = index + 1;
      while (end < lines.length && (isBlank(lines[end]!.text) || indentation(lines[end]!.text) >= indent + 4)) {
        body.push({ text: isBlank(lines[end]!.text) ? '' : dedent(lines[end]!.text, indent + 4), line: lines[end]!.line });
        end++;
      }
      while (body.length > 0 && isBlank(body[body.length - 1]!.text)) {
        body.pop();
        end--;
      }
      blocks.push({
        type: 'admonition',
        line: current.line,
        indent,
        kind: note[2]!,
        title: note[3] ?? null,
        body: tokenize(body, context, { headings: false }),
      });
      index = end - 1;
      continue;
    }

    const title = exampleTitle.exec(current.text);
    if (title) {
      const found = findExampleFence(lines, index + 1, indentation(title[1]!));
      if (found) {
        flush();
        const fenceLine = lines[found.fenceIndex]!;
        const fence = fenceOpen(fenceLine.text)!;
        const { body, end } = readFence(lines, found.fenceIndex, fence, context);
        blocks.push({
          type: 'example',
          line: current.line,
          indent: indentation(title[1]!),
          title: title[2]!.trim() || null,
          description: found.description,
          body,
        });
        if (!title[2]!.trim()) context.warn(current.line, 'Example without a title; titled "Untitled example"');
        index = end;
        continue;
      }
      context.warn(current.line, '`**Example**` line not followed by a `~~~xml` conversation; kept as text');
    }

    const fence = fenceOpen(current.text);
    if (fence) {
      flush();
      if (isXmlFence(fence)) {
        const { body, end } = readFence(lines, index, fence, context);
        context.warn(current.line, '`~~~xml` conversation without an `**Example**:` title line; titled "Untitled example"');
        blocks.push({ type: 'example', line: current.line, indent: fence.indent, title: null, description: [], body });
        index = end;
        continue;
      }
      const code: SourceLine[] = [current];
      let end = index + 1;
      while (end < lines.length && !isFenceClose(lines[end]!.text, fence)) code.push(lines[end++]!);
      if (end < lines.length) code.push(lines[end]!);
      else context.warn(current.line, 'Code fence is not closed; it runs to the end of the file (as upstream)');
      blocks.push({ type: 'code', lines: code });
      index = end;
      continue;
    }

    text.push(current);
  }
  flush();
  return blocks;
}

/**
 * Whether the paragraph the last lines of `text` form belongs to a list item or a blockquote: an
 * underline below it is then a thematic break, not a setext heading (CommonMark: an underline
 * cannot be a lazy continuation line), also below a continuation line (`- item\n  more\n---`).
 */
function inListOrQuote(text: readonly SourceLine[]): boolean {
  for (let index = text.length - 1; index >= 0 && !isBlank(text[index]!.text); index--) {
    if (listItem.test(text[index]!.text) || /^\s*>/.test(text[index]!.text)) return true;
  }
  return false;
}

/**
 * YAML front matter at the very start (`---`, `key: value` lines, `---` or `...`): metadata, not
 * text. Returns the number of lines it takes and its top-level keys, or null when there is none.
 */
export function frontMatter(lines: readonly SourceLine[]): { length: number; keys: string[] } | null {
  if (lines.length === 0 || !/^---\s*$/.test(lines[0]!.text)) return null;
  const keys: string[] = [];
  for (let index = 1; index < lines.length; index++) {
    const { text } = lines[index]!;
    if (/^(?:---|\.\.\.)\s*$/.test(text)) return keys.length > 0 ? { length: index + 1, keys } : null;
    const key = /^([A-Za-z_][\w.-]*)\s*:(?:\s|$)/.exec(text);
    if (key) keys.push(key[1]!);
    // Anything but keys, nested lines, list items and comments: a thematic break, not metadata.
    else if (!isBlank(text) && !/^(?:\s+\S|-\s|#)/.test(text)) return null;
  }
  return null;
}

/**
 * From an `**Example**:` line, the `~~~xml` fence it titles: only blank lines may sit between them
 * (upstream always writes them so). Anything else leaves the title as text, with a warning, and a
 * later fence becomes an untitled example, also reported: nothing is guessed.
 */
function findExampleFence(lines: readonly SourceLine[], from: number, indent: number): { fenceIndex: number; description: SourceLine[] } | null {
  for (let index = from; index < lines.length; index++) {
    const { text } = lines[index]!;
    if (isBlank(text)) continue;
    const fence = fenceOpen(text);
    if (fence && isXmlFence(fence) && Math.abs(fence.indent - indent) <= 3) return { fenceIndex: index, description: [] };
    return null;
  }
  return null;
}

function readFence(lines: readonly SourceLine[], start: number, fence: Fence, context: ImportContext): { body: SourceLine[]; end: number } {
  const body: SourceLine[] = [];
  let end = start + 1;
  while (end < lines.length && !isFenceClose(lines[end]!.text, fence)) {
    body.push({ text: dedent(lines[end]!.text, fence.indent), line: lines[end]!.line });
    end++;
  }
  if (end >= lines.length) context.warn(lines[start]!.line, 'Example fence is not closed; it runs to the end of the file');
  return { body, end };
}
