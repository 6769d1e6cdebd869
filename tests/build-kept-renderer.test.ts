// vitest-project: build
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { npmBuild } from './support/npm-build.ts';

const projectRoot = path.resolve(import.meta.dirname, '..');
const kept = /rendering with the renderer the last full build kept/;
const inFull = /building in full/;

/** Every file of a folder, relative path → contents. */
function tree(dir: string): Map<string, Buffer> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return new Map(files.map((entry) => [path.relative(dir, path.join(entry.parentPath, entry.name)), readFileSync(path.join(entry.parentPath, entry.name))]));
}

/** A spec copied from `from` into a temporary folder, with its build (`npm run build`) and an editor. */
function site(from: string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'ms-kept-renderer-'));
  const content = path.join(dir, 'content');
  const outDir = path.join(dir, 'dist');
  cpSync(from, content, { recursive: true });
  const build = npmBuild({ content, outDir, cacheDir: path.join(dir, 'cache') });
  const edit = (file: string, from: string | RegExp, to: string) => {
    const before = readFileSync(path.join(content, file), 'utf8');
    const after = before.replace(from, to);
    expect(after, `${file} has ${from}`).not.toBe(before);
    writeFileSync(path.join(content, file), after);
  };
  return { dir, content, outDir, build, edit };
}

test('after an edit to content only, `npm run build` renders with the kept renderer, and the site is the one a full build makes', () => {
  // The demo: `.md` and `.mdx` chapters, releases, eval runs.
  const { dir, content, outDir, build, edit } = site(path.join(projectRoot, 'content'));

  const first = build();
  expect(first.status, first.output.slice(-2000)).toBe(0);
  expect(first.output).not.toMatch(kept);

  // Prose: no Astro, and the pages follow.
  edit('04-honesty.md', 'People come to Meridian to find', 'People come to Meridian every day to find');
  const edited = build();
  expect(edited.status, edited.output.slice(-2000)).toBe(0);
  expect(edited.output).toMatch(kept);
  expect(edited.output).not.toMatch(/\[build\]|\[vite\]/);
  // The root shows the latest release; the draft is under /draft/.
  expect(readFileSync(path.join(outDir, 'draft/honesty/index.html'), 'utf8')).toContain('People come to Meridian every day to find');
  // A second edit to the same chapter parses only the pieces it touched (the rest as the last build parsed them).
  edit('04-honesty.md', 'This holds whoever asks.', 'This holds whoever asks, and however often.');
  const again = build();
  expect(again.status, again.output.slice(-2000)).toBe(0);
  expect(again.output).toMatch(kept);
  expect(readFileSync(path.join(outDir, 'draft/honesty/index.html'), 'utf8')).toContain('This holds whoever asks, and however often.');
  const rendered = tree(outDir);

  // The same content built in full by Astro: the same files, byte for byte.
  const full = build('--force');
  expect(full.status, full.output.slice(-2000)).toBe(0);
  expect(full.output).not.toMatch(kept);
  const built = tree(outDir);
  expect([...rendered.keys()].sort()).toEqual([...built.keys()].sort());
  const differing = [...built].filter(([file, bytes]) => !rendered.get(file)!.equals(bytes)).map(([file]) => file);
  expect(differing).toEqual([]);

  // An error in content is reported as a full build reports it, and nothing is skipped after it.
  edit('04-honesty.md', '::section{#do_not_deceive authority=root}', '::section{#do_not_deceive authority=sovereign}');
  const broken = build();
  expect(broken.status).not.toBe(0);
  expect(broken.output).toMatch(kept);
  expect(broken.output).toMatch(/04-honesty\.md:\d+:\d+/);
  expect(broken.output).not.toMatch(/\n\s+at .*\.ts:\d+/);
  edit('04-honesty.md', 'authority=sovereign', 'authority=root');
  // It wrote nothing, so the last build's stamp still describes the folder: undone, the content
  // is the last build's again, and the site is left as that build made it.
  const undone = build();
  expect(undone.status, undone.output.slice(-2000)).toBe(0);
  expect(undone.output).toMatch(/not rebuilt/);
  const afterUndo = tree(outDir);
  expect([...afterUndo.keys()].sort()).toEqual([...built.keys()].sort());
  expect([...built].filter(([file, bytes]) => !afterUndo.get(file)!.equals(bytes)).map(([file]) => file)).toEqual([]);
  // An edit with a mistake, then its fix: the build after the fix still renders with the kept renderer, not Astro.
  edit('04-honesty.md', 'People come to Meridian every day to find', 'People come to Meridian every single day to find');
  edit('04-honesty.md', '::section{#do_not_deceive authority=root}', '::section{#do_not_deceive authority=sovereign}');
  expect(build().status).not.toBe(0);
  edit('04-honesty.md', 'authority=sovereign', 'authority=root');
  const fixed = build();
  expect(fixed.status, fixed.output.slice(-2000)).toBe(0);
  expect(fixed.output).toMatch(kept);
  expect(readFileSync(path.join(outDir, 'draft/honesty/index.html'), 'utf8')).toContain('People come to Meridian every single day to find');

  // The `.mdx` chapter is compiled into the renderer: its edit is built in full.
  edit('06-authority-at-a-glance.mdx', /\n\n([A-Z])/, '\n\nEdited after the first build. $1');
  const mdx = build();
  expect(mdx.status, mdx.output.slice(-2000)).toBe(0);
  expect(mdx.output).toMatch(inFull);
  expect(mdx.output).toMatch(/\[build\]/);
  expect(readFileSync(path.join(outDir, 'draft/authority-at-a-glance/index.html'), 'utf8')).toContain('Edited after the first build.');

  // So is a new title of a section an `.mdx` chapter may link to (and a new id).
  edit('04-honesty.md', '## Never deceive the people you are talking with', '## Never deceive anyone you are talking with');
  const retitled = build();
  expect(retitled.status, retitled.output.slice(-2000)).toBe(0);
  expect(retitled.output).toMatch(inFull);

  // And a new origin, which Astro was configured with.
  const config = JSON.parse(readFileSync(path.join(content, 'spec.config.json'), 'utf8')) as { site: string };
  writeFileSync(path.join(content, 'spec.config.json'), JSON.stringify({ ...config, site: 'https://spec.example.org' }, null, 2));
  const moved = build();
  expect(moved.status, moved.output.slice(-2000)).toBe(0);
  expect(moved.output).not.toMatch(kept);
  expect(readFileSync(path.join(outDir, 'honesty/index.html'), 'utf8')).toContain('https://spec.example.org/honesty/');

  rmSync(dir, { recursive: true, force: true });
});

test('the kept renderer adds and removes the pages of chapters added and removed, under a base path', () => {
  // `.md` chapters only, served under /docs/.
  const { dir, content, outDir, build } = site(path.join(import.meta.dirname, 'fixtures/mdx-site'));
  rmSync(path.join(content, '02-components.mdx'));
  writeFileSync(path.join(content, 'spec.config.json'), JSON.stringify({ title: 'Fixture spec', site: 'https://fixture.example', base: '/docs/' }));
  writeFileSync(path.join(content, '01-plain.md'), '# Plain\n::section{#plain authority=guideline}\n\nA chapter of the first build.\n');
  const first = build();
  expect(first.status, first.output.slice(-2000)).toBe(0);
  const added = path.join(content, '02-added.md');
  writeFileSync(added, '# Added later\n::section{#added_later authority=guideline}\n\nA chapter written after the first build.\n');
  const adding = build();
  expect(adding.status, adding.output.slice(-2000)).toBe(0);
  expect(adding.output).toMatch(kept);
  expect(readFileSync(path.join(outDir, 'added/index.html'), 'utf8')).toContain('A chapter written after the first build.');
  expect(existsSync(path.join(outDir, 's/added_later/index.html'))).toBe(true);
  expect(readFileSync(path.join(outDir, 'added/index.html'), 'utf8')).toContain('https://fixture.example/docs/added/');
  const rendered = tree(outDir);
  expect(build('--force').output).not.toMatch(kept);
  const built = tree(outDir);
  expect([...rendered.keys()].sort()).toEqual([...built.keys()].sort());
  expect([...built].filter(([file, bytes]) => !rendered.get(file)!.equals(bytes)).map(([file]) => file)).toEqual([]);
  rmSync(added);
  const removing = build();
  expect(removing.status, removing.output.slice(-2000)).toBe(0);
  expect(removing.output).toMatch(kept);
  expect(existsSync(path.join(outDir, 'added/index.html'))).toBe(false);
  expect(existsSync(path.join(outDir, 's/added_later/index.html'))).toBe(false);
  expect(readFileSync(path.join(outDir, 'plain/index.html'), 'utf8')).toContain('A chapter of the first build.');

  // A kept renderer missing a file of its own is not used: the build is made in full.
  const chunks = path.join(dir, 'cache/model-spec/renderer/chunks');
  rmSync(path.join(chunks, readdirSync(chunks).find((name) => name.startsWith('_chapter_'))!));
  writeFileSync(path.join(content, '01-plain.md'), '# Plain\n::section{#plain authority=guideline}\n\nA chapter of the third build.\n');
  const damaged = build();
  expect(damaged.status, damaged.output.slice(-2000)).toBe(0);
  expect(damaged.output).toMatch(/could not be loaded[\s\S]*\[build\]/);
  expect(readFileSync(path.join(outDir, 'plain/index.html'), 'utf8')).toContain('A chapter of the third build.');
  rmSync(dir, { recursive: true, force: true });
});
