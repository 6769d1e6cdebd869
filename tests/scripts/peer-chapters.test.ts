import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { benchPages, editAnchor, peerChapters } from '../../bench/peer-chapters.ts';

/** Our content folder and Starlight's docs, each chapter given as [slug, ours, theirs]. */
function sites(chapters: Array<[string, string, string | null]>) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'peer-chapters-'));
  const ours = path.join(root, 'content');
  const theirs = path.join(root, 'docs');
  mkdirSync(ours);
  mkdirSync(theirs);
  chapters.forEach(([slug, mine, starlight], index) => {
    writeFileSync(path.join(ours, `${String(index + 1).padStart(2, '0')}-${slug}.md`), mine);
    if (starlight !== null) writeFileSync(path.join(theirs, `${slug}.md`), starlight);
  });
  writeFileSync(path.join(ours, 'spec.config.json'), '{}');
  return { ours, theirs };
}

const prose = (words: number) => `${'Lorem ipsum dolor sit amet '.repeat(words / 5)}\n`;

describe('the chapters the side-by-side benchmarks load and edit', () => {
  it('ranks the chapters both sites have by the upstream text, not by our rendering', () => {
    const { ours, theirs } = sites([
      ['overview', prose(40), prose(40)],
      // Ours is the biggest source (its cards), Starlight's text is not.
      ['style', prose(4000), prose(100)],
      ['stay-in-bounds', prose(200), prose(400)],
      ['only-ours', prose(9000), null],
    ]);
    expect(peerChapters(ours, theirs).map((chapter) => chapter.page)).toEqual(['/stay-in-bounds/', '/style/', '/overview/']);
  });

  it('loads the largest chapter and chain-of-command, or the next largest when a release has none', () => {
    const withChain = sites([
      ['a', prose(10), prose(300)],
      ['b', prose(10), prose(200)],
      ['chain-of-command', prose(10), prose(100)],
    ]);
    expect(benchPages(peerChapters(withChain.ours, withChain.theirs)).map((chapter) => chapter.page)).toEqual(['/a/', '/chain-of-command/']);
    const without = sites([
      ['a', prose(10), prose(300)],
      ['b', prose(10), prose(200)],
    ]);
    expect(benchPages(peerChapters(without.ours, without.theirs)).map((chapter) => chapter.page)).toEqual(['/a/', '/b/']);
    const none = sites([['a', prose(10), null]]);
    expect(() => benchPages(peerChapters(none.ours, none.theirs))).toThrow(/share no chapter/);
  });

  it('edits the sentence of earlier runs while a release has it, else a plain sentence found in both', () => {
    const preferred = 'The assistant should operate within applicable legal constraints, including local law.';
    const kept = sites([['stay-in-bounds', `# Stay\n\n${preferred}\n`, `${preferred}\n`]]);
    expect(editAnchor(peerChapters(kept.ours, kept.theirs)[0]!)).toBe('The assistant should operate within applicable legal constraints');

    const other = sites([
      [
        'style',
        [
          '## Style {#style}',
          '**Example**: not prose at the start of the line',
          'Only ours has this sentence, which Starlight lost somewhere along the way.',
          'Both sites keep this sentence of the chapter exactly as the author wrote it here.',
        ].join('\n\n'),
        'Both sites keep this sentence of the chapter exactly as the author wrote it here.\n',
      ],
    ]);
    const anchor = editAnchor(peerChapters(other.ours, other.theirs)[0]!);
    expect(anchor).toBe('Both sites keep this sentence of the chapter exactly as the');
    expect(anchor.length).toBeLessThanOrEqual(64);

    const disjoint = sites([['a', 'Nothing in this line is in the other source at all.\n', 'Something else entirely, written another way.\n']]);
    expect(() => editAnchor(peerChapters(disjoint.ours, disjoint.theirs)[0]!)).toThrow(/no sentence/);
  });
});
