// A release is all or nothing: everything the draft uses is copied, nothing is overwritten or
// skipped, and interrupted (kill -9) or concurrent runs leave the content folder either as it was
// or holding a complete, checksummed release.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../model/index.ts';
import { FreezeError, freezeRelease } from '../freeze.ts';
import { readReleases } from '../read.ts';
import { draftFrom } from './support.ts';

const repoRoot = path.resolve(import.meta.dirname, '../../..');

/** Every visible file under `dir` with its bytes (hidden staging and locks are not content). */
function snapshot(dir: string, prefix = ''): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) for (const [name, bytes] of snapshot(full, `${prefix}${entry.name}/`)) files.set(name, bytes);
    else files.set(prefix + entry.name, readFileSync(full, 'latin1'));
  }
  return files;
}

/** The folder is as it was, or as it was plus one complete release that verifies. */
function unchangedOrReleased(content: string, before: Map<string, string>, version: string): 'unchanged' | 'released' {
  const after = snapshot(content);
  const added = [...after.keys()].filter((name) => !before.has(name));
  for (const [name, bytes] of before) expect(after.get(name), name).toBe(bytes);
  if (added.length === 0) return 'unchanged';
  expect(added.every((name) => name.startsWith(`releases/${version}/`))).toBe(true);
  // readReleases verifies every checksum and the chain; the release loads.
  expect(readReleases(content).map((release) => release.version)).toContain(version);
  loadSpec(path.join(content, 'releases', version), { log: () => {} });
  return 'released';
}

function runRelease(content: string, version: string, killAfter?: number): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'scripts/release.ts'), '--content', content, version, '--date', '2025-06-01'], {
      cwd: repoRoot,
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = killAfter === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfter);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

describe('what a release copies', () => {
  it('the images the chapters use, so the release builds on its own', () => {
    const content = draftFrom('v1', 'assets');
    mkdirSync(path.join(content, 'images'));
    writeFileSync(path.join(content, 'images', 'chart.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]));
    writeFileSync(path.join(content, '01-rules.md'), readFileSync(path.join(content, '01-rules.md'), 'utf8') + '\n![A chart](images/chart.png)\n');
    const frozen = freezeRelease(content, '2025-05-01', { log: () => {} });
    expect(Object.keys(frozen.files)).toContain('images/chart.png');
    const model = loadSpec(frozen.dir, { log: () => {} });
    expect(model.assets.map((asset) => path.relative(frozen.dir, asset.source))).toEqual([path.join('images', 'chart.png')]);
  });

  it('refuses a draft chapter named notes.md, with or without --notes, writing nothing', () => {
    const content = draftFrom('v1', 'notes-chapter');
    writeFileSync(path.join(content, 'notes.md'), '# Notes\n::section{#notes_chapter}\n\nA chapter.\n');
    const before = snapshot(content);
    expect(() => freezeRelease(content, '2025-05-01', { log: () => {} })).toThrow(FreezeError);
    expect(() => freezeRelease(content, '2025-05-01', { log: () => {} })).toThrow(/Unexpected draft chapter notes\.md/);
    expect(snapshot(content)).toEqual(before);
    expect(readdirSync(content).filter((name) => name.startsWith('.'))).toEqual([]);
  });
});

describe('all or nothing', () => {
  it('concurrent runs: one release, complete; the other run refused', async () => {
    const content = draftFrom('v1', 'concurrent');
    const before = snapshot(content);
    const results = await Promise.all([runRelease(content, '1.0.0'), runRelease(content, '1.0.0'), runRelease(content, '1.0.0')]);
    expect(results.filter((result) => result.code === 0)).toHaveLength(1);
    for (const failed of results.filter((result) => result.code !== 0))
      expect(failed.stderr).toMatch(/^release: Unexpected (second release or import running|version `1\.0\.0`: .* already exists)/);
    expect(unchangedOrReleased(content, before, '1.0.0')).toBe('released');
  }, 120_000);

  it('kill -9 at random points leaves the folder unchanged or holding a complete release; the next run succeeds', async () => {
    // How long a whole run takes here, so the kills land before, during and after the writes.
    const probe = draftFrom('v1', 'probe');
    const started = performance.now();
    expect((await runRelease(probe, '1.0.0')).code).toBe(0);
    const full = performance.now() - started;
    const outcomes = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.double({ min: 0.2, max: 1.1, noNaN: true }), async (fraction) => {
        const content = draftFrom('v1', 'killed');
        const before = snapshot(content);
        await runRelease(content, '1.0.0', Math.round(full * fraction));
        outcomes.add(unchangedOrReleased(content, before, '1.0.0'));
        // A killed run's lock and staging never block the next run.
        if (!statSync(path.join(content, 'releases', '1.0.0'), { throwIfNoEntry: false })) {
          const again = await runRelease(content, '1.0.0');
          expect(again.stderr).toBe('');
          expect(unchangedOrReleased(content, before, '1.0.0')).toBe('released');
        }
      }),
      { numRuns: 6 },
    );
    expect(outcomes.size).toBeGreaterThan(0);
  }, 300_000);
});
