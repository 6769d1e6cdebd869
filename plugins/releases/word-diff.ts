import { diffArrays } from 'diff';
import type { DiffPart } from './diff-types.ts';

/**
 * Characters a reader cannot see change: a hyphen retyped as a non-breaking hyphen, a space as a
 * no-break space, soft hyphens and zero-width characters. They are not edits.
 */
function invisibleFolded(text: string): string {
  return text
    .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[\u2010\u2011]/g, '-')
    .replace(/[\u00a0\u2007\u202f]/g, ' ');
}

function normalize(text: string): string {
  return invisibleFolded(text).replace(/\s+/g, ' ').trim();
}

/** Runs of whitespace count as one space and invisible retyping is no change: re-wrapping a paragraph is not an edit. */
export function sameText(a: string, b: string): boolean {
  return normalize(a) === normalize(b);
}

const wordCount = (text: string) => (text.match(/\S+/g) ?? []).length;

/** Above this many words on a side, a diff is not readable word by word: before and after instead. */
export const MAX_DIFF_WORDS = 20_000;
/** The edit script may hold at most this many inserted or deleted words; beyond it the texts are rewritten, not edited. */
export const MAX_EDITS = 600;
/** Below this share of the shorter side's words kept, a word diff is noise: the passage was rewritten. */
export const MIN_KEPT = 0.4;

/** A word (a `$$…$$` formula is one word, so math stays renderable) or a punctuation mark, and the space after it. */
interface Token {
  word: string;
  space: string;
}

function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const match of invisibleFolded(text).matchAll(/(\$\$[\s\S]*?\$\$|[\p{L}\p{N}_'’]+|[^\s\p{L}\p{N}_'’])(\s*)/gu)) {
    // A blank line stays a paragraph break; any other run of whitespace is one space.
    out.push({ word: match[1]!, space: /\n[ \t]*\n/.test(match[2]!) ? '\n\n' : match[2] ? ' ' : '' });
  }
  return out;
}

const spaced = (list: Token[]) => list.map((token) => token.word + token.space).join('');
const wordsIn = (list: Token[]) => list.filter((token) => /[\p{L}\p{N}$]/u.test(token.word)).length;

export interface WordDiff {
  parts: DiffPart[];
  wordsAdded: number;
  wordsRemoved: number;
  /** Too little survived to diff word by word: `parts` is the whole old text, then the whole new one. */
  rewritten?: true;
}

/**
 * The word-level diff (jsdiff's Myers diff over words) as plain parts, with the number of words
 * added and removed. Bounded, so any input stays linear: past MAX_DIFF_WORDS words or MAX_EDITS
 * edits (jsdiff's `maxEditLength`, cost O(words × MAX_EDITS)), or with under MIN_KEPT of the
 * words kept, it gives the passage before and after.
 */
export function wordDiff(from: string, to: string): WordDiff {
  const before = tokens(from);
  const after = tokens(to);
  const rewritten = (): WordDiff => ({
    parts: [
      { value: spaced(before).trimEnd(), removed: true },
      { value: spaced(after).trimEnd(), added: true },
    ],
    wordsAdded: wordCount(to),
    wordsRemoved: wordCount(from),
    rewritten: true,
  });
  if (before.length > MAX_DIFF_WORDS || after.length > MAX_DIFF_WORDS) return rewritten();
  const changes = diffArrays(before, after, { maxEditLength: MAX_EDITS, comparator: (a, b) => a.word === b.word });
  if (!changes) return rewritten();
  let kept = 0;
  let wordsAdded = 0;
  let wordsRemoved = 0;
  const parts: DiffPart[] = [];
  for (const change of changes) {
    const words = wordsIn(change.value);
    if (change.added) wordsAdded += words;
    else if (change.removed) wordsRemoved += words;
    else kept += words;
    parts.push({ value: spaced(change.value), ...(change.added ? { added: true as const } : {}), ...(change.removed ? { removed: true as const } : {}) });
  }
  // Measured against the shorter side: a passage that only grew (or shrank) reads well as a diff.
  const shorter = Math.min(wordsIn(before), wordsIn(after));
  if (shorter > 12 && kept < MIN_KEPT * shorter) return rewritten();
  const last = parts.at(-1);
  if (last) last.value = last.value.trimEnd();
  return { parts, wordsAdded, wordsRemoved };
}
