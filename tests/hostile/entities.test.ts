// A numeric character reference out of range must not break the search client.
import { expect, it } from 'vitest';
import { decodeEntities } from '../../src/scripts/search/excerpt.ts';

it('decodes numeric references the way HTML does: out of range, surrogates and NUL become U+FFFD', () => {
  expect(decodeEntities('a &#99999999; b &#x110000; c &#xD800; d &#0; e')).toBe('a \ufffd b \ufffd c \ufffd d \ufffd e');
  expect(decodeEntities('&#128512; &#x1F600; &lt;ok&gt;')).toBe('😀 😀 <ok>');
});
