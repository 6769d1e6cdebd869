import type { SpecExample } from '../remark-spec/types.ts';
import type { LoadedSpec } from './loader.ts';

export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

const gradeLabels = { compliant: 'Compliant', violating: 'Violating', ok: 'OK' } as const;

/** The search index as a view of the data: a record per section and per example. */
export function searchRecords(spec: LoadedSpec): SearchRecord[] {
  const label = (name: string | null) =>
    name ? (spec.config.authorityLevels.find((level) => level.name === name)?.label ?? name) : 'No level';
  const records: SearchRecord[] = [];
  let order = 0;
  for (const chapter of spec.chapters) {
    for (const section of chapter.data.sections) {
      records.push({
        url: `${chapter.url}#${section.id}`,
        content: `${section.title}\n\n${section.text}`,
        language: 'en',
        meta: { title: section.title, chapter: chapter.title, kind: 'Section', id: section.id, authority: label(section.authority) },
        filters: { kind: ['Section'], authority: [label(section.authority)] },
        sort: { order: String(order++).padStart(6, '0') },
      });
    }
    for (const example of chapter.data.examples) {
      const grades = [...new Set(example.turns.flatMap((turn) => (turn.kind === 'response' ? [gradeLabels[turn.grade]] : [])))];
      records.push({
        url: `${chapter.url}#${example.id}`,
        content: exampleText(example),
        language: 'en',
        meta: {
          title: example.title,
          chapter: chapter.title,
          kind: example.kind === 'prompt' ? 'Eval prompt' : 'Example',
          id: example.id,
          authority: label(example.authority),
          section: example.section ? (spec.sections.get(example.section)?.section.title ?? '') : '',
        },
        filters: {
          kind: [example.kind === 'prompt' ? 'Eval prompt' : 'Example'],
          authority: [label(example.authority)],
          ...(grades.length ? { grade: grades } : {}),
        },
        sort: { order: String(order++).padStart(6, '0') },
      });
    }
  }
  return records;
}

function exampleText(example: SpecExample): string {
  const parts = [example.title, example.description];
  for (const turn of example.turns) {
    if (turn.kind === 'response') parts.push(`${gradeLabels[turn.grade]}: ${turn.rationale}`);
    parts.push(turn.text);
  }
  return parts.filter(Boolean).join('\n\n');
}
