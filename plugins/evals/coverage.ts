import type { SpecModel } from '../model/index.ts';

/** How far a section is covered by the spec's own examples and eval prompts (no results needed). */
export interface SectionCoverage {
  id: string;
  title: string;
  depth: number;
  chapter: string;
  authority: string | null;
  /** Graded examples and eval prompts written directly in the section. */
  examples: number;
  prompts: number;
  /** The same, counting every subsection. */
  subtreeExamples: number;
  subtreePrompts: number;
}

/** Every section in spec order with its examples and prompts, own and in its subtree. */
export function coverage(model: SpecModel): SectionCoverage[] {
  const list: SectionCoverage[] = [];
  const byId = new Map<string, SectionCoverage>();
  for (const chapter of model.chapters) {
    for (const section of chapter.data.sections) {
      const entry: SectionCoverage = {
        id: section.id,
        title: section.title,
        depth: section.depth,
        chapter: chapter.slug,
        authority: section.authority,
        examples: 0,
        prompts: 0,
        subtreeExamples: 0,
        subtreePrompts: 0,
      };
      list.push(entry);
      byId.set(section.id, entry);
    }
  }
  for (const { example } of model.examples.values()) {
    const own = example.section ? byId.get(example.section) : undefined;
    if (!own) continue;
    if (example.kind === 'prompt') own.prompts++;
    else own.examples++;
    for (let id: string | null = example.section, depth = 0; id && depth < 64; depth++) {
      const entry = byId.get(id);
      if (!entry) break;
      if (example.kind === 'prompt') entry.subtreePrompts++;
      else entry.subtreeExamples++;
      id = model.sections.get(id)?.section.parent ?? null;
    }
  }
  return list;
}
