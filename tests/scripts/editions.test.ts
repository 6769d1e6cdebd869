// Where the reader's place is in another edition (version switcher, "latest" banner): ids followed
// through renames and declared removals, older → newer and newer → older.
import { describe, expect, test } from 'vitest';
import { findInEdition } from '../../src/scripts/editions.ts';

const data = {
  renames: [
    { from: 'protect_privileged_messages', to: 'protect_privileged_information' },
    { from: 'a_v1', to: 'a_v2' },
    { from: 'a_v2', to: 'a_v3' },
  ],
  removals: [
    { id: 'keep_short', see: 'set_the_length' },
    { id: 'gone', see: null },
  ],
};

describe('findInEdition', () => {
  test('newer → older: a renamed section is found under its old id', () => {
    const older = {
      protect_privileged_messages: '/2025-04-11/stay-in-bounds/#protect_privileged_messages',
      stay_in_bounds: '/2025-04-11/stay-in-bounds/#stay_in_bounds',
    };
    expect(findInEdition(['protect_privileged_information', 'stay_in_bounds'], older, data)).toEqual({
      how: 'renamed',
      id: 'protect_privileged_messages',
      url: older.protect_privileged_messages,
    });
  });

  test('older → newer: the old id is found under the new one, across several renames', () => {
    expect(findInEdition(['a_v1'], { a_v3: '/x/#a_v3' }, data)).toEqual({ how: 'renamed', id: 'a_v3', url: '/x/#a_v3' });
    expect(findInEdition(['a_v3'], { a_v1: '/old/#a_v1' }, data)).toMatchObject({ how: 'renamed', id: 'a_v1' });
  });

  test('a declared removal leads to its replacement, and back', () => {
    expect(findInEdition(['keep_short'], { set_the_length: '/n/#set_the_length' }, data)).toMatchObject({ how: 'replacement', id: 'set_the_length' });
    expect(findInEdition(['set_the_length'], { keep_short: '/o/#keep_short' }, data)).toMatchObject({ how: 'replacement', id: 'keep_short' });
  });

  test('the id itself first; then the nearest ancestor; null when nothing is there', () => {
    expect(findInEdition(['a_v2'], { a_v2: '/a/', a_v1: '/b/' }, data)).toMatchObject({ how: 'same', id: 'a_v2' });
    expect(findInEdition(['gone', 'parent'], { parent: '/p/' }, data)).toMatchObject({ how: 'ancestor', id: 'parent' });
    expect(findInEdition(['gone'], {}, data)).toBeNull();
  });

  test('ids are data, not object keys: `constructor` is not found in an empty map', () => {
    expect(findInEdition(['constructor'], Object.create(null), data)).toBeNull();
    expect(findInEdition(['constructor'], {}, data)).toBeNull();
  });
});
