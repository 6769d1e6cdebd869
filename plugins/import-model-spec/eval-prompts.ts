import { tokenize } from './blocks.ts';
import { toLines, type ImportContext } from './context.ts';
import { idPattern, slugify } from './ids.ts';
import { renderBlocks, type ExampleNaming } from './render.ts';

/**
 * Upstream ships eval prompts as `examples/abcd.md`, one file per footnote `[^abcd]`:
 *
 *     Examples for [^abcd] in Section title:
 *
 *     **Example**: title
 *
 *     ~~~xml
 *     <user>…</user>
 *     ~~~
 *
 * Each conversation becomes `::::prompt[title]{#prompt_abcd_1 group=abcd}`; the header line is
 * dropped (the prompts are placed in the section that cites the footnote, which it names).
 */
export interface EvalPromptGroup {
  /** The footnote name (`abcd`). */
  name: string;
  /** The file as named in warnings (`examples/abcd.md`). */
  file: string;
  /** The section title the header line names, or null without a header. */
  sectionTitle: string | null;
  /** The prompts in our format, blank-line separated. */
  lines: string[];
  ids: string[];
}

const header = /^\s*Examples for \[\^([^\]]+)\] in (.+?):?\s*$/;

/** The id stem for a footnote name: the name itself when it is a valid id, else its slug. */
export function promptIdStem(name: string): string {
  return `prompt_${idPattern.test(name) ? name : slugify(name, 32) || 'group'}`;
}

export function convertEvalPrompts(name: string, content: string, context: ImportContext, file: string): EvalPromptGroup {
  const previousFile = context.file;
  context.file = file;
  const lines = toLines(content);
  let sectionTitle: string | null = null;
  const first = lines.findIndex((line) => line.text.trim() !== '');
  const match = first >= 0 ? header.exec(lines[first]!.text) : null;
  if (match) {
    sectionTitle = match[2]!.trim();
    if (match[1] !== name) context.warn(lines[first]!.line, `Header names \`[^${match[1]}]\` but the file is \`${name}.md\`; the file name wins`);
    lines.splice(first, 1);
  } else {
    context.warn(first >= 0 ? lines[first]!.line : 1, 'No `Examples for [^name] in Section:` header line');
  }

  const blocks = tokenize(lines, context, { headings: false });
  for (const block of blocks) {
    if (block.type === 'text' && block.lines.some((line) => line.text.trim() !== '')) {
      const line = block.lines.find((entry) => entry.text.trim() !== '')!;
      context.warn(line.line, `Text outside the prompts (\`${line.text.trim().slice(0, 60)}\`); kept as text among them`);
    }
  }

  const stem = promptIdStem(name);
  let count = 0;
  const naming: ExampleNaming = () => ({ kind: 'prompt', id: `${stem}_${++count}`, attributes: [['group', name]] });
  const written: Array<{ id: string; kind: 'example' | 'prompt' }> = [];
  const rendered = renderBlocks(blocks, context, naming, written);
  const ids = written.map((entry) => entry.id);
  if (ids.length === 0) context.warn(1, 'No prompts found in this file');
  context.file = previousFile;
  return { name, file, sectionTitle, lines: collapseBlankLines(rendered), ids };
}

export function collapseBlankLines(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    if (line.trim() === '' && (out.length === 0 || out[out.length - 1]!.trim() === '')) continue;
    out.push(line.trim() === '' ? '' : line);
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}
