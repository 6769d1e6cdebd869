// The excerpt under a result, built from the record's text and the positions of the matched
// words: it opens at a sentence start when one is near (else at a word, after "…"), skips the
// title the record's text starts with, marks matched words and shows tool syntax as code.
// Pure: returns segments; the DOM side turns them into text, <mark> and <code>.

export interface ExcerptSegment {
  text: string;
  mark?: boolean;
  code?: boolean;
}

/** Words in an excerpt. */
export const EXCERPT_WORDS = 26;
/** How far back (in words) the excerpt may reach for the start of the sentence. */
const SENTENCE_REACH = 10;

/** Pagefind's word split: positions in `locations` count these words. */
const WORD = /(?:\S|\uFEFF)+/g;

/**
 * @param content the record's text as written (Pagefind's `content`; its `raw_content` has `<` and
 *   `>` escaped but not `&`, so no decoding of it can be right: an author's `&lt;` would become `<`)
 * @param locations positions (in words) of the matches
 * @param titleWords how many words at the start are the title
 */
export function buildExcerpt(content: string, locations: readonly number[], titleWords = 0, length = EXCERPT_WORDS): ExcerptSegment[] {
  const words = content.match(WORD) ?? [];
  const bodyStart = titleWords < words.length ? titleWords : 0;
  const matched = new Set(locations);
  const start = openingWord(
    words,
    [...matched].filter((location) => location >= bodyStart),
    bodyStart,
    length,
  );
  const end = Math.min(words.length, start + length);
  const segments: ExcerptSegment[] = [];
  const push = (segment: ExcerptSegment) => {
    const last = segments.at(-1);
    if (last && !last.mark && !segment.mark && Boolean(last.code) === Boolean(segment.code)) last.text += segment.text;
    else segments.push(segment);
  };
  if (start > bodyStart && !endsSentence(words[start - 1]!)) push({ text: '… ' });
  for (let index = start; index < end; index++) {
    const code = codeSpan(words, index, end);
    if (code > index) {
      // Sentence punctuation after the code is prose.
      const [, text = '', trailing = ''] = /^(.*?)([.,;:!?]*)$/s.exec(words.slice(index, code).join(' ')) ?? [];
      push({ text, code: true });
      if (trailing) push({ text: trailing });
      if (code < end) push({ text: ' ' });
      index = code - 1;
      continue;
    }
    const word = words[index]!;
    if (matched.has(index)) {
      // The mark covers the word's first run of letters: not punctuation or markup around it.
      const [, before = '', core = '', after = ''] = /^([^\p{L}\p{N}_]*)([\p{L}\p{N}_]*)(.*)$/su.exec(word) ?? [];
      if (before) push({ text: before });
      push(core ? { text: core, mark: true } : { text: word });
      if (after) push({ text: after });
    } else {
      push({ text: word });
    }
    if (index < end - 1) push({ text: ' ' });
  }
  if (end < words.length) push({ text: ' …' });
  return segments;
}

/**
 * The first word of the excerpt: the window of `length` words with the most matches (the
 * earliest on ties), moved back to the start of its sentence when that is near; otherwise a
 * few words before the first match, so it has some context.
 */
function openingWord(words: string[], locations: number[], bodyStart: number, length: number): number {
  if (locations.length === 0) return bodyStart;
  const sorted = [...new Set(locations)].sort((a, b) => a - b);
  let best = sorted[0]!;
  let bestCount = 0;
  // A sliding window over the sorted matches: linear, however many matches a huge record has.
  let end = 0;
  for (let start = 0; start < sorted.length; start++) {
    while (end < sorted.length && sorted[end]! < sorted[start]! + length) end++;
    if (end - start > bestCount) [best, bestCount] = [sorted[start]!, end - start];
  }
  const first = best;
  // Back to the sentence start, if it is near enough that the first match stays in the window.
  for (let index = first; index >= Math.max(bodyStart, first - SENTENCE_REACH); index--) {
    if (index === bodyStart || endsSentence(words[index - 1]!)) return index;
  }
  return Math.max(bodyStart, first - 3);
}

function endsSentence(word: string): boolean {
  return /[.!?:;]["'”’)\]]*$/.test(word);
}

/** Tool and code syntax: `browser.search(…)`, `functions.lookup`, `open_url("…")`, `end_turn`. */
export function isToolSyntax(word: string): boolean {
  const token = word.replace(/^["'“‘([]+/, '').replace(/[.,;:!?"'”’\]]+$/, '');
  if (/^[A-Za-z_$][\w$]*(?:\.[a-z_$][\w$]*)+(?:\(.*)?$/.test(token)) {
    // Not an abbreviation such as "e.g" or "i.e".
    return token.split(/[.(]/).some((part) => part.length > 1);
  }
  if (/^[A-Za-z_$][\w$]*\(/.test(token)) return /[_.]/.test(token.slice(0, token.indexOf('('))) || /\((?:["'`)]|$)/.test(token);
  return /^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$/.test(token);
}

/**
 * The end (exclusive) of the code span starting at `index`, or `index` when the word is not
 * code. A call whose parentheses open in this word runs on until they close (at most 8 words).
 */
function codeSpan(words: string[], index: number, end: number): number {
  const word = words[index]!;
  if (!isToolSyntax(word)) return index;
  let depth = balance(word);
  let next = index + 1;
  while (depth > 0 && next < end && next < index + 8) depth += balance(words[next++]!);
  return depth > 0 ? index + 1 : next;
}

function balance(word: string): number {
  return (word.match(/\(/g)?.length ?? 0) - (word.match(/\)/g)?.length ?? 0);
}
