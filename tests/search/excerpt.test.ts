// The excerpt builder on huge records: linear in the record's size and its number of matches,
// and Pagefind's text decoded exactly once.
import { describe, expect, test } from 'vitest';
import { buildExcerpt } from '../../src/scripts/search/excerpt.ts';
import { growth, maxRatio } from '../support/growth.ts';

const text = (segments: { text: string }[]) => segments.map((segment) => segment.text).join('');

describe('the excerpt builder stays linear', () => {
  test('a huge example matched on every word', { retry: 2 }, () => {
    const ratio = growth((n) => {
      const content = 'Title here\n\n' + 'user asks the assistant again '.repeat(n / 5);
      const locations = Array.from({ length: n }, (_, index) => index + 2);
      buildExcerpt(content, locations, 2);
    }, 20_000);
    expect(ratio, 'time(4n) / time(n)').toBeLessThan(maxRatio);
  });

  test('a huge record full of entities and tool syntax', { retry: 2 }, () => {
    const ratio = growth(
      (n) =>
        buildExcerpt(
          '<tag> browser.search( '.repeat(n),
          Array.from({ length: n }, (_, index) => index * 2),
          0,
        ),
      20_000,
    );
    expect(ratio).toBeLessThan(maxRatio);
  });
});

describe('text as written', () => {
  test('an author’s `&lt;` and `&amp;lt;` stay as typed: nothing is decoded, once or twice', () => {
    expect(text(buildExcerpt('write &lt; or &amp;lt; literally', [0], 0))).toBe('write &lt; or &amp;lt; literally');
  });

  test('the window with the most matches opens the excerpt', () => {
    const words = Array.from({ length: 200 }, (_, index) => `w${index}`);
    const excerpt = buildExcerpt(words.join(' '), [5, 150, 152, 154, 156], 0);
    expect(excerpt.filter((segment) => segment.mark).map((segment) => segment.text)).toEqual(['w150', 'w152', 'w154', 'w156']);
  });
});
