import type { ImportContext } from './context.ts';

const footnote = /([ \t]*)\[\^([^\]\s]+)\]/g;
const fragmentLink = /\]\(#([^)\s]+)\)/g;

/**
 * Upstream cites eval prompts with footnote markers, `Model Spec[^8ep1]`, and ships the prompts as
 * `examples/8ep1.md`. The prompts are placed in the section that cites them, where the site shows
 * them as one collapsed line ("6 eval prompts"); the marker itself is dropped, so no link to them
 * sits inside the prose. A marker with no file stays as written (it is still a valid GFM footnote
 * reference or literal text) and is reported.
 */
export function convertFootnotes(text: string, context: ImportContext, line: number): string {
  return text.replace(footnote, (whole: string, space: string, name: string, offset: number, all: string) => {
    // `[^name]: text` at the start of a line is a footnote definition, not a marker (but
    // `…following[^name]:` mid-sentence is a marker).
    if (/^\s*$/.test(all.slice(0, offset)) && all[offset + whole.length] === ':') return whole;
    const target = context.firstPromptId.get(name);
    if (!target) {
      context.warn(line, `Footnote \`${whole.trim()}\` names no eval-prompt file (\`${name}.md\`); kept as written`);
      return whole;
    }
    context.citations.push({ name, line, section: context.section });
    // The space before a marker stays only where a word follows it.
    return /^[\p{L}\p{N}(]/u.test(all.slice(offset + whole.length)) ? space : '';
  });
}

/** Records `[…](#id)` links so dangling ones can be reported after the whole spec is read. */
export function collectReferences(text: string, context: ImportContext, line: number): void {
  for (const match of text.matchAll(fragmentLink)) context.references.push({ id: match[1]!, line, file: context.file });
}

/** Reports links whose target id is defined nowhere in the imported spec. */
export function checkReferences(context: ImportContext, known: ReadonlySet<string>): void {
  for (const reference of context.references) {
    if (known.has(reference.id)) continue;
    const previous = context.file;
    context.file = reference.file;
    context.warn(reference.line, `Link to \`#${reference.id}\` names no section or example; the build will report it as a dangling reference`);
    context.file = previous;
  }
}
