// Odd names get one positioned message each, never ENAMETOOLONG, EISDIR or a Vite parse error.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { loadSpec, SpecError } from '../../plugins/model/index.ts';
import { FreezeError, freezeRelease } from '../../plugins/releases/index.ts';
import { checkReleases } from '../../plugins/releases/index.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
function content(files: Record<string, string>): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'odd-names-')), 'content');
  dirs.push(path.dirname(dir));
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}
const intro = '# Intro\n::section{#intro}\n\nHello.\n';

it('.MDX and .Mdx chapters: one message each, naming the file', () => {
  const dir = content({ '01-intro.md': intro, '02-a.MDX': '# A\n::section{#a}\n', '03-b.Mdx': '# B\n::section{#b}\n' });
  let report = '';
  try {
    loadSpec(dir, { log: () => {} });
  } catch (error) {
    expect(error).toBeInstanceOf(SpecError);
    report = (error as Error).message;
  }
  expect(report.split('\n').filter((line) => line.includes(': error: '))).toEqual([
    expect.stringMatching(/02-a\.MDX:1:1: error: Unexpected extension `\.MDX` on `02-a\.MDX`, expected `\.mdx` in lower case/),
    expect.stringMatching(/03-b\.Mdx:1:1: error: Unexpected extension `\.Mdx` on `03-b\.Mdx`, expected `\.mdx` in lower case/),
  ]);
});

it('a 215-character version is refused by the freeze in one line, before touching the disk', () => {
  const dir = content({ '01-intro.md': intro });
  expect(() => freezeRelease(dir, `1.0.0-${'a'.repeat(209)}`, { date: '2025-01-01' })).toThrow(FreezeError);
  expect(() => freezeRelease(dir, `1.0.0-${'a'.repeat(209)}`, { date: '2025-01-01' })).toThrow(
    /^Unexpected version `1\.0\.0-a{34}… \(215 characters\)`, expected .* at most 64 characters$/,
  );
});

it('a symbolic link to a folder inside a release: one positioned message, no EISDIR', () => {
  const dir = content({ '01-intro.md': intro });
  const release = freezeRelease(dir, '1.0.0', { date: '2025-01-01', log: () => {} });
  mkdirSync(path.join(dir, 'elsewhere'));
  symlinkSync(path.join(dir, 'elsewhere'), path.join(release.dir, 'linked'));
  const { problems } = checkReleases(dir);
  expect(
    problems.flatMap((file) => file.messages.map((message) => `${path.basename(String(file.path))}:${message.line}:${message.column} ${message.reason}`)),
  ).toEqual([
    expect.stringMatching(
      /^release\.json:\d+:\d+ Unexpected symbolic link .*releases\/1\.0\.0\/linked in the frozen release 1\.0\.0, expected plain files only/,
    ),
  ]);
});
