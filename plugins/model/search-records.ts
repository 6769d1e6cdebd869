import type { SpecExample, SpecSection } from '../remark-spec/index.ts';
import { gradeLabels, kindLabels, noLevelValue } from '../contract/index.ts';
import type { SpecModel } from './model.ts';

export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

/**
 * The search index as a view of the data: a record per section and per example, each with its
 * own `page#id` URL, so results, filters and excerpts work at section granularity.
 *
 * Pagefind searches every `meta` field as well as `content` (and boosts `title` matches), so meta
 * holds only words worth finding: the title, the id (people paste ids), and where the record sits
 * (chapter, and the section of an example). Kind, authority and grades are filters only; the
 * search UI reads them from the result's `filters`, so typing "root" or "example" does not match
 * every record of that kind.
 */
export function searchRecords(spec: SpecModel): SearchRecord[] {
  const records: SearchRecord[] = [];
  let order = 0;
  for (const chapter of spec.chapters) {
    for (const section of chapter.data.sections) {
      const parent = section.parent ? spec.sections.get(section.parent)?.section : undefined;
      records.push({
        url: `${chapter.url}#${section.id}`,
        content: `${section.title}\n\n${section.text}`,
        language: 'en',
        meta: {
          title: section.title,
          id: section.id,
          chapter: chapter.title,
          // The enclosing section, for "Chapter › Parent" on results; empty for chapters and their direct sections.
          section: parent && parent.depth > 1 ? parent.title : '',
          // The titles of the examples and eval prompts it holds: a query that names them finds the rule too.
          holds: section.examples
            .map((id) => spec.examples.get(id)?.example.title ?? '')
            .filter(Boolean)
            .join(' · '),
        },
        filters: {
          kind: [kindLabels.section],
          authority: [section.effectiveAuthority ?? noLevelValue],
          ...(sectionTags(section).length ? { tag: sectionTags(section) } : {}),
        },
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
          id: example.id,
          chapter: chapter.title,
          section: example.section ? (spec.sections.get(example.section)?.section.title ?? '') : '',
        },
        filters: {
          kind: [kindLabels[example.kind]],
          authority: [example.authority ?? noLevelValue],
          ...(grades.length ? { grade: grades } : {}),
        },
        sort: { order: String(order++).padStart(6, '0') },
      });
    }
  }
  return records;
}

/** Tags an author put on a section (`under_18`, …); the UI offers a tag filter when any exists. */
function sectionTags(section: SpecSection): string[] {
  return (section as SpecSection & { tags?: string[] }).tags ?? [];
}

function exampleText(example: SpecExample): string {
  const parts = [example.title, example.description];
  for (const turn of example.turns) {
    if (turn.kind === 'response') parts.push(`${gradeLabels[turn.grade]}: ${turn.rationale}`);
    parts.push(turn.text);
  }
  return parts.filter(Boolean).join('\n\n');
}
