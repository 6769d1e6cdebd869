// Reproducible builds: the same sources give the same site, byte for byte, whatever folder it is
// built into and whenever it is built. Deploy diffs then show only real changes, and caches work.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { buildSite, projectRoot } from '../../scripts/harness/build-site.ts';

const work = mkdtempSync(path.join(tmpdir(), 'ms-repro-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function listFiles(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(root, full) : [path.relative(root, full).split(path.sep).join('/')];
  });
}

/** Where two files first differ, with a little context from each. */
function firstDifference(a: Buffer, b: Buffer): string {
  let offset = 0;
  while (offset < a.length && offset < b.length && a[offset] === b[offset]) offset++;
  const around = (buffer: Buffer) => JSON.stringify(buffer.subarray(Math.max(0, offset - 40), offset + 60).toString('utf8'));
  return `sizes ${a.length} / ${b.length}, first difference at byte ${offset}:\n      ${around(a)}\n      ${around(b)}`;
}

test('two builds of the default content are identical, file for file and byte for byte', () => {
  // The second build differs in everything that must not matter: output folder, a copy of the
  // content in another folder with other file times, time zone and locale. A build date, file
  // time, absolute path or locale-formatted number leaking into a page would show up here.
  const first = buildSite({ outDir: path.join(work, 'first', 'dist'), env: { TZ: 'UTC', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' } });
  expect(first.status, first.output.slice(-3000)).toBe(0);
  const copy = path.join(work, 'content-copy');
  cpSync(path.join(projectRoot, 'content'), copy, { recursive: true });
  const past = new Date('2001-02-03T04:05:06Z');
  for (const file of listFiles(copy)) utimesSync(path.join(copy, file), past, past);
  const second = buildSite({
    contentDir: copy,
    outDir: path.join(work, 'second-build', 'out'),
    env: { TZ: 'Pacific/Kiritimati', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' },
  });
  expect(second.status, second.output.slice(-3000)).toBe(0);

  const firstFiles = listFiles(first.outDir).sort();
  const secondFiles = listFiles(second.outDir).sort();
  expect(secondFiles).toEqual(firstFiles);
  expect(firstFiles.length).toBeGreaterThan(50);

  const differences: string[] = [];
  for (const file of firstFiles) {
    const a = readFileSync(path.join(first.outDir, file));
    const b = readFileSync(path.join(second.outDir, file));
    if (!a.equals(b)) differences.push(`${file}: ${firstDifference(a, b)}`);
  }
  expect(differences, `files that differ between two builds:\n${differences.join('\n')}`).toEqual([]);
}, 300_000);
