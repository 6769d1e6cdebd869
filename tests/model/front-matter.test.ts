// Front matter is not part of a spec: the chapter is read without it, and the author is told,
// once, that it is not published (it was dropped without a word).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { ChapterCache, loadSpec } from '../../plugins/model/index.ts';

test('a chapter with front matter is read without it, and warned about at line 1, once, cold or cached', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'front-matter-'));
  writeFileSync(path.join(dir, '01-intro.md'), '---\ntitle: Intro\nsummary: LOST TEXT\n---\n# Intro\n::section{#intro}\n\nKept text.\n');
  writeFileSync(path.join(dir, '02-plain.md'), '# Plain\n::section{#plain}\n\n---\n\nA rule above, not front matter.\n');
  const cache = new ChapterCache();
  for (let run = 0; run < 2; run++) {
    const logged: string[] = [];
    const spec = loadSpec(dir, { cache, log: (text) => logged.push(text) });
    expect(spec.chapters.map((chapter) => chapter.title)).toEqual(['Intro', 'Plain']);
    const warnings = logged
      .join('\n')
      .split('\n')
      .filter((line) => line.includes('front-matter'));
    expect(warnings).toEqual([
      expect.stringMatching(
        /01-intro\.md:1:1: warning: Unexpected front matter \(lines 1 to 4\), expected the chapter to start with its text: front matter is not part of the spec, and is not published \[spec-files:front-matter\]$/,
      ),
    ]);
  }
});
