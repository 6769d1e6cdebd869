import { describe, expect, test } from 'vitest';
import { summaryText } from '../../plugins/model/index.ts';

describe('summaryText (og:description)', () => {
  test('joins wrapped lines and keeps whole sentences within the limit', () => {
    const text = 'The assistant should follow\nthe chain of command. It weighs instructions\nby authority. '.repeat(5);
    const summary = summaryText(text, 120);
    expect(summary.length).toBeLessThanOrEqual(120);
    expect(summary).toMatch(/\.$/);
    expect(summary).not.toContain('\n');
    expect(text.replace(/\s+/g, ' ')).toContain(summary);
  });

  test('a first sentence longer than the limit is cut at a word, with an ellipsis', () => {
    const summary = summaryText(`${'word '.repeat(30)}unbreakable`, 40);
    expect(summary).toMatch(/^(word )*word…$/);
    expect(summary.length).toBeLessThanOrEqual(40);
  });

  test('short text is kept whole', () => {
    expect(summaryText('Be kind.\n')).toBe('Be kind.');
  });
});
