// KaTeX runs on author input at build time: sizes and macro expansion are bounded, so a rule or
// a self-expanding macro can neither cover the page nor hang the build.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { katexOptions, loadSpecWithPages } from '../../plugins/model/index.ts';

function chapterWith(math: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ms-math-'));
  writeFileSync(path.join(dir, '01-math.md'), `# Math\n::section{#math}\n\n$$\n${math}\n$$\n`);
  return dir;
}

test('a huge \\rule is clamped to the size limit', async () => {
  const spec = await loadSpecWithPages(chapterWith('\\rule{200em}{200em}'), { log: () => {} });
  const html = spec.chapters[0]!.html!;
  const sizes = [...html.matchAll(/(?:width|height|border-right-width|border-top-width):\s*([\d.]+)em/g)].map((match) => Number(match[1]));
  expect(sizes.length).toBeGreaterThan(0);
  expect(Math.max(...sizes)).toBeLessThanOrEqual(katexOptions.maxSize);
});

test('a macro that expands itself forever stops at the expansion limit and shows the source', async () => {
  const spec = await loadSpecWithPages(chapterWith('\\def\\x{\\x\\x}\\x'), { log: () => {} });
  // Shown as the author's text, in KaTeX's error style, instead of hanging the build.
  expect(spec.chapters[0]!.html).toContain('katex-error');
});
