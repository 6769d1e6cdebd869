import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SpecError } from '../../model/index.ts';
import { FreezeError, freezeRelease } from '../freeze.ts';
import { checkReleases, readReleases } from '../read.ts';
import { manifestChecksum } from '../manifest.ts';
import { draftFrom, fixtures, replaceDraft, tempDir, v2Removals } from './support.ts';

const repoRoot = path.resolve(import.meta.dirname, '../../..');

/** Every message of a failed read, one `file:line:col: reason` per line. */
function problemsOf(contentDir: string): string[] {
  return checkReleases(contentDir).problems.flatMap((file) =>
    file.messages.map((message) => `${path.basename(String(file.path))}:${message.line}:${message.column}: ${message.reason} [${message.ruleId}]`),
  );
}

describe('freezeRelease', () => {
  const content = draftFrom('v1', 'freeze');
  writeFileSync(path.join(content, 'removals.json'), '{}\n');
  const notes = path.join(path.dirname(content), 'notes.md');
  writeFileSync(notes, '# First release\n\nEverything is new.\n');
  const frozen = freezeRelease(content, '2025-04-11', { notesFile: notes });
  const dir = path.join(content, 'releases', '2025-04-11');

  it('copies the chapters and spec.config.json (never removals.json) with sha256 checksums and the notes', () => {
    expect(readdirSync(dir).sort()).toEqual(['01-rules.md', '02-more.md', 'notes.md', 'release.json', 'spec.config.json']);
    const manifest = JSON.parse(readFileSync(path.join(dir, 'release.json'), 'utf8'));
    expect(manifest).toEqual({
      version: '2025-04-11',
      date: '2025-04-11',
      notes: 'notes.md',
      files: frozen.files,
      previous: null,
      checksum: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(Object.keys(manifest.files)).toEqual(['01-rules.md', '02-more.md', 'notes.md', 'spec.config.json']);
    expect(readFileSync(path.join(dir, '01-rules.md'), 'utf8')).toBe(readFileSync(path.join(fixtures, 'v1', '01-rules.md'), 'utf8'));
    expect(manifest.files['01-rules.md']).toMatch(/^[0-9a-f]{64}$/);
    expect(readdirSync(path.join(content, 'releases'))).toEqual(['2025-04-11']);
  });

  it('reads the release back, ordered, with its notes; the draft still loads without the snapshot', () => {
    freezeRelease(content, '2025-06-01');
    freezeRelease(content, '1.0.0', { date: '2025-06-02' });
    const releases = readReleases(content);
    // By date first: the semantic version released last is the latest.
    expect(releases.map((release) => [release.version, release.date])).toEqual([
      ['2025-04-11', '2025-04-11'],
      ['2025-06-01', '2025-06-01'],
      ['1.0.0', '2025-06-02'],
    ]);
    expect(releases[0]!.notesMarkdown).toBe('# First release\n\nEverything is new.\n');
    expect(releases[1]!.notesMarkdown).toBeUndefined();
    expect(releases[0]!.dir).toBe(dir);
  });

  it('refuses an existing version, an invalid version or date, an earlier date and a missing notes file', () => {
    const refusal = (version: string, options = {}) => {
      try {
        freezeRelease(content, version, options);
      } catch (error) {
        expect(error).toBeInstanceOf(FreezeError);
        return (error as Error).message;
      }
      throw new Error(`froze ${version}`);
    };
    expect(refusal('2025-04-11')).toMatch(/^Unexpected version `2025-04-11`: .*releases\/2025-04-11 already exists, expected a new version/);
    expect(refusal('v3')).toBe(
      'Unexpected version `v3`, expected a date `YYYY-MM-DD` (such as `2025-12-18`) or a semantic version (such as `1.2.0`) of at most 64 characters',
    );
    expect(refusal('2025-02-30')).toMatch(/^Unexpected version `2025-02-30`/);
    expect(refusal('2.0.0', { date: '2025-13-01' })).toBe('Unexpected date `2025-13-01`, expected a calendar date written YYYY-MM-DD');
    expect(refusal('2025-05-01')).toBe('Unexpected date 2025-05-01 before the latest release 1.0.0 (2025-06-02), expected 2025-06-02 or later');
    expect(refusal('0.9.0', { date: '2025-06-02' })).toBe(
      'Unexpected version `0.9.0` ordered before the latest release 1.0.0 of the same day, expected a later version',
    );
    expect(refusal('2.0.0', { notesFile: path.join(content, 'nope.md') })).toMatch(/^Unexpected notes file .*nope\.md: not found/);
    expect(existsSync(path.join(content, 'releases', '2.0.0'))).toBe(false);
  });

  it("refuses a draft that does not load, with the loader's positioned messages", () => {
    const broken = draftFrom('v1', 'broken');
    appendFileSync(path.join(broken, '02-more.md'), '\n## Typo\n::section{#typo authority=plaform}\n');
    expect(() => freezeRelease(broken, '1.0.0')).toThrow(SpecError);
    expect(() => freezeRelease(broken, '1.0.0')).toThrow(/02-more\.md:\d+:1: error: Unexpected authority `plaform`/);
    expect(existsSync(path.join(broken, 'releases'))).toBe(false);
  });

  it('refuses a draft that loses an id a release published, until the removal is declared', () => {
    const content = draftFrom('v1', 'losing');
    freezeRelease(content, '2025-01-01');
    replaceDraft(content, 'v2');
    expect(() => freezeRelease(content, '2025-02-01')).toThrow(
      /01-rules\.md:50:1: error: Unexpected loss of the id `going_away` published in release 2025-01-01: it does not resolve in the draft/,
    );
    expect(existsSync(path.join(content, 'releases', '2025-02-01'))).toBe(false);
    writeFileSync(path.join(content, 'removals.json'), JSON.stringify(v2Removals));
    expect(freezeRelease(content, '2025-02-01').version).toBe('2025-02-01');
  });
});

describe('frozen releases never change', () => {
  function released() {
    const content = draftFrom('v1', 'frozen');
    freezeRelease(content, '2025-04-11');
    return { content, dir: path.join(content, 'releases', '2025-04-11') };
  }

  it('an edited frozen file fails, naming the file, at its line in release.json', () => {
    const { content, dir } = released();
    appendFileSync(path.join(dir, '02-more.md'), '\nA late edit.\n');
    const problems = problemsOf(content);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^release\.json:6:5: Unexpected change to frozen release file .*content\/releases\/2025-04-11\/02-more\.md \(checksum [0-9a-f]{12}…, release\.json records [0-9a-f]{12}…\), expected published releases never to change; put edits in the draft \[frozen-release\]$/,
    );
    expect(() => readReleases(content)).toThrow(SpecError);
    expect(() => readReleases(content)).toThrow(/releases\/2025-04-11\/release\.json:6:5: error: Unexpected change to frozen release file/);
  });

  it('an added or a removed file fails, naming it', () => {
    const { content, dir } = released();
    writeFileSync(path.join(dir, '03-extra.md'), '# Extra\n::section{#extra}\n');
    rmSync(path.join(dir, 'spec.config.json'));
    expect(problemsOf(content)).toEqual([
      expect.stringMatching(
        /^release\.json:7:5: Unexpected removal of frozen release file .*releases\/2025-04-11\/spec\.config\.json, expected published releases never to change/,
      ),
      expect.stringMatching(
        /^release\.json:4:3: Unexpected new file .*releases\/2025-04-11\/03-extra\.md in the frozen release 2025-04-11, expected published releases never to change; put new content in the draft/,
      ),
    ]);
  });

  it('a malformed release.json fails at the field', () => {
    const { content, dir } = released();
    const manifest = JSON.parse(readFileSync(path.join(dir, 'release.json'), 'utf8'));
    writeFileSync(path.join(dir, 'release.json'), JSON.stringify({ ...manifest, version: '2025-04-12', date: '2025-4-12', extra: 1 }, null, 2));
    expect(problemsOf(content)).toEqual([
      expect.stringMatching(/^release\.json:1:1: Unexpected field `extra` in release\.json, expected only version, date, notes, files, previous and checksum/),
    ]);
    writeFileSync(path.join(dir, 'release.json'), JSON.stringify({ ...manifest, version: '2025-04-12', date: '2025-4-12' }, null, 2));
    expect(problemsOf(content)).toEqual([
      "release.json:2:3: Unexpected version `2025-04-12` in the folder `2025-04-11`, expected the version to match its folder's name [release-manifest]",
      'release.json:3:3: Unexpected date `2025-4-12`, expected a calendar date written YYYY-MM-DD [release-manifest]',
    ]);
  });

  it('release metadata is covered: an edited date, a recomputed checksum, versions going backwards and an empty release fail, named', () => {
    const { content, dir } = released();
    const path2 = path.join(dir, 'release.json');
    const manifest = JSON.parse(readFileSync(path2, 'utf8'));
    // The date moved later (to make it the latest): its checksum no longer matches.
    writeFileSync(path2, JSON.stringify({ ...manifest, version: '2025-04-11', date: '2025-04-10' }, null, 2));
    expect(problemsOf(content)).toEqual([
      expect.stringMatching(/^release\.json:\d+:3: Unexpected change to release\.json \(its `checksum` no longer matches.*\[frozen-release\]$/),
    ]);
    // A date version earlier than its release date.
    writeFileSync(path2, JSON.stringify({ ...manifest, date: '2025-05-01' }, null, 2));
    expect(problemsOf(content)).toEqual([expect.stringMatching(/^release\.json:2:3: Unexpected version 2025-04-11 earlier than its date 2025-05-01/)]);
    // No chapters.
    writeFileSync(path2, JSON.stringify({ ...manifest, files: {} }, null, 2));
    expect(problemsOf(content)).toEqual(expect.arrayContaining([expect.stringMatching(/Unexpected release 2025-04-11 without chapters/)]));
  });

  it('releases are a chain: re-dating an old release with a recomputed checksum breaks the next one, semver must rise', () => {
    const { content } = released();
    freezeRelease(content, '2.0.0', { date: '2025-05-01' });
    expect(() => freezeRelease(content, '1.0.0', { date: '2025-06-01' })).toThrow(/Unexpected version `1\.0\.0` not above the earlier release 2\.0\.0/);
    const first = path.join(content, 'releases', '2025-04-11', 'release.json');
    const manifest = JSON.parse(readFileSync(first, 'utf8'));
    const { checksum: _old, ...fields } = { ...manifest, date: '2025-06-01', version: '2025-06-01' };
    // The folder must match too: a forger renames it and recomputes everything of this release.
    const moved = path.join(content, 'releases', '2025-06-01');
    renameSync(path.dirname(first), moved);
    writeFileSync(path.join(moved, 'release.json'), JSON.stringify({ ...fields, checksum: manifestChecksum(fields) }, null, 2));
    expect(problemsOf(content).join('\n')).toMatch(
      /Unexpected previous release .* releases in order of date and version must be the chain they were frozen as/,
    );
  });

  it('a folder without release.json fails', () => {
    const { content } = released();
    const stray = path.join(content, 'releases', '2025-05-01');
    writeFileSync(path.join(content, 'releases', 'README.txt'), 'hi');
    rmSync(stray, { recursive: true, force: true });
    expect(problemsOf(content)).toEqual([expect.stringMatching(/Unexpected file .*releases\/README\.txt in releases\/, expected only release folders/)]);
  });
});

describe('npm run release (scripts/release.ts)', () => {
  const work = tempDir('cli');
  const content = draftFrom('v1', 'cli');
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [path.join(repoRoot, 'scripts/release.ts'), '--content', content, ...args], { cwd: work, encoding: 'utf8' });

  it('freezes and says where', () => {
    const result = run('1.0.0', '--date', '2025-04-11');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/content\/releases\/1\.0\.0: release 1\.0\.0 \(2025-04-11\), 3 files frozen with sha256 checksums\n$/);
  });

  it('fails with one line and no stack trace', () => {
    const stderr: string[] = [];
    for (const args of [['1.0.0'], ['nope'], [], ['2.0.0', '--date', '2024-01-01']]) {
      const result = run(...args);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/^release: /);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      stderr.push(result.stderr);
    }
    expect(stderr[3]).toBe('release: Unexpected date 2024-01-01 before the latest release 1.0.0 (2025-04-11), expected 2025-04-11 or later\n');
  });
});
