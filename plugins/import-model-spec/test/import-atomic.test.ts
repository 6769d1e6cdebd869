// vitest-project: stress
// `npm run import -- --release` is all or nothing: a run killed at any point (kill -9), or run
// beside another, leaves the content folder as it was or, once the next import has finished the
// interrupted one, holding the whole import and its complete, checksummed release. In between,
// the build refuses the folder instead of publishing half old, half new chapters.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSpec, SpecError } from '../../model/index.ts';
import { readReleases, withLock } from '../../releases/index.ts';
import { finishPendingImport } from '../index.ts';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const work = mkdtempSync(path.join(tmpdir(), 'import-atomic-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** An upstream-format release: `rules` chapters that differ between versions, so files are replaced, added and dropped. */
function source(version: string, chapters: string[]): string {
  const dir = path.join(work, 'sources', version);
  mkdirSync(dir, { recursive: true });
  const body = chapters.flatMap((name) => [
    `# ${name[0]!.toUpperCase()}${name.slice(1)} {#${name}}`,
    '',
    `The ${name} of ${version}.`,
    '',
    `## Keep ${name} {#keep_${name} authority=platform}`,
    '',
    `Rule text of ${version}.`,
    '',
  ]);
  writeFileSync(
    path.join(dir, 'model_spec.md'),
    ['# Overview {#overview}', '', `Version ${version}.`, '', '- **Platform**: Rules nobody can override.', '', ...body].join('\n'),
  );
  return path.join(dir, 'model_spec.md');
}

function runImport(content: string, spec: string, version: string, killAfter?: number): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'scripts/import-model-spec.ts'), spec, '--out', content, '--release', version, '--force'], {
      cwd: work,
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

/** The draft's visible files with their bytes, and the names of the releases (each verified by readReleases). */
function state(content: string): { draft: Record<string, string>; releases: string[] } {
  const draft: Record<string, string> = {};
  for (const entry of readdirSync(content, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.isDirectory()) continue;
    draft[entry.name] = readFileSync(path.join(content, entry.name), 'utf8');
  }
  return { draft, releases: readReleases(content).map((release) => release.version) };
}

let first: string;
let second: string;
let before: ReturnType<typeof state>;
let complete: ReturnType<typeof state>;
let full = 0;
const base = path.join(work, 'base');

beforeAll(async () => {
  first = source('2025-01-01', ['rules', 'style']);
  second = source('2025-02-01', ['rules', 'style', 'tools']);
  expect((await runImport(base, first, '2025-01-01')).code).toBe(0);
  before = state(base);
  const probe = path.join(work, 'probe');
  cpSync(base, probe, { recursive: true });
  const started = performance.now();
  const result = await runImport(probe, second, '2025-02-01');
  full = performance.now() - started;
  expect(result.stderr).toBe('');
  complete = state(probe);
  expect(complete.releases).toEqual(['2025-01-01', '2025-02-01']);
  expect(Object.keys(complete.draft)).not.toEqual(Object.keys(before.draft));
}, 120_000);

let copies = 0;
function copyOfBase(): string {
  const content = path.join(work, `run-${copies++}`);
  cpSync(base, content, { recursive: true });
  return content;
}

/** Unchanged, or (after the next import finishes what was interrupted) the whole import; the build refuses any state in between. */
function settle(content: string): 'unchanged' | 'complete' {
  let loads = true;
  try {
    loadSpec(content, { log: () => {} });
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    expect(error.message).toMatch(/unfinished-import|Unexpected unfinished import/);
    loads = false;
  }
  withLock(content, () => finishPendingImport(content));
  const after = state(content);
  if (JSON.stringify(after) === JSON.stringify(before)) {
    expect(loads).toBe(true);
    return 'unchanged';
  }
  expect(after).toEqual(complete);
  loadSpec(content, { log: () => {} });
  return 'complete';
}

describe('npm run import -- --release, all or nothing', () => {
  it('kill -9 at random points: unchanged, or complete once the next import finishes it', async () => {
    const outcomes = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.double({ min: 0.3, max: 1.1, noNaN: true }), async (fraction) => {
        const content = copyOfBase();
        await runImport(content, second, '2025-02-01', Math.round(full * fraction));
        outcomes.add(settle(content));
      }),
      { numRuns: 8 },
    );
    expect(outcomes.size).toBeGreaterThan(0);
  }, 300_000);

  it('the next import after a killed one finishes it first and then does its own work', async () => {
    const content = copyOfBase();
    await runImport(content, second, '2025-02-01', Math.round(full * 0.95));
    const again = await runImport(content, second, '2025-02-01');
    // Either the killed run had released it (the rerun is refused as a repeat) or the rerun did.
    expect(again.code === 0 || /already released/.test(again.stderr)).toBe(true);
    expect(state(content)).toEqual(complete);
  }, 120_000);

  it('concurrent runs: the folder ends unchanged or complete, never mixed', async () => {
    const content = copyOfBase();
    const results = await Promise.all([runImport(content, second, '2025-02-01'), runImport(content, second, '2025-02-01')]);
    expect(results.some((result) => result.code === 0)).toBe(true);
    for (const failed of results.filter((result) => result.code !== 0)) expect(failed.stderr).toMatch(/second release or import running|already released/);
    expect(settle(content)).toBe('complete');
  }, 120_000);

  /** The state a kill leaves mid-journal, made on purpose: the checked files wait in the pending folder, the journal is written, and one chapter has already moved. */
  function stoppedMidJournal(): string {
    const content = copyOfBase();
    const pending = path.join(content, '.import-pending');
    mkdirSync(pending);
    for (const [name, text] of Object.entries(complete.draft)) writeFileSync(path.join(pending, name), text);
    const moves = Object.keys(complete.draft);
    writeFileSync(
      path.join(pending, 'journal.json'),
      JSON.stringify({
        remove: Object.keys(before.draft).filter((name) => !moves.includes(name)),
        move: moves,
        release: { version: '2025-02-01', date: '2025-02-01', notes: false },
      }),
    );
    const moved = moves.find((name) => name.endsWith('.md'))!;
    cpSync(path.join(pending, moved), path.join(content, moved));
    rmSync(path.join(pending, moved));
    return content;
  }

  it('stopped between its commit point and its last move: the build refuses the folder, and finishing it is idempotent', () => {
    const content = stoppedMidJournal();
    expect(() => loadSpec(content, { log: () => {} })).toThrow(/Unexpected unfinished import/);
    expect(withLock(content, () => finishPendingImport(content))).toBe(true);
    expect(withLock(content, () => finishPendingImport(content))).toBe(false);
    expect(state(content)).toEqual(complete);
  }, 60_000);

  it('npm run release finishes an interrupted import before freezing the next release', async () => {
    const content = stoppedMidJournal();
    const result = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
      const child = spawn(process.execPath, [path.join(repoRoot, 'scripts/release.ts'), '2025-03-01', '--content', content], { cwd: work });
      let stdout = '';
      child.stdout.on('data', (chunk) => (stdout += chunk));
      child.on('exit', (code) => resolve({ code, stdout }));
    });
    expect(result.stdout).toContain('Finished an interrupted import');
    expect(result.code).toBe(0);
    expect(state(content)).toEqual({ draft: complete.draft, releases: ['2025-01-01', '2025-02-01', '2025-03-01'] });
  }, 60_000);
});
