import { outsideCode } from './markdown.ts';
import type { ImportContext } from './context.ts';

const footnote = /([ \t]*)\[\^([^\]\s]+)\]/g;
const fragmentLink = /\]\(#([^)\s]+)\)/g;

/**
 * Upstream cites eval prompts with footnote markers, `Model Spec[^8ep1]`, and ships the prompts as
 * `examples/8ep1.md`. The prompts are placed in the section that cites them, where the site shows
 * them as one collapsed line ("6 eval prompts"); the marker itself is dropped, so no link to them
 * sits inside the prose. A marker with no file stays as written (it is still a valid GFM footnote
 * reference or literal text) and is reported. A marker whose chapter also has a definition
 * `[^8ep1]: text` is a real footnote: it stays (GFM drops definitions nobody cites, so dropping
 * the marker would lose the text), and its prompts are still placed.
 */
export function convertFootnotes(text: string, context: ImportContext, line: number): string {
  return text.replace(footnote, (whole: string, space: string, name: string, offset: number, all: string) => {
    // `[^name]: text` at the start of a line is a footnote definition, not a marker (but
    // `…following[^name]:` mid-sentence is a marker).
    if (isDefinitionAt(all, offset, whole)) {
      if (context.footnoteCited(name) !== false) return whole;
      // GFM would silently drop a definition no marker of its page cites: show it as text instead.
      context.warn(line, `Footnote definition \`[^${name}]:\` is cited by no marker in its chapter; kept as text (\`\\[^${name}]:\`) so it is not dropped`);
      return `${space}\\[^${name}]`;
    }
    const defined = context.footnoteDefined(name);
    const target = context.firstPromptId.get(name);
    if (!target) {
      if (!defined) context.warn(line, `Footnote \`${whole.trim()}\` names no eval-prompt file (\`${name}.md\`); kept as written`);
      return whole;
    }
    context.citations.push({ name, line, section: context.section });
    if (defined) return whole;
    // The space before a marker stays only where a word follows it.
    return /^[\p{L}\p{N}(]/u.test(all.slice(offset + whole.length)) ? space : '';
  });
}

const isDefinitionAt = (all: string, offset: number, whole: string) => /^\s*$/.test(all.slice(0, offset)) && all[offset + whole.length] === ':';

/** The footnote markers and definitions of one line of text (code spans excluded). */
export function scanFootnotes(text: string): { markers: string[]; definitions: string[] } {
  const markers: string[] = [];
  const definitions: string[] = [];
  outsideCode(text, (part) => {
    for (const match of part.matchAll(footnote)) {
      (isDefinitionAt(part, match.index, match[0]) ? definitions : markers).push(match[2]!);
    }
    return part;
  });
  return { markers, definitions };
}

/**
 * Records `[…](#id)` links so dangling ones can be reported after the whole spec is read, and
 * points links to an id the import renamed at its new name. Returns the text with those links.
 */
export function collectReferences(text: string, context: ImportContext, line: number): string {
  return text.replace(fragmentLink, (whole: string, id: string) => {
    // A renamed section, or an example whose positional id went to the content it was published for.
    const target = context.renamedIds.get(id) ?? context.keptIds.get(id) ?? id;
    context.references.push({ id: target, line, file: context.file });
    return target === id ? whole : `](#${target})`;
  });
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
