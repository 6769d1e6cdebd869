// The changes page's summary: one line per kind of change, however many sections share it.
import { describe, expect, test } from 'vitest';
import { summarizeChanges } from '../change-summary.ts';
import type { ReleaseDiff, SectionRef } from '../diff-types.ts';

const ref = (id: string): SectionRef => ({
  id,
  title: id,
  authority: null,
  url: `https://x/${id}`,
  chapter: 'c',
  chapterTitle: 'C',
  parent: null,
  parentTitle: null,
});
const empty = (): ReleaseDiff => ({
  from: '1',
  to: '2',
  sections: { added: [], removed: [], renamed: [], retitled: [], moved: [], authorityChanged: [], textChanged: [] },
  examples: { added: [], removed: [], changed: [], moved: [] },
});
const label = (level: string | null) => (level ? level.charAt(0).toUpperCase() + level.slice(1) : 'no level');

describe('summarizeChanges', () => {
  test('sixteen sections moved from Platform to Root are one line, listing them', () => {
    const diff = empty();
    diff.sections.authorityChanged = Array.from({ length: 16 }, (_, index) => ({ id: `s${index}`, from: 'platform', to: 'root', section: ref(`s${index}`) }));
    diff.sections.authorityChanged.push({ id: 'x', from: 'user', to: 'guideline', section: ref('x') });
    const lines = summarizeChanges(diff, label);
    expect(lines.map((line) => line.text)).toEqual(['16 sections moved from Platform to Root', '1 section moved from User to Guideline']);
    expect(lines[0]!.sections).toHaveLength(16);
  });

  test('examples and eval prompts are counted apart; rewrites are named', () => {
    const diff = empty();
    const example = (id: string, kind: 'example' | 'prompt') => ({
      id,
      kind,
      title: id,
      url: '',
      chapter: 'c',
      chapterTitle: 'C',
      section: null,
      sectionTitle: null,
    });
    diff.examples.added = [example('a', 'example'), example('b', 'prompt'), example('c', 'prompt')];
    diff.sections.textChanged = [{ id: 't', section: ref('t'), parts: [], wordsAdded: 10, wordsRemoved: 12, rewritten: true }];
    expect(summarizeChanges(diff, label).map((line) => line.text)).toEqual([
      '1 section reworded (22 words changed; 1 rewritten)',
      '1 example added',
      '2 eval prompts added',
    ]);
  });
});
