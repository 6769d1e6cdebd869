import type { SpecData } from './load.ts';

export type SectionData = SpecData['sections'][number];
export type ExampleData = SpecData['examples'][string];

/** One version's data by id, built once per comparison. */
export interface SpecIndex {
  chapters: Map<string, SpecData['chapters'][number]>;
  sections: Map<string, SectionData>;
  examples: Map<string, ExampleData>;
  /** Old id (from `oldids`) → the section id it stands for now. */
  aliases: Map<string, string>;
}

export function indexSpec(spec: SpecData): SpecIndex {
  return {
    chapters: new Map(spec.chapters.map((chapter) => [chapter.slug, chapter])),
    sections: new Map(spec.sections.map((section) => [section.id, section])),
    examples: new Map(Object.entries(spec.examples)),
    aliases: new Map(spec.sections.flatMap((section) => section.oldIds.map((oldId) => [oldId, section.id] as const))),
  };
}
