import { describe, expect, it } from 'vitest';
import { diffReleases } from '../diff.ts';
import { badgeFor, buildHistory } from '../history.ts';
import { fixture } from './support.ts';

const v1 = fixture('v1', '2025-01-01');
const v2 = fixture('v2', '2025-02-01');
const v3 = fixture('v3', '2025-03-01');
const history = buildHistory([diffReleases(v1, v2), diffReleases(v2, v3)]);

describe('buildHistory', () => {
  it('folds the history of renamed ids into the current id', () => {
    const newest = history.get('newest_name')!;
    expect(history.has('old_name')).toBe(false);
    expect(history.has('new_name')).toBe(false);
    expect(newest.formerIds).toEqual(['old_name', 'new_name']);
    expect(newest.events).toEqual([
      { version: '2025-02-01', kind: 'renamed', from: 'old_name', to: 'new_name' },
      { version: '2025-02-01', kind: 'title', from: 'Old name', to: 'New name' },
      { version: '2025-03-01', kind: 'renamed', from: 'new_name', to: 'newest_name' },
      { version: '2025-03-01', kind: 'title', from: 'New name', to: 'Newest name' },
    ]);
    expect(newest).toMatchObject({ kind: 'section', addedIn: null, changedIn: ['2025-02-01', '2025-03-01'], removedIn: null });
  });

  it('records additions, removals and every kind of change per release', () => {
    expect(history.get('parent_b')).toMatchObject({ addedIn: '2025-02-01', changedIn: [] });
    expect(history.get('going_away')).toMatchObject({ removedIn: '2025-02-01', events: [{ version: '2025-02-01', kind: 'removed' }] });
    expect(history.get('be_kind')!.events.map((event) => event.kind)).toEqual(['authority', 'text']);
    expect(history.get('mover')!.events).toEqual([
      {
        version: '2025-02-01',
        kind: 'moved',
        from: { chapter: 'more', chapterTitle: 'More', parent: 'more', parentTitle: 'More' },
        to: { chapter: 'rules', chapterTitle: 'Rules', parent: 'rules', parentTitle: 'Rules' },
      },
    ]);
    expect(history.get('ex_new')).toMatchObject({
      kind: 'example',
      addedIn: '2025-02-01',
      changedIn: ['2025-03-01'],
      events: [{ kind: 'added' }, { kind: 'changed', aspects: ['responses'] }],
    });
    expect(history.get('ex_greet')!.events).toEqual([{ version: '2025-02-01', kind: 'changed', aspects: ['grades', 'rationales'] }]);
    expect(history.has('rules')).toBe(false);
  });

  it('gives the badge of each release', () => {
    expect(badgeFor(history.get('ex_new'), '2025-02-01')).toBe('new');
    expect(badgeFor(history.get('ex_new'), '2025-03-01')).toBe('changed');
    expect(badgeFor(history.get('newest_name'), '2025-03-01')).toBe('changed');
    expect(badgeFor(history.get('child'), '2025-02-01')).toBe('changed');
    expect(badgeFor(history.get('child'), '2025-03-01')).toBeNull();
    expect(badgeFor(history.get('rules'), '2025-02-01')).toBeNull();
  });
});
