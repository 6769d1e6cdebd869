// The words the search UI needs beside Pagefind's index, written by the build to
// `pagefind/words.json` (its shape and the normalisation both sides share are in the contract):
// the title words for "did you mean", the synonym groups and the stop words.
import { normalizeSearchText, type SearchWords } from '../contract/index.ts';

/**
 * Words that join an English query rather than narrow it ("developer vs user", "rules for the
 * user"), question words too ("what happens when …", "should it …"): they frame a question, the
 * other words ask it.
 */
const ENGLISH_STOP_WORDS: readonly string[] =
  'a an and are as at be but by can could do does for from happen happens how i in into is it its of on or over should than that the this to v vs versus what when which who why will with would'.split(
    ' ',
  );

/**
 * Words readers of an English model spec type for what specs say in other words. Inflections
 * need no entry (the UI's `stem` and Pagefind's stemming handle them), except where the stem
 * differs (hallucinate, hallucination). A phrase is searched as all of its words.
 */
const ENGLISH_SYNONYMS: readonly (readonly string[])[] = [
  ['override', 'overrule', 'outrank', 'supersede', 'trump'],
  ['conflict', 'contradict', 'clash'],
  ['developer', 'operator'],
  ['refuse', 'refusal', 'decline'],
  ['lie', 'deceive', 'mislead'],
  ['private', 'confidential', 'secret', 'privileged'],
  ['minor', 'child', 'children', 'kid', 'teen', 'teenager', 'adolescent', 'underage'],
  ['harm', 'hazard', 'danger'],
  ['allow', 'permit'],
  ['rule', 'policy'],
  ['illegal', 'illicit', 'unlawful', 'criminal'],
  ['copyright', 'intellectual property', 'creator'],
  ['hallucinate', 'hallucination', 'fabricate', 'factual error'],
  ['doxx', 'doxxing', 'personal information', 'privacy'],
  ['terrorism', 'terrorist', 'extremism', 'extremist'],
  ['hateful', 'racist', 'racism', 'bigotry', 'bigoted'],
  ['emergency', 'imminent', 'urgent'],
  ['voice', 'audio', 'spoken'],
  ['profanity', 'swear', 'curse', 'vulgar', 'obscene'],
];

/** Whether a BCP 47 tag names English (`en`, `en-GB`). */
const isEnglish = (language: string) => new Intl.Locale(language).language === 'en';

/**
 * The search vocabulary of a spec: its title words, and the built-in English lists (for an
 * English spec) with the author's `search` config added. Groups that share a word are one group.
 */
export function searchWords(
  titles: Array<{ title: string; id: string }>,
  config: { language: string; search: { synonyms: string[][]; stopWords: string[] } },
): SearchWords {
  const english = isEnglish(config.language);
  const groups = [...(english ? ENGLISH_SYNONYMS : []), ...config.search.synonyms].map((group) => [
    ...new Set(group.map(normalizeSearchText).filter(Boolean)),
  ]);
  const stopWords = [...new Set([...(english ? ENGLISH_STOP_WORDS : []), ...config.search.stopWords].map(normalizeSearchText))].filter(Boolean);
  return { titles: titleWords(titles), synonyms: mergeGroups(groups).filter((group) => group.length > 1), stopWords };
}

/** Groups sharing a member become one: a word's synonyms are then one lookup. Linear in the words (union-find). */
function mergeGroups(groups: string[][]): string[][] {
  const parent = new Map<string, string>();
  const find = (word: string): string => {
    let root = word;
    while (parent.get(root) !== root) root = parent.get(root)!;
    for (let next = word; next !== root; ) {
      const up = parent.get(next)!;
      parent.set(next, root);
      next = up;
    }
    return root;
  };
  for (const group of groups) {
    for (const word of group) if (!parent.has(word)) parent.set(word, word);
    for (const word of group.slice(1)) parent.set(find(word), find(group[0]!));
  }
  const merged = new Map<string, string[]>();
  for (const word of parent.keys()) {
    const root = find(word);
    const group = merged.get(root);
    if (group) group.push(word);
    else merged.set(root, [word]);
  }
  return [...merged.values()];
}

/**
 * Every word of every title and id, with how many records use it: the vocabulary the search UI
 * checks a word that matches nothing against ("did you mean"). Normalised as the UI normalises.
 */
function titleWords(records: Array<{ title: string; id: string }>): Record<string, number> {
  const counts = new Map<string, number>();
  for (const record of records) {
    const words = normalizeSearchText(`${record.title} ${record.id.replace(/_/g, ' ')}`).split(' ');
    for (const word of new Set(words)) if (word) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
