// Which chapters the side-by-side benchmarks load and edit, found in the two sites rather than
// named: `../shared/peers` may import any upstream release (SPEC=…), whose chapters and
// sentences differ from the one these benchmarks were first written against.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export interface PeerChapter {
  /** The page path on both sites, `/<slug>/`. */
  page: string;
  /** The chapter's source in our content folder and in Starlight's docs. */
  ours: string;
  starlight: string;
}

/**
 * The chapters both sites have, largest first by the text Starlight builds (the upstream chapter as
 * plain Markdown, so the ranking does not depend on how either site renders it). Ours are
 * `NN-<slug>.md`, as the importer names them.
 */
export function peerChapters(oursContent: string, starlightDocs: string): PeerChapter[] {
  return readdirSync(oursContent)
    .map((name) => /^\d+-(.+)\.mdx?$/.exec(name))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ page: `/${match[1]}/`, ours: path.join(oursContent, match[0]), starlight: path.join(starlightDocs, `${match[1]}.md`) }))
    .filter((chapter) => {
      try {
        return statSync(chapter.starlight).isFile();
      } catch {
        return false;
      }
    })
    .sort((a, b) => statSync(b.starlight).size - statSync(a.starlight).size);
}

/** The largest chapter both sites have: the one the edit benchmarks change. */
export function largestChapter(chapters: PeerChapter[]): PeerChapter {
  if (!chapters[0]) throw new Error('the two sites share no chapter to compare');
  return chapters[0];
}

/** The pages the page benchmark loads: the largest chapter and `chain-of-command` (or the next largest). */
export function benchPages(chapters: PeerChapter[]): PeerChapter[] {
  const largest = largestChapter(chapters);
  const rest = chapters.slice(1);
  const second = rest.find((chapter) => chapter.page === '/chain-of-command/') ?? rest[0];
  return second ? [largest, second] : [largest];
}

/** The sentence the benchmarks first edited, kept while a release has it so runs stay comparable. */
const PREFERRED = 'The assistant should operate within applicable legal constraints';

/**
 * Words of prose found verbatim in both sources, to append a word to: a plain line of the chapter
 * (no markup at its start), cut at a word boundary to at most 64 characters.
 */
export function editAnchor(chapter: PeerChapter): string {
  const ours = readFileSync(chapter.ours, 'utf8');
  const theirs = readFileSync(chapter.starlight, 'utf8');
  if (ours.includes(PREFERRED) && theirs.includes(PREFERRED)) return PREFERRED;
  for (const line of ours.split('\n')) {
    if (!/^[A-Z][a-z]/.test(line)) continue;
    const words = line.slice(0, 64).split(' ').slice(0, -1).join(' ');
    if (words.length >= 30 && !/[[\]*_`<>{}|\\]/.test(words) && theirs.includes(words) && ours.indexOf(words) === ours.lastIndexOf(words)) return words;
  }
  throw new Error(`no sentence of ${chapter.ours} appears as written in ${chapter.starlight}`);
}
