// Hostile input across files: whole specs in `specs/<case>/` read by the loader, and one real
// build that must refuse an invalid spec. Also the built-site link checker's last line of defence.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { checkBuiltLinks } from '../../plugins/astro/index.ts';
import { type SpecModel, loadSpec, SpecError } from '../../plugins/model/index.ts';
import { buildSite, projectRoot } from '../../scripts/harness/build-site.ts';

const specs = path.join(import.meta.dirname, 'specs');

describe('rules across files (loadSpec)', () => {
  test('an id defined in two files is a duplicate-id error at the second definition', () => {
    const dir = path.join(specs, 'cross-file-duplicate');
    let error: unknown;
    try {
      loadSpec(dir, { log: () => {} });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SpecError);
    const messages = (error as SpecError).files.flatMap((file) => file.messages.map((message) => ({ file: path.basename(file.path), message })));
    const printed = messages.map(({ file, message }) => `${file}:${message.line}:${message.column} ${message.ruleId} ${message.reason}`);
    const first = path.relative(process.cwd(), path.join(dir, '01-first.md'));
    expect(printed).toEqual([
      `02-second.md:7:11 duplicate-id Unexpected duplicate id \`shared_rule\`, expected ids unique across the spec (first used in ${first})`,
    ]);
    expect(messages[0]!.message.fatal).toBe(true);
    // The report the build prints names the file, line and column.
    expect((error as SpecError).message).toContain('02-second.md');
    expect((error as SpecError).message).toContain('7:11');
  });

  test('a reference to an id in another file resolves and is not dangling', () => {
    const spec = loadSpec(path.join(specs, 'cross-file-ok'), { log: () => {} });
    const second = spec.chapters.find((chapter) => chapter.slug === 'second')!;
    expect(second.data.references.map((reference) => reference.target)).toEqual(['first_rule']);
    expect(spec.files.flatMap((file) => file.messages)).toEqual([]);
  });
});

/** The link checker's problems for a built folder of these files (path → text); the folder is removed after. */
async function linkProblems(files: Record<string, string>): Promise<string[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ms-links-'));
  try {
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), text);
    }
    const spec = { config: { base: '/' }, chapters: [] } as unknown as SpecModel;
    return (await checkBuiltLinks(dir, spec)).problems;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the link checker refuses a `javascript:` link that reached a built page', async () => {
  const problems = await linkProblems({
    'index.html': '<!doctype html>\n<a href="/page/">ok</a>\n<a href="java&#x09;script:alert(1)">bad</a>\n<a href="JavaScript:alert(2)">bad</a>\n',
    'page/index.html': '<!doctype html><p id="x">page</p>',
  });
  expect(problems).toEqual([
    'index.html:3: unexpected link to `java\tscript:alert(1)`, expected an http(s), mailto or site link (this scheme runs code)',
    'index.html:4: unexpected link to `JavaScript:alert(2)`, expected an http(s), mailto or site link (this scheme runs code)',
  ]);
});

test('the link checker checks a link to a file as it checks one to a page: it must be there', async () => {
  const problems = await linkProblems({
    'assets/files/data.csv': 'a,b\n',
    'index.html':
      '<!doctype html>\n<a href="/assets/files/data.csv">ok</a>\n<a href="/assets/files/nope.csv">gone</a>\n<a href="/assets/files/">a folder</a>\n',
  });
  expect(problems).toEqual([
    'index.html:3: link to `/assets/files/nope.csv`: no page or file at /assets/files/nope.csv',
    'index.html:4: link to `/assets/files/`: no page at /assets/files/',
  ]);
});

describe('a real build of an invalid spec', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'ms-bad-build-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  test('fails, names file:line:col and the rule ids, and produces no site', () => {
    const contentDir = path.join(specs, 'build-error');
    const outDir = path.join(out, 'dist');
    const result = buildSite({ contentDir, outDir });
    expect(result.status).not.toBe(0);
    const shown = path.relative(projectRoot, contentDir);
    expect(result.output).toContain(`${shown}/02-rules.md:5:1`);
    expect(result.output).toContain('unknown-authority');
    expect(result.output).toContain(`${shown}/02-rules.md:14:1`);
    expect(result.output).toContain('empty-message');
    expect(result.output).toContain(`${shown}/01-intro.md:9:5`);
    expect(result.output).toContain('dangling-reference');
    const built = existsSync(outDir)
      ? readdirSync(outDir, { recursive: true })
          .map(String)
          .filter((file) => file.endsWith('.html'))
      : [];
    expect(built).toEqual([]);
  }, 120_000);
});
