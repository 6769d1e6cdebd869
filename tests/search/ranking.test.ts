// The search UI's pure parts, outside the browser: query analysis, ranking, typo correction,
// excerpts and the status line.
import { describe, expect, test } from 'vitest';
import { buildExcerpt, isToolSyntax, type ExcerptSegment } from '../../src/scripts/search/excerpt.ts';
import { analyzeQuery, queryWords } from '../../src/scripts/search/query.ts';
import { COMPLETE_BONUS, rankRecords, TITLE_WEIGHT, titleFirst, type TermHit } from '../../src/scripts/search/ranking.ts';
import { describeResults, MOST_WORDS_NOTICE } from '../../src/scripts/search/status.ts';
import { correctWord, isTitleWord, matchKind } from '../../src/scripts/search/typos.ts';
import { MAX_SYNONYMS, NO_WORDS, stem, synonymsOf } from '../../src/scripts/search/words.ts';
import { searchWords } from '../../plugins/model/index.ts';

/** The vocabulary of an English spec with no search config, as the build writes it. */
const english = searchWords([], { language: 'en', search: { synonyms: [], stopWords: [] } });
const stops = english.stopWords;

describe('query analysis', () => {
  test('joining words (vs, versus, the, …) are dropped, unless they are all there is', () => {
    expect(queryWords('developer vs user', stops)).toEqual(['developer', 'user']);
    expect(queryWords('Developer versus the User', stops)).toEqual(['developer', 'user']);
    expect(queryWords('the', stops)).toEqual(['the']);
  });

  test('inflections share a stem; a word typed twice counts once', () => {
    for (const [a, b] of [
      ['override', 'overrides'],
      ['override', 'overriding'],
      ['conflict', 'conflicts'],
      ['user', 'users'],
      ['user', "user's"],
      ['policy', 'policies'],
    ]) {
      expect(stem(a!), `${a} ~ ${b}`).toBe(stem(b!));
    }
    expect(stem('use')).not.toBe(stem('user'));
    expect(queryWords('users user', stops)).toEqual(['users']);
  });

  test('synonyms come from the group of any inflection of the word', () => {
    expect(synonymsOf('overriding', english)).toEqual(expect.arrayContaining(['outrank', 'overrule']));
    expect(synonymsOf('conflicts', english)).toContain('contradict');
    expect(synonymsOf('banana', english)).toEqual([]);
  });

  test('accents go from Latin letters only: a voiced kana, a Korean syllable and a Devanagari vowel sign stay as the index holds them', () => {
    expect(queryWords('Café naïve', stops)).toEqual(['cafe', 'naive']);
    // Decomposed, データ became テ, ータ (a separate combining mark) and 한국어 its jamo: neither matched the index.
    expect(queryWords('データ 한국어 हिन्दी', stops)).toEqual(['データ', '한국어', 'हिन्दी']);
  });

  test('a quoted phrase is exact: no words taken apart', () => {
    expect(analyzeQuery('"the user"', english)).toEqual({ text: '"the user"', exact: true, terms: [] });
    expect(analyzeQuery('user override', english).terms.map((term) => term.word)).toEqual(['user', 'override']);
  });
});

describe("the spec's vocabulary (pagefind/words.json)", () => {
  const config = (language: string, synonyms: string[][] = [], stopWords: string[] = []) => ({ language, search: { synonyms, stopWords } });

  test('an English spec gets the built-in groups; a phrase is searched for a word but never typed as one', () => {
    expect(synonymsOf('copyright', english)).toContain('intellectual property');
    expect(synonymsOf('illegal', english)).toEqual(expect.arrayContaining(['illicit', 'unlawful']));
    expect(synonymsOf('teenagers', english)).toEqual(expect.arrayContaining(['teen', 'minor']));
    expect(synonymsOf('property', english)).toEqual([]);
    // Highlighting gets a phrase's words.
    expect(analyzeQuery('copyright', english).terms[0]!.synonyms).toContain('intellectual property');
  });

  test("the author's groups join the built-in group they share a word with, normalised", () => {
    const words = searchWords([], config('en-GB', [['Outrank', 'Veto'], ['Café', 'coffee shop']], ['Please']));
    expect(synonymsOf('veto', words)).toEqual(expect.arrayContaining(['override', 'outrank', 'trump']));
    expect(synonymsOf('overriding', words)).toContain('veto');
    expect(synonymsOf('cafe', words)).toEqual(['coffee shop']);
    expect(queryWords('please explain refusals', words.stopWords)).toEqual(['explain', 'refusals']);
  });

  test('another language gets no English lists: its own words are words, and its config is all there is', () => {
    const french = searchWords([], config('fr', [['vérité', 'exactitude']], ['le', 'la', 'de']));
    expect(synonymsOf('lie', french)).toEqual([]);
    expect(analyzeQuery('Vérité', french).terms).toEqual([{ word: 'verite', synonyms: ['exactitude'] }]);
    // "a" (has) and "on" (one) are words in French, not English stop words.
    expect(queryWords('on a le droit', french.stopWords)).toEqual(['on', 'a', 'droit']);
    expect(searchWords([], config('ja')).stopWords).toEqual([]);
  });

  test('groups chained through shared words merge in linear time, and a query word searches a bounded number of synonyms', () => {
    // Groups [w0 w1] [w1 w2] … are one group in the end.
    const chain = (count: number) => Array.from({ length: count }, (_, index) => [`w${index}`, `w${index + 1}`]);
    const time = (count: number) => {
      const started = performance.now();
      const words = searchWords([], config('en', chain(count)));
      return { ms: performance.now() - started, words };
    };
    time(2_000);
    const small = time(5_000);
    const large = time(20_000);
    expect(large.words.synonyms.find((group) => group.includes('w0'))).toHaveLength(20_001);
    // Quadratic merging would cost 16× for 4× the groups.
    expect(large.ms).toBeLessThan(Math.max(small.ms, 5) * 10);
    expect(synonymsOf('w0', large.words)).toHaveLength(MAX_SYNONYMS);
  });

  test('without the vocabulary, a query is its words as typed', () => {
    expect(analyzeQuery('the user', NO_WORDS).terms).toEqual([
      { word: 'the', synonyms: [] },
      { word: 'user', synonyms: [] },
    ]);
  });

  test('title words are normalised as queries are: whole kana and possessives, ids by their words', () => {
    const titles = searchWords(
      [
        { title: 'データ'.normalize('NFD'), id: 'data' },
        { title: "The user's rights", id: 'user_rights' },
      ],
      config('en'),
    ).titles;
    expect(titles).toMatchObject({ データ: 1, "user's": 1, user: 1, rights: 1, data: 1 });
    expect(titles).not.toHaveProperty('テ');
  });
});

type Hit = TermHit & { result: string };
const hit = (score: number, options: Partial<TermHit> = {}): Hit => ({ score, inTitle: false, synonym: false, locations: [], result: '', ...options });
const term = (entries: Record<string, Hit>) => new Map(Object.entries(entries).map(([id, value]) => [id, { ...value, result: id }]));

describe('ranking', () => {
  test('a word in the title outweighs the same word in the text, even a stronger text match', () => {
    const { records } = rankRecords([term({ body: hit(9), titled: hit(3, { inTitle: true }) })]);
    expect(records.map((record) => record.id)).toEqual(['titled', 'body']);
    // Text strength is relative to the best text-only match (9): 3/9 for the titled record.
    expect(records[0]!.score - records[1]!.score).toBeCloseTo(TITLE_WEIGHT + 3 / 9 - 1, 5);
  });

  test('every word counts equally: a rare word does not drown a title match of the other', () => {
    // "developer user conflict": a record named for users, whose text has "developer", against
    // one whose text has all three words weakly.
    const { records, coverage } = rankRecords([
      term({ named: hit(2.6), weak: hit(2.0), other: hit(13, { inTitle: true }) }),
      term({ named: hit(6.7, { inTitle: true }), weak: hit(1.5) }),
      term({ weak: hit(7.5) }),
    ]);
    expect(coverage).toBe('all-and-titles');
    expect(records.map((record) => record.id).slice(0, 2)).toEqual(['named', 'weak']);
    expect(records.find((record) => record.id === 'weak')!.coverage).toBe(3);
  });

  test('a record with every word gets the completeness bonus', () => {
    const { records } = rankRecords([term({ both: hit(1), one: hit(1, { inTitle: true }) }), term({ both: hit(1) })]);
    expect(records.map((record) => [record.id, record.score])).toEqual([
      ['both', 2 + COMPLETE_BONUS],
      ['one', TITLE_WEIGHT + 1],
    ]);
  });

  test('with some record complete, partial records are listed only when a title carries a word', () => {
    const { records } = rankRecords([term({ all: hit(5), titled: hit(5, { inTitle: true }), textOnly: hit(5) }), term({ all: hit(5) })]);
    expect(records.map((record) => record.id).sort()).toEqual(['all', 'titled']);
  });

  test('with no record complete, the records with most words are listed and the coverage says so', () => {
    const { records, coverage } = rankRecords([term({ a: hit(1), b: hit(1) }), term({ a: hit(1), c: hit(1) }), term({ d: hit(1) }), term({})]);
    expect(coverage).toBe('most');
    expect(records.map((record) => record.id)).toEqual(['a', 'b', 'c', 'd'].filter((id) => id === 'a'));
    expect(rankRecords([term({}), term({})])).toEqual({ records: [], coverage: 'none' });
  });

  test('a synonym match counts for less than the word itself', () => {
    const { records } = rankRecords([term({ own: hit(4), synonym: hit(4, { synonym: true }), other: hit(2) })]);
    expect(records.map((record) => record.id)).toEqual(['own', 'synonym', 'other']);
  });

  test('match locations of all words are merged for the excerpt', () => {
    const { records } = rankRecords([term({ a: hit(1, { locations: [7, 2] }) }), term({ a: hit(1, { locations: [4] }) })]);
    expect(records[0]!.locations).toEqual([2, 4, 7]);
  });

  test('a typed title moves its section first, sections before examples', () => {
    const entries = [
      { title: 'Users set the length', id: 'users_set_the_length', kind: 'Section' },
      { title: 'Length', id: 'length_example', kind: 'Example' },
      { title: 'Length', id: 'length', kind: 'Section' },
    ];
    expect(titleFirst('length', entries).map((entry) => entry.id)).toEqual(['length', 'length_example', 'users_set_the_length']);
    expect(titleFirst('users_set_the_length', entries)[0]!.id).toBe('users_set_the_length');
  });
});

describe('typos', () => {
  const words = { honesty: 3, deceive: 1, user: 9, users: 4, younger: 1 };
  test('a word one edit from a title word reads as it; the commonest wins', () => {
    expect(correctWord('honestx', words)).toBe('honesty');
    expect(correctWord('deceve', words)).toBe('deceive');
    // "user" and "users" are both one edit from "usera"; more titles use "user".
    expect(correctWord('usera', words)).toBe('user');
  });
  test('bounded: short words, known words and two edits are left alone', () => {
    expect(correctWord('usr', words)).toBeUndefined();
    expect(correctWord('honesty', words)).toBeUndefined();
    expect(correctWord('honsety', words)).toBeUndefined();
    expect(correctWord("honesty's", words)).toBeUndefined();
    expect(correctWord('honesty_x', words)).toBeUndefined();
  });
  test('a title word, or a form of one, needs no check of what Pagefind matched', () => {
    expect(isTitleWord('honesty', words)).toBe(true);
    expect(isTitleWord('users', { user: 1 })).toBe(true);
    expect(isTitleWord('blockchain', words)).toBe(false);
  });
  test('a match on a shorter form Pagefind fell back to is not the word itself: near when it shares most of the word, else far', () => {
    const content = 'Honesty matters. Be honest, and de-escalate. Confidential block policies.';
    expect(matchKind('honest', content, [3])).toBe('itself');
    expect(matchKind('policy', content, [8])).toBe('itself');
    expect(matchKind('honestx', content, [3])).toBe('near');
    expect(matchKind('confidentality', content, [6])).toBe('near');
    expect(matchKind('deceve', content, [5])).toBe('far');
    expect(matchKind('blockchain', content, [7])).toBe('far');
    // Pagefind stems lying to lie: the word itself, not a fallback.
    expect(matchKind('lying', 'Do not lie.', [2])).toBe('itself');
    // Snowball undoubles a consonant before -ing and -ed: stepping and logged find step and log.
    expect(matchKind('stepping', 'One step.', [1])).toBe('itself');
    expect(matchKind('logged', 'The log.', [1])).toBe('itself');
    // Where Pagefind segments words itself (Japanese), its positions are not ours to check.
    expect(matchKind('データを捏造', 'データを捏造しないでください。', [0])).toBe('itself');
  });
});

const text = (segments: ExcerptSegment[]) => segments.map((segment) => segment.text).join('');
const marked = (segments: ExcerptSegment[]) => segments.filter((segment) => segment.mark).map((segment) => segment.text);

describe('excerpts', () => {
  const title = 'Users steer within the lines';
  const body =
    'Within whatever the developer allows, the user directs the conversation. Users can set the tone, the length and the language. ' +
    'They do not have to justify these choices at all, ever, in any way or form whatsoever. When a developer has said nothing, the user decides.';
  const content = `${title} ${body}`;
  const words = content.split(/\s+/);
  const at = (word: string, from = 0) => words.indexOf(word, from);

  test('starts at the sentence holding the matches, not in the middle of it, and skips the title', () => {
    const excerpt = buildExcerpt(content, [at('developer', 10), at('user', 30)], 5);
    expect(text(excerpt)).toMatch(/^When a developer has said nothing/);
    expect(marked(excerpt)).toEqual(['developer', 'user']);
  });

  test('a match far into a long sentence starts at a word, after an ellipsis', () => {
    const long = `${title} ${'word '.repeat(40)}and then the match appears here.`;
    const index = long.split(/\s+/).indexOf('match');
    const excerpt = buildExcerpt(long, [index], 5);
    expect(text(excerpt)).toBe('… and then the match appears here.');
  });

  test('punctuation stays outside the mark; the title alone is not repeated', () => {
    const excerpt = buildExcerpt(content, [at('allows,')], 5);
    expect(marked(excerpt)).toEqual(['allows']);
    expect(text(excerpt).startsWith('Within whatever')).toBe(true);
    expect(text(buildExcerpt(content, [0], 5)).startsWith('Within')).toBe(true);
  });

  test('the text is shown as written: markup and entities an author typed stay', () => {
    const excerpt = buildExcerpt('it says <script>alert(1)</script> &amp; &lt; more', [2], 0);
    expect(text(excerpt)).toBe('it says <script>alert(1)</script> &amp; &lt; more');
    expect(marked(excerpt)).toEqual(['script']);
  });

  test('tool syntax is code, a call runs until its parentheses close; prose is not', () => {
    const excerpt = buildExcerpt('Then it calls browser.search(query="cheap flights", recency=7) and reads functions.lookup_weather.', [], 0);
    expect(excerpt.filter((segment) => segment.code).map((segment) => segment.text)).toEqual([
      'browser.search(query="cheap flights", recency=7)',
      'functions.lookup_weather',
    ]);
    for (const word of ['browser.search(...)', 'functions.x', 'open_url("https://example.com")', 'end_turn', 'console.log(JSON.stringify(data));']) {
      expect(isToolSyntax(word), word).toBe(true);
    }
    for (const word of ['e.g.', 'i.e.,', 'word(s)', 'Meridian.', 'U.S.', 'self-harm', 'lines.Can']) {
      expect(isToolSyntax(word), word).toBe(false);
    }
  });
});

describe('status', () => {
  test('says when no result has every word', () => {
    expect(describeResults(3, 'a b', false, 'most')).toBe(`3 results. ${MOST_WORDS_NOTICE}.`);
    expect(describeResults(1, 'a', true, 'all')).toBe('1 result (filtered)');
    expect(describeResults(0, 'zzz', false, 'none')).toBe('No results for “zzz”');
  });
});

describe('the rule first', () => {
  const kinds: Record<string, 'section' | 'example' | 'prompt'> = { section: 'section', example: 'example', prompt: 'prompt' };
  const at = (score: number, extra: Partial<TermHit> = {}) => ({ score, inTitle: false, synonym: false, locations: [0], result: null, ...extra });

  test('equal matches: a section, then an example, then an eval prompt', () => {
    const hits = new Map(Object.keys(kinds).map((id) => [id, at(1)]));
    const { records } = rankRecords([hits], (id) => kinds[id]!);
    expect(records.map((record) => record.id)).toEqual(['section', 'example', 'prompt']);
  });

  test('a clearly better match still wins over the kind', () => {
    const { records } = rankRecords(
      [
        new Map([
          ['section', at(1)],
          ['prompt', at(1, { inTitle: true })],
        ]),
        new Map([['prompt', at(1, { inTitle: true })]]),
      ],
      (id) => kinds[id]!,
    );
    expect(records[0]!.id).toBe('prompt');
  });

  test('a section holding an example named by the query comes before that example', () => {
    const word = new Map([
      ['section', at(0.8, { inHolds: true })],
      ['example', at(1, { inTitle: true })],
    ]);
    const { records } = rankRecords([word, word], (id) => kinds[id]!);
    expect(records.map((record) => record.id)).toEqual(['section', 'example']);
  });
});
