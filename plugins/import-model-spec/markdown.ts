/** Small line-level Markdown helpers: fences, code spans, directive fences, labels, attributes. */

export interface Fence {
  indent: number;
  char: '`' | '~';
  length: number;
  info: string;
}

/** A code fence opening (``` or ~~~, any indentation: fences also sit in list items). */
export function fenceOpen(text: string): Fence | null {
  const match = /^(\s*)(`{3,}|~{3,})(.*)$/.exec(text);
  if (!match) return null;
  const char = match[2]![0] as '`' | '~';
  const info = match[3]!.trim();
  if (char === '`' && info.includes('`')) return null;
  return { indent: match[1]!.length, char, length: match[2]!.length, info };
}

export function isFenceClose(text: string, fence: Fence): boolean {
  const match = /^\s*(`{3,}|~{3,})\s*$/.exec(text);
  return !!match && match[1]![0] === fence.char && match[1]!.length >= fence.length;
}

/** Segments of one line, code spans apart, so rewrites never touch `inline code`. */
export function splitCodeSpans(line: string): Array<{ code: boolean; text: string }> {
  const parts: Array<{ code: boolean; text: string }> = [];
  let rest = line;
  let text = '';
  while (rest.length > 0) {
    const open = /(?<!\\)`+/.exec(rest);
    if (!open) break;
    const ticks = open[0];
    const after = rest.slice(open.index + ticks.length);
    const close = new RegExp(`(?<!\`)${ticks}(?!\`)`).exec(after);
    if (!close) {
      text += rest.slice(0, open.index + ticks.length);
      rest = after;
      continue;
    }
    text += rest.slice(0, open.index);
    if (text) parts.push({ code: false, text });
    text = '';
    parts.push({ code: true, text: ticks + after.slice(0, close.index) + ticks });
    rest = after.slice(close.index + ticks.length);
  }
  text += rest;
  if (text) parts.push({ code: false, text });
  return parts;
}

/** Applies `rewrite` to the parts of a line outside code spans. */
export function outsideCode(line: string, rewrite: (text: string) => string): string {
  return splitCodeSpans(line)
    .map((part) => (part.code ? part.text : rewrite(part.text)))
    .join('');
}

/**
 * A line that remark-directive would read as a directive (`::name`, `:::name`) is given a
 * backslash before its colons: `\:::note` shows `:::note` and opens nothing.
 */
export function escapeDirectiveLine(text: string): string {
  return text.replace(/^(\s*)(:{2,}[A-Za-z])/, '$1\\$2');
}

export function looksLikeDirective(text: string): boolean {
  return /^\s*:{2,}[A-Za-z]/.test(text);
}

/** The longest run of colons that starts a line (a container closes on a run at least as long as its opening). */
export function longestColonRun(lines: readonly string[]): number {
  let longest = 0;
  for (const line of lines) {
    const match = /^\s*(:+)/.exec(line);
    if (match) longest = Math.max(longest, match[1]!.length);
  }
  return longest;
}

/** Colons for a container whose body is `body`: at least `minimum`, and more than any colon line inside. */
export function fenceColons(body: readonly string[], minimum = 3): number {
  return Math.max(minimum, longestColonRun(body) + 1);
}

/** A directive label (`[…]`): one line, brackets balanced (unbalanced ones escaped). */
export function escapeLabel(text: string): string {
  const single = text.replace(/\s*\n\s*/g, ' ').trim();
  const chars = [...single];
  const unmatched = new Set<number>();
  const stack: number[] = [];
  chars.forEach((char, index) => {
    if (index > 0 && chars[index - 1] === '\\') return;
    if (char === '[') stack.push(index);
    else if (char === ']') {
      if (stack.length > 0) stack.pop();
      else unmatched.add(index);
    }
  });
  for (const index of stack) unmatched.add(index);
  return chars.map((char, index) => (unmatched.has(index) ? '\\' + char : char)).join('');
}

/** `{#id key=value other="with spaces"}` (empty string when there is nothing to write). */
export function formatAttributes(id: string | null, attributes: ReadonlyArray<readonly [string, string]>): string {
  const parts: string[] = [];
  if (id) parts.push('#' + id);
  for (const [key, value] of attributes) parts.push(`${key}=${quoteAttribute(value)}`);
  return parts.length > 0 ? `{${parts.join(' ')}}` : '';
}

function quoteAttribute(value: string): string {
  if (/^[A-Za-z0-9_.\-/]+$/.test(value)) return value;
  if (!value.includes('"')) return `"${value}"`;
  if (!value.includes("'")) return `'${value}'`;
  return `"${value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`;
}

/** Removes `count` columns of leading whitespace (tabs count as four), leaving shorter lines blank-trimmed. */
export function dedent(text: string, count: number): string {
  let column = 0;
  let index = 0;
  while (index < text.length && column < count) {
    const char = text[index]!;
    if (char === ' ') column += 1;
    else if (char === '\t') column += 4 - (column % 4);
    else break;
    index++;
  }
  const extra = column > count ? ' '.repeat(column - count) : '';
  return extra + text.slice(index);
}

export function indentation(text: string): number {
  let column = 0;
  for (const char of text) {
    if (char === ' ') column += 1;
    else if (char === '\t') column += 4 - (column % 4);
    else break;
  }
  return column;
}

export function isBlank(text: string): boolean {
  return text.trim() === '';
}

/** Drops blank lines at both ends. */
export function trimBlankLines<T extends { text: string }>(lines: T[]): T[] {
  let start = 0;
  let end = lines.length;
  while (start < end && isBlank(lines[start]!.text)) start++;
  while (end > start && isBlank(lines[end - 1]!.text)) end--;
  return lines.slice(start, end);
}
