import type { ContainerDirective } from 'mdast-util-directive';
import type { Node } from 'unist';
import type { Context } from './context.ts';
import { report } from './rules.ts';

/** One line of a `:::settings` block as written: a setting, or a line that is not one. */
export type SettingsLine = { kind: 'setting'; key: string; value: string; repeated: boolean } | { kind: 'unparsed'; text: string };

/**
 * Reads the `key: value` lines of a `:::settings` block from the source (not the rendered text,
 * so `*`, `_` and links stay as written). Lines that are not `key: value` and repeated keys are
 * reported; every line is returned so the page shows all of them. The first value of a key wins.
 * The object has no prototype, so a key such as `__proto__` is an ordinary key.
 */
export function readSettings(blocks: readonly ContainerDirective[], context: Context): { settings: Record<string, string>; lines: SettingsLine[][] } {
  const settings: Record<string, string> = Object.create(null);
  const firstLine = new Map<string, number>();
  return { settings, lines: blocks.map((block) => readBlock(block, settings, firstLine, context)) };
}

function readBlock(block: ContainerDirective, settings: Record<string, string>, firstLine: Map<string, number>, context: Context): SettingsLine[] {
  const lines: SettingsLine[] = [];
  for (const { text, line, column } of bodyLines(block, context)) {
    const trimmed = text.trim();
    if (!trimmed) continue;
    const colon = trimmed.indexOf(':');
    const key = colon > 0 ? trimmed.slice(0, colon).trimEnd() : '';
    const at = place(line, column + (text.length - text.trimStart().length));
    if (!key) {
      report(context.file, 'malformed-settings', `Unexpected settings line \`${clip(trimmed)}\`, expected \`key: value\``, at);
      lines.push({ kind: 'unparsed', text: trimmed });
      continue;
    }
    const value = trimmed.slice(colon + 1).trim();
    const first = firstLine.get(key);
    if (first !== undefined) {
      report(context.file, 'malformed-settings', `Unexpected repeated setting \`${clip(key)}\` (first set at line ${first}), expected each key once`, at);
      lines.push({ kind: 'setting', key, value, repeated: true });
      continue;
    }
    firstLine.set(key, line);
    settings[key] = value;
    lines.push({ kind: 'setting', key, value, repeated: false });
  }
  return lines;
}

/** The block's lines between its fences, each without the indentation its first child has. */
function bodyLines(block: ContainerDirective, context: Context): Array<{ text: string; line: number; column: number }> {
  const result: Array<{ text: string; line: number; column: number }> = [];
  for (const child of block.children) {
    const start = child.position?.start;
    const end = child.position?.end;
    if (!start || !end) continue;
    const indent = start.column - 1;
    for (let line = start.line; line <= end.line; line++) {
      const raw = context.lines[line - 1] ?? '';
      // The first line starts at the child; later ones drop the same container prefix.
      const cut = line === start.line ? indent : Math.min(indent, raw.length - raw.trimStart().length);
      result.push({ text: raw.slice(cut), line, column: cut + 1 });
    }
  }
  return result;
}

function place(line: number, column: number): Node {
  return { type: 'x', position: { start: { line, column }, end: { line, column } } } as Node;
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}
