// Word-level facts the query analysis uses: which words carry no meaning in a query, which
// words mean the same thing in a spec, and a light stemmer to compare inflections.

/**
 * Words that join a query rather than narrow it ("developer vs user", "rules for the user").
 * Dropped unless the query has nothing else.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  // Question words too ("what happens when …", "should it …"): they frame a question, the other words ask it.
  'a an and are as at be but by can could do does for from happen happens how i in into is it its of on or over should than that the this to v vs versus what when which who why will with would'.split(
    ' ',
  ),
);

/**
 * Groups of words that ask for the same thing in a model spec. Each word is a stem-equivalent
 * form (inflections are handled by `stem` and by Pagefind's own stemming), so "overriding"
 * finds "outranks" and "conflicts" finds "contradicts".
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['override', 'overrule', 'outrank', 'supersede', 'trump'],
  ['conflict', 'contradict', 'clash'],
  ['developer', 'operator'],
  ['refuse', 'decline'],
  ['lie', 'deceive', 'mislead'],
  ['private', 'confidential', 'secret', 'privileged'],
  ['minor', 'child', 'kid', 'teen'],
  ['harm', 'hazard', 'danger'],
  ['allow', 'permit'],
  ['rule', 'policy'],
];

/**
 * A word's comparison key: lower case, without a possessive or the commonest English suffixes
 * (users → user, overrides/overriding/overridden → overrid, conflicts → conflict). Not a full
 * stemmer; it only has to agree with itself, since Pagefind stems the index on its own.
 */
export function stem(word: string): string {
  let key = word.toLowerCase().replace(/['’]s$/, '');
  for (const [suffix, replacement] of [
    ['ies', 'y'],
    ['ing', ''],
    ['ed', ''],
    ['es', ''],
    ['s', ''],
  ] as const) {
    if (key.endsWith(suffix) && key.length - suffix.length >= 3 && !key.endsWith('ss')) {
      key = key.slice(0, -suffix.length) + replacement;
      break;
    }
  }
  return key.length > 3 ? key.replace(/e$/, '') : key;
}

const synonymsByStem = new Map<string, readonly string[]>();
for (const group of SYNONYM_GROUPS) for (const word of group) synonymsByStem.set(stem(word), group);

/** The other words of the word's synonym group (none for most words). */
export function synonymsOf(word: string): string[] {
  const key = stem(word);
  return (synonymsByStem.get(key) ?? []).filter((candidate) => stem(candidate) !== key);
}
