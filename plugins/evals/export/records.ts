import { exampleRecords } from '../../model/index.ts';
import type { SpecModel } from '../../model/index.ts';

/** One graded point of an example (a line of examples.jsonl), what both exports are built from. */
export type ExampleRecord = ReturnType<typeof exampleRecords>[number];

/** The graded points of a spec worth sending to a model: examples with graded answers, and eval prompts. */
export function evalRecords(spec: SpecModel): ExampleRecord[] {
  return exampleRecords(spec).filter((record) => record.messages.length > 0);
}

/** The metadata every exported sample carries, so its results come back keyed on our ids and release. */
export function sampleMetadata(record: ExampleRecord, release: string) {
  // The graded point's id (`scaling#2`): a tool that repeats tests tells points apart by it; it maps to the example.
  return {
    example_id: record.id,
    example: record.example,
    section: record.section,
    authority: record.authority,
    kind: record.kind,
    spec_release: release,
    url: record.url,
  };
}

/**
 * The grading criterion written from the spec's graded answers: what a compliant answer does and
 * why, what a violating one does and why, and acceptable alternatives.
 */
export function criterion(record: ExampleRecord): string {
  const part = (grade: string, heading: string) =>
    record.responses
      .filter((response) => response.grade === grade)
      .map((response) => `${heading}${response.rationale ? ` (${response.rationale})` : ''}:\n${response.content}`);
  const parts = [
    ...part('compliant', 'A compliant answer'),
    ...part('ok', 'An acceptable answer'),
    ...part('violating', 'A violating answer, which the response must not resemble'),
  ];
  if (parts.length === 0)
    return `The response follows the section \`${record.section ?? 'of the spec'}\` of the spec for this conversation ("${record.title}").`;
  return `Grade the response against the spec's graded answers for "${record.title}".\n\n${parts.join('\n\n')}`;
}
