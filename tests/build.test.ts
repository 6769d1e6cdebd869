import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildSite } from '../scripts/harness/build-site.ts';

const fixture = (name: string) => path.join(import.meta.dirname, 'fixtures', name);
const outDir = () => path.join(mkdtempSync(path.join(tmpdir(), 'ms-build-')), 'dist');

describe('a spec with .md and .mdx chapters', () => {
  const result = buildSite({ contentDir: fixture('mdx-site'), outDir: outDir() });

  test('builds, with warnings printed, not dropped', () => {
    expect(result.status, result.output.slice(-3000)).toBe(0);
    expect(result.output).toMatch(/01-plain\.md:6:1: warning: Unexpected example without an id.*\[remark-spec:missing-example-id\]/);
  });

  test('renders the MDX chapter through the same plugin, with its expressions', () => {
    const html = readFileSync(path.join(result.outDir, 'components/index.html'), 'utf8');
    expect(html).toContain('MDX can compute: 42.');
    expect(html).toMatch(/<h2 id="mdx_rule"[^>]*>A rule in MDX<\/h2>/);
    expect(html).toMatch(/<article id="mdx_example"[^>]*data-grades="violating"/);
    expect(html).not.toContain('ignored front matter');
  });

  test('resolves a cross-reference from a .md chapter into the .mdx chapter', () => {
    const html = readFileSync(path.join(result.outDir, 'plain/index.html'), 'utf8');
    // Chapter bodies link relatively, so one rendering serves every edition (root, /<version>/, /draft/).
    expect(html).toContain('<a href="../components/#mdx_rule" class="ms-xref" data-target="mdx_rule">A rule in MDX</a>');
    expect(html).toContain('Hello {there} &#x3C;friend>.');
  });
});

test('braces and tags in an .mdx message stop the build at their position', () => {
  // MDX reads them as code: the chapter is read once with remark-mdx, and what it cannot read is
  // refused at MDX's own position (fail closed) before anything is compiled or run.
  const result = buildSite({ contentDir: fixture('mdx-unsafe'), outDir: outDir() });
  expect(result.status).not.toBe(0);
  expect(result.output).toMatch(/01-unsafe\.mdx:6:\d+: error: Unexpected text MDX cannot read .*\[remark-spec:mdx-unreadable\]/);
  expect(result.output).not.toMatch(/^\s+at /m);
});
