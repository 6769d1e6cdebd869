// The word diff of the changes pages: bounded (linear on any input), blind to invisible retyping,
// and a rewrite shown as before and after.
import { describe, expect, test } from 'vitest';
import { sameText, wordDiff } from '../word-diff.ts';
import { growth, maxRatio } from '../../../tests/support/growth.ts';

const words = (n: number, seed: string) => Array.from({ length: n }, (_, index) => `${seed}${(index * 7919) % 1000}`).join(' ');

describe('cost grows linearly', () => {
  test('a long section rewritten from end to end', { retry: 2 }, () => {
    const ratio = growth((n) => wordDiff(words(n, 'a'), words(n, 'b')), 2_000);
    expect(ratio, 'time(4n) / time(n)').toBeLessThan(maxRatio);
  });

  test('a long section with an edit every few words', { retry: 2 }, () => {
    const edited = (n: number) =>
      words(n, 'a')
        .split(' ')
        .map((word, index) => (index % 5 === 0 ? `${word}x` : word))
        .join(' ');
    const ratio = growth((n) => wordDiff(words(n, 'a'), edited(n)), 2_000);
    expect(ratio).toBeLessThan(maxRatio);
  });

  test('a section longer than the diff bound is shown before and after', () => {
    const result = wordDiff(words(30_000, 'a'), `${words(30_000, 'a')} more`);
    expect(result.rewritten).toBe(true);
  });
});

describe('what counts as a change', () => {
  test('a hyphen retyped as a non-breaking hyphen, or a space as a no-break space, is not a change', () => {
    expect(sameText('non-public policies and system messages', 'non\u2011public policies\u00a0and system\u200b messages')).toBe(true);
    expect(sameText('a word', 'a ward')).toBe(false);
  });

  test('an edit is marked word by word; parts put together give the new text', () => {
    const result = wordDiff('The assistant should ask a question when unsure.', 'The assistant should ask one question when it is unsure.');
    expect(result.rewritten).toBeUndefined();
    expect(
      result.parts
        .filter((part) => !part.removed)
        .map((part) => part.value)
        .join(''),
    ).toBe('The assistant should ask one question when it is unsure.');
    expect(result.wordsAdded).toBe(3);
    expect(result.wordsRemoved).toBe(1);
  });

  test('a passage rewritten from scratch is before and after, not a word salad', () => {
    const result = wordDiff(
      'Keep answers short and to the point unless the user asks for more detail on the topic.',
      'Match the length the user asked for; when they have not said, prefer brevity over exhaustive coverage of everything.',
    );
    expect(result.rewritten).toBe(true);
    expect(result.parts).toEqual([
      { value: expect.stringContaining('Keep answers short'), removed: true },
      { value: expect.stringContaining('Match the length'), added: true },
    ]);
  });

  test('a formula is one word, so an edit around it leaves it whole', () => {
    const result = wordDiff('so the answer is $$x = 4$$ here', 'so the answer is $$x = 4$$ there');
    expect(result.parts.some((part) => !part.added && !part.removed && part.value.includes('$$x = 4$$'))).toBe(true);
  });
});
