import type { SpecExample } from '../remark-spec/index.ts';
import type { Chapter, ExampleCounts, SpecModel } from './model.ts';

/** Graded examples and eval prompts, counted apart: they are different things to a reader. */
export function countExamples(examples: Iterable<Pick<SpecExample, 'kind'>>): ExampleCounts {
  const counts: ExampleCounts = { examples: 0, prompts: 0 };
  for (const example of examples) counts[example.kind === 'prompt' ? 'prompts' : 'examples']++;
  return counts;
}

/**
 * The by-id indexes of a model and its counts, from its chapters. Every model goes through here:
 * the loaded one, the same one served under another prefix, and the one the pages read back.
 */
export function indexChapters(chapters: readonly Chapter[]): Pick<SpecModel, 'sections' | 'examples' | 'counts'> {
  const sections: SpecModel['sections'] = new Map();
  const examples: SpecModel['examples'] = new Map();
  for (const chapter of chapters) {
    // Every id, generated ones included, was checked for duplicates while indexing; the first wins.
    for (const example of chapter.data.examples) if (!examples.has(example.id)) examples.set(example.id, { example, chapter });
  }
  for (const chapter of chapters) {
    for (const section of chapter.data.sections) {
      const counts = countExamples(section.examples.flatMap((id) => examples.get(id)?.example ?? []));
      sections.set(section.id, { section, chapter, counts });
    }
  }
  return { sections, examples, counts: countExamples([...examples.values()].map((entry) => entry.example)) };
}
