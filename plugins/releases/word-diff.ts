import { diffWords } from 'diff';
import type { DiffPart } from './diff-types.ts';

/** Runs of whitespace count as one space: re-wrapping a paragraph is not a change. */
export function sameText(a: string, b: string): boolean {
  return normalize(a) === normalize(b);
}

function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const wordCount = (text: string) => (text.match(/\S+/g) ?? []).length;

/** The word-level diff (jsdiff) as plain parts, with the number of words added and removed. */
export function wordDiff(from: string, to: string): { parts: DiffPart[]; wordsAdded: number; wordsRemoved: number } {
  const parts: DiffPart[] = [];
  let wordsAdded = 0;
  let wordsRemoved = 0;
  for (const change of diffWords(from, to)) {
    if (change.added) wordsAdded += wordCount(change.value);
    if (change.removed) wordsRemoved += wordCount(change.value);
    parts.push({ value: change.value, ...(change.added ? { added: true as const } : {}), ...(change.removed ? { removed: true as const } : {}) });
  }
  return { parts, wordsAdded, wordsRemoved };
}
