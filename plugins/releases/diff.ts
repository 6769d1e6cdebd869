import { diffExamples } from './diff-examples.ts';
import { diffSections } from './diff-sections.ts';
import type { ExampleAspect, ReleaseDiff } from './diff-types.ts';
import type { VersionedSpec } from './load.ts';
import { indexSpec } from './spec-index.ts';

export type * from './diff-types.ts';

export const changesSchemaVersion = 1;

/** What changed from one version to the next: sections and examples, in detail (see diff-types.ts). */
export function diffReleases(from: VersionedSpec, to: VersionedSpec): ReleaseDiff {
  const before = indexSpec(from.spec);
  const after = indexSpec(to.spec);
  const { diff: sections, renames } = diffSections(before, after);
  return { from: from.version, to: to.version, sections, examples: diffExamples(before, after, renames) };
}

/** `changes.json`: the ids of each kind of change and their counts (schema: public/schemas/changes.schema.json). */
export function changesJson(diff: ReleaseDiff) {
  const { sections: s, examples: e } = diff;
  const sections = {
    added: s.added.map((section) => section.id),
    removed: s.removed.map((section) => section.id),
    renamed: s.renamed.map(({ from, to, merged }) => ({ from: from.id, to: to.id, merged })),
    retitled: s.retitled.map(({ id, from, to }) => ({ id, from, to })),
    moved: s.moved.map(({ id, from, to }) => ({ id, from: { chapter: from.chapter, parent: from.parent }, to: { chapter: to.chapter, parent: to.parent } })),
    authorityChanged: s.authorityChanged.map(({ id, from, to }) => ({ id, from, to })),
    textChanged: s.textChanged.map(({ id, wordsAdded, wordsRemoved }) => ({ id, wordsAdded, wordsRemoved })),
  };
  const examples = {
    added: e.added.map((example) => example.id),
    removed: e.removed.map((example) => example.id),
    changed: e.changed.map(({ id, aspects }): { id: string; aspects: ExampleAspect[] } => ({ id, aspects })),
    moved: e.moved.map(({ id, from, to, withSection }) => ({
      id,
      from: { chapter: from.chapter, section: from.section },
      to: { chapter: to.chapter, section: to.section },
      ...(withSection ? { withSection: true as const } : {}),
    })),
  };
  const count = <T extends Record<string, unknown[]>>(lists: T) =>
    Object.fromEntries(Object.entries(lists).map(([key, list]) => [key, list.length])) as { [K in keyof T]: number };
  return {
    schemaVersion: changesSchemaVersion,
    from: diff.from,
    to: diff.to,
    counts: { sections: count(sections), examples: count(examples) },
    sections,
    examples,
  };
}

export type ChangesJson = ReturnType<typeof changesJson>;
