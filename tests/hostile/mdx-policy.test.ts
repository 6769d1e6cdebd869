// The MDX trust policy on whole content folders: it fails closed, runs on the tree the compiler
// compiles, and the draft's (maintainers') policy governs every edition, releases included.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSpec, SpecError } from '../../plugins/model/index.ts';
import { specJson } from '../../plugins/model/index.ts';
import { loadSite } from '../../plugins/site/index.ts';
import { freezeRelease } from '../../plugins/releases/index.ts';
import { loadTimeline } from '../../plugins/releases/index.ts';
import { searchRecords } from '../../plugins/model/index.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
function content(files: Record<string, string>): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'mdx-policy-')), 'content');
  dirs.push(path.dirname(dir));
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}
function failure(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SpecError);
    return (error as Error).message;
  }
  throw new Error('expected a SpecError');
}

const plain = '# Intro\n::section{#intro}\n\nHello.\n';
const marker = path.join(tmpdir(), `mdx-policy-ran-${process.pid}`);
const writer = `# Widgets\n::section{#widgets authority=guideline}\n\nSome prose.\n\nexport const ran = (await import('node:fs')).writeFileSync(${JSON.stringify(marker)}, 'ran')\n\n<Widget caption="A picture" />\n`;

describe('the mdx policy', () => {
  it('"no-esm": an export in a real chapter (with section directives) stops the load, positioned, and nothing runs', () => {
    const dir = content({ 'spec.config.json': '{ "mdx": "no-esm" }', '01-intro.md': plain, '02-widgets.mdx': writer });
    expect(failure(() => loadSpec(dir))).toMatch(/02-widgets\.mdx:6:1: error: Unexpected `export` .*\[mdx-trust:mdx-esm\]/);
    expect(existsSync(marker)).toBe(false);
  });

  it('an unreadable .mdx chapter is refused under every policy that reads it', () => {
    for (const mdx of ['allow', 'no-esm']) {
      const dir = content({ 'spec.config.json': JSON.stringify({ mdx }), '01-intro.md': plain, '02-broken.mdx': '# B\n::section{#b}\n\n<!-- a comment -->\n' });
      expect(failure(() => loadSpec(dir))).toMatch(/02-broken\.mdx:4:\d+: error: Unexpected text MDX cannot read .*\[remark-spec:mdx-unreadable\]/);
    }
  });

  it('JSX and ESM never reach spec.json or search text', () => {
    const dir = content({
      'spec.config.json': '{ "mdx": "allow" }',
      '01-intro.md': plain,
      '02-widgets.mdx': writer.replace(/^export .*$/m, 'export const n = 1') + '\nTail {n} text <Badge>kept words</Badge>.\n',
    });
    const model = loadSpec(dir);
    const section = model.sections.get('widgets')!.section;
    for (const text of [section.markdown, section.text, JSON.stringify(specJson(model)), JSON.stringify(searchRecords(model))]) {
      expect(text).not.toMatch(/<Widget|<Badge|export const|\{n\}/);
    }
    expect(section.markdown).toContain('kept words');
    expect(section.text).toContain('Some prose.');
  });
});

describe("the draft's policy governs every edition", () => {
  it('a release whose own spec.config.json says "allow" is refused when the draft says "refuse"', async () => {
    const dir = content({ 'spec.config.json': '{ "mdx": "allow" }', '01-intro.md': plain, '02-widgets.mdx': '# W\n::section{#w}\n\n<Widget />\n' });
    freezeRelease(dir, '1.0.0', { date: '2025-01-01', log: () => {} });
    writeFileSync(path.join(dir, 'spec.config.json'), '{ "mdx": "refuse" }');
    rmSync(path.join(dir, '02-widgets.mdx'));
    const frozenConfig = path.join(dir, 'releases', '1.0.0', 'spec.config.json');
    expect(existsSync(frozenConfig)).toBe(true);
    expect(failure(() => loadTimeline(dir, { draft: true, log: () => {} }))).toMatch(
      /releases\/1\.0\.0\/02-widgets\.mdx:1:1: error: Unexpected MDX chapter .*"mdx": "refuse".*\[mdx-trust:mdx-refused\]/,
    );
    await expect(loadSite(dir, { log: () => {} })).rejects.toThrow(/releases\/1\.0\.0\/02-widgets\.mdx:1:1: error: Unexpected MDX chapter/);
  });
});
