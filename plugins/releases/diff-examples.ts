import { diffArrays } from 'diff';
import type { DiffPart, ExampleAspect, ExamplePlace, ExampleRef, ExamplesDiff, TurnChange, TurnSummary } from './diff-types.ts';
import type { ExampleData, SpecIndex } from './spec-index.ts';
import { sameText, wordDiff } from './word-diff.ts';

type Turn = ExampleData['turns'][number];

export function examplePlace(index: SpecIndex, example: ExampleData): ExamplePlace {
  return {
    chapter: example.chapter,
    chapterTitle: index.chapters.get(example.chapter)?.title ?? example.chapter,
    section: example.section,
    sectionTitle: example.section ? (index.sections.get(example.section)?.title ?? null) : null,
  };
}

export function exampleRef(index: SpecIndex, example: ExampleData): ExampleRef {
  return { id: example.id, kind: example.kind, title: example.title, url: example.url, ...examplePlace(index, example) };
}

/**
 * Examples of two versions compared by id. `renames` (old section id → new) keeps an example
 * whose section was only renamed from counting as moved.
 */
export function diffExamples(from: SpecIndex, to: SpecIndex, renames: ReadonlyMap<string, string>): ExamplesDiff {
  const diff: ExamplesDiff = { added: [], removed: [], changed: [], moved: [] };
  for (const example of from.examples.values()) if (!to.examples.has(example.id)) diff.removed.push(exampleRef(from, example));
  const chapterId = (index: SpecIndex, slug: string) => index.chapters.get(slug)?.id ?? slug;
  const current = (id: string | null) => (id === null ? null : (renames.get(id) ?? id));
  for (const example of to.examples.values()) {
    const before = from.examples.get(example.id);
    if (!before) {
      diff.added.push(exampleRef(to, example));
      continue;
    }
    const turns = diffTurns(before.turns, example.turns);
    const aspects = new Set<ExampleAspect>();
    if (before.title !== example.title) aspects.add('title');
    if (!sameText(before.description, example.description)) aspects.add('description');
    for (const turn of turns) {
      const role = (turn.to ?? turn.from)!.role;
      if (turn.change !== 'changed' || turn.fields.includes('content')) aspects.add(role === 'assistant' ? 'responses' : 'messages');
      if (turn.fields.includes('grade')) aspects.add('grades');
      if (turn.fields.includes('rationale')) aspects.add('rationales');
    }
    if (aspects.size > 0) {
      const order: ExampleAspect[] = ['title', 'description', 'messages', 'responses', 'grades', 'rationales'];
      diff.changed.push({
        id: example.id,
        aspects: order.filter((aspect) => aspects.has(aspect)),
        turns,
        from: exampleRef(from, before),
        to: exampleRef(to, example),
        ...(aspects.has('title') ? { titleFrom: before.title } : {}),
      });
    }
    const sameSection = current(before.section) === example.section;
    const moved = !sameSection || current(chapterId(from, before.chapter)) !== chapterId(to, example.chapter);
    if (moved)
      diff.moved.push({
        id: example.id,
        from: examplePlace(from, before),
        to: examplePlace(to, example),
        example: exampleRef(to, example),
        withSection: sameSection && example.section !== null,
      });
  }
  return diff;
}

function summary(turn: Turn): TurnSummary {
  return turn.kind === 'response'
    ? { role: 'assistant', grade: turn.grade, rationale: turn.rationale, content: turn.content }
    : { role: turn.role, content: turn.content };
}

/** Who speaks and what they say: turns that keep these are the same turn, perhaps regraded. */
const turnKey = (turn: Turn) => `${turn.kind}\u0000${turn.role}\u0000${turn.content.replace(/\s+/g, ' ').trim()}`;

function fieldsOf(before: Turn, after: Turn): TurnChange['fields'] {
  const fields: TurnChange['fields'] = [];
  const extras = (turn: Turn) => JSON.stringify([turn.attributes, turn.settings]);
  if (!sameText(before.content, after.content) || before.role !== after.role || extras(before) !== extras(after)) fields.push('content');
  const grade = (turn: Turn) => (turn.kind === 'response' ? turn.grade : null);
  const rationale = (turn: Turn) => (turn.kind === 'response' ? turn.rationale : null);
  if (grade(before) !== grade(after)) fields.push('grade');
  if (!sameText(rationale(before) ?? '', rationale(after) ?? '')) fields.push('rationale');
  return fields;
}

/**
 * Turns aligned by jsdiff on (role, content); a removed run followed by an added run is read as
 * edits, pair by pair, and what is left over as added or removed turns.
 */
function diffTurns(before: Turn[], after: Turn[]): TurnChange[] {
  const changes: TurnChange[] = [];
  const edited = (fromIndex: number, toIndex: number) => {
    const a = before[fromIndex]!;
    const b = after[toIndex]!;
    const fields = fieldsOf(a, b);
    if (fields.length === 0) return;
    changes.push({
      change: 'changed',
      fromIndex,
      toIndex,
      from: summary(a),
      to: summary(b),
      fields,
      ...(fields.includes('content') ? contentDiff(a.content, b.content) : {}),
    });
  };
  let fromIndex = 0;
  let toIndex = 0;
  const runs = diffArrays(before.map(turnKey), after.map(turnKey));
  for (let index = 0; index < runs.length; index++) {
    const run = runs[index]!;
    if (!run.added && !run.removed) {
      for (let offset = 0; offset < run.count; offset++) edited(fromIndex + offset, toIndex + offset);
      fromIndex += run.count;
      toIndex += run.count;
      continue;
    }
    const next = runs[index + 1];
    const removed = run.removed ? run.count : next?.removed ? next.count : 0;
    const added = run.added ? run.count : next?.added ? next.count : 0;
    if ((run.removed && next?.added) || (run.added && next?.removed)) index++;
    const paired = Math.min(removed, added);
    for (let offset = 0; offset < paired; offset++) edited(fromIndex + offset, toIndex + offset);
    for (let offset = paired; offset < removed; offset++) {
      changes.push({ change: 'removed', fromIndex: fromIndex + offset, toIndex: null, from: summary(before[fromIndex + offset]!), to: null, fields: [] });
    }
    for (let offset = paired; offset < added; offset++) {
      changes.push({ change: 'added', fromIndex: null, toIndex: toIndex + offset, from: null, to: summary(after[toIndex + offset]!), fields: [] });
    }
    fromIndex += removed;
    toIndex += added;
  }
  return changes;
}

/** The word diff of an edited turn's content, flagged when it is a rewrite shown before and after. */
function contentDiff(from: string, to: string): { parts: DiffPart[]; rewritten?: true } {
  const { parts, rewritten } = wordDiff(from, to);
  return rewritten ? { parts, rewritten } : { parts };
}
