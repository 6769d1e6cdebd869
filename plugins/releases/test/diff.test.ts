import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { changesJson, diffReleases } from '../diff.ts';
import { fixture } from './support.ts';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const v1 = fixture('v1', '1.0.0');
const v2 = fixture('v2', '2.0.0');
const diff = diffReleases(v1, v2);

describe('diffReleases on the fixture specs v1 → v2', () => {
  it('lists added and removed sections, leaving renamed ids out of both', () => {
    expect(diff.sections.added.map((section) => section.id)).toEqual(['parent_b']);
    expect(diff.sections.removed.map((section) => section.id)).toEqual(['going_away']);
    expect(diff.sections.renamed.map(({ from, to, merged }) => [from.id, to.id, merged])).toEqual([['old_name', 'new_name', false]]);
  });

  it('finds retitled sections, a renamed one included', () => {
    expect(diff.sections.retitled.map(({ id, oldId, from, to }) => ({ id, oldId, from, to }))).toEqual([
      { id: 'new_name', oldId: 'old_name', from: 'Old name', to: 'New name' },
      { id: 'retitle_me', oldId: undefined, from: 'Retitle me', to: 'Retitled at last' },
    ]);
  });

  it('finds a move to another chapter and a move to another parent', () => {
    const moved = Object.fromEntries(diff.sections.moved.map((move) => [move.id, move]));
    expect(Object.keys(moved).sort()).toEqual(['child', 'mover']);
    expect(moved.mover).toMatchObject({
      chapterChanged: true,
      parentChanged: true,
      from: { chapter: 'more', chapterTitle: 'More', parent: 'more' },
      to: { chapter: 'rules', parent: 'rules' },
    });
    expect(moved.child).toMatchObject({
      chapterChanged: false,
      parentChanged: true,
      from: { parent: 'parent_a', parentTitle: 'Parent A' },
      to: { parent: 'parent_b', parentTitle: 'Parent B' },
    });
  });

  it('compares authority by level name across configs (platform → root)', () => {
    expect(diff.sections.authorityChanged.map(({ id, from, to }) => ({ id, from, to }))).toEqual([{ id: 'be_kind', from: 'platform', to: 'root' }]);
  });

  it('finds text changes with word-level parts that rebuild both versions', () => {
    expect(diff.sections.textChanged.map((change) => change.id)).toEqual(['be_kind']);
    const [change] = diff.sections.textChanged;
    const join = (keep: (part: { added?: true; removed?: true }) => boolean) =>
      change!.parts
        .filter(keep)
        .map((part) => part.value)
        .join('');
    expect(join((part) => !part.added)).toBe('The assistant is kind to everyone it talks to.');
    expect(join((part) => !part.removed)).toBe('The assistant is kind and patient with everyone it talks to.');
    expect(change!.parts.filter((part) => part.added).map((part) => part.value.trim())).toEqual(['and patient with']);
    expect(change).toMatchObject({ wordsAdded: 3, wordsRemoved: 1 });
  });

  it('finds added, removed, changed and moved examples', () => {
    expect(diff.examples.added.map((example) => example.id)).toEqual(['ex_new']);
    expect(diff.examples.removed.map((example) => example.id)).toEqual(['ex_doomed']);
    expect(diff.examples.changed.map(({ id, aspects }) => ({ id, aspects }))).toEqual([
      { id: 'ex_greet', aspects: ['grades', 'rationales'] },
      { id: 'ex_travel', aspects: ['messages'] },
    ]);
    expect(diff.examples.moved.map(({ id, from, to }) => [id, from.chapter, from.section, to.chapter, to.section])).toEqual([
      ['ex_shift', 'rules', 'be_kind', 'rules', 'retitle_me'],
      ['ex_travel', 'more', 'mover', 'rules', 'mover'],
    ]);
  });

  it('says which turns changed and how', () => {
    const greet = diff.examples.changed.find((change) => change.id === 'ex_greet')!;
    expect(greet.turns).toEqual([
      {
        change: 'changed',
        fromIndex: 1,
        toIndex: 1,
        fields: ['rationale'],
        from: { role: 'assistant', grade: 'compliant', rationale: 'Warm', content: 'Hello! How can I help?' },
        to: { role: 'assistant', grade: 'compliant', rationale: 'Friendly', content: 'Hello! How can I help?' },
      },
      {
        change: 'changed',
        fromIndex: 2,
        toIndex: 2,
        fields: ['grade', 'rationale'],
        from: { role: 'assistant', grade: 'violating', rationale: 'Curt', content: 'What.' },
        to: { role: 'assistant', grade: 'ok', rationale: 'Curt but fine', content: 'What.' },
      },
    ]);
    const travel = diff.examples.changed.find((change) => change.id === 'ex_travel')!;
    expect(travel.turns).toHaveLength(1);
    expect(travel.turns[0]).toMatchObject({ change: 'changed', fromIndex: 0, toIndex: 0, fields: ['content'] });
    expect(travel.turns[0]!.parts!.filter((part) => part.added).map((part) => part.value.trim())).toEqual(['now']);
  });

  it('reads a turn added to or dropped from a conversation as such', () => {
    const longer = structuredClone(v2);
    const turns = longer.spec.examples.ex_greet!.turns;
    turns.splice(1, 0, { ...turns[0]!, content: 'Anyone there?' });
    const change = diffReleases(v2, longer).examples.changed[0]!;
    expect(change).toMatchObject({ id: 'ex_greet', aspects: ['messages'] });
    expect(change.turns).toEqual([{ change: 'added', fromIndex: null, toIndex: 1, from: null, to: { role: 'user', content: 'Anyone there?' }, fields: [] }]);
    expect(diffReleases(longer, v2).examples.changed[0]!.turns).toEqual([
      { change: 'removed', fromIndex: 1, toIndex: null, from: { role: 'user', content: 'Anyone there?' }, to: null, fields: [] },
    ]);
  });

  it('finds nothing between a version and itself', () => {
    const json = changesJson(diffReleases(v2, fixture('v2', '2.0.1')));
    expect(
      Object.values(json.counts.sections)
        .concat(Object.values(json.counts.examples))
        .every((count) => count === 0),
    ).toBe(true);
  });
});

describe('changes.json', () => {
  const json = changesJson(diff);
  const schema = JSON.parse(readFileSync(path.join(repoRoot, 'public/schemas/changes.schema.json'), 'utf8'));
  const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

  it('has the ids of every kind of change and their counts', () => {
    expect(json).toMatchObject({
      from: '1.0.0',
      to: '2.0.0',
      sections: {
        added: ['parent_b'],
        removed: ['going_away'],
        renamed: [{ from: 'old_name', to: 'new_name', merged: false }],
        authorityChanged: [{ id: 'be_kind', from: 'platform', to: 'root' }],
        textChanged: [{ id: 'be_kind', wordsAdded: 3, wordsRemoved: 1 }],
      },
      examples: { added: ['ex_new'], removed: ['ex_doomed'] },
    });
    expect(json.counts).toEqual({
      sections: { added: 1, removed: 1, renamed: 1, retitled: 2, moved: 2, authorityChanged: 1, textChanged: 1 },
      examples: { added: 1, removed: 1, changed: 2, moved: 2 },
    });
  });

  it('validates against public/schemas/changes.schema.json', () => {
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
  });

  it('the schema rejects a malformed changes.json', () => {
    const broken = structuredClone(json) as unknown as { sections: { renamed: unknown[] }; counts: { examples: Record<string, unknown> } };
    broken.sections.renamed.push({ from: 'a' });
    broken.counts.examples.added = -1;
    expect(validate(broken)).toBe(false);
    expect(validate.errors!.map((error) => error.instancePath)).toEqual(expect.arrayContaining(['/counts/examples/added', '/sections/renamed/1']));
  });
});
