import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSpec } from '../../model/index.ts';
import { checkContinuity, idTargets, publishedIds, loadVersion, readReleases, readRemovals } from '../../releases/index.ts';
import { exampleIdFor } from '../examples.ts';
import { promptIdStem } from '../eval-prompts.ts';
import { importModelSpec } from '../index.ts';
import { findCorpus } from './corpus-path.ts';
import { resolveMapping } from '../id-mapping.ts';
import type { MappingEntry, VanishedId } from '../vanished-ids.ts';

/**
 * Real history: the three corpus releases imported oldest first into one content folder with
 * `--release`, the way a fork would record upstream's history. Upstream renamed and dropped ids
 * between 2025-04-11 and 2025-09-12 without aliases, so the last import needs a mapping.
 */
const corpus = findCorpus();
const script = path.resolve(import.meta.dirname, '../../../scripts/import-model-spec.ts');
const work = mkdtempSync(path.join(tmpdir(), 'import-history-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const content = path.join(work, 'content');

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [script, ...args], { cwd: work, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
const importRelease = (version: string, ...extra: string[]) =>
  run(path.join(corpus!, version, 'model_spec.md'), '--out', 'content', '--release', version, ...extra);

/** What the sources say vanished from 2025-04-11 to 2025-09-12, read off the upstream files. */
function vanishedFromSources(older: string, newer: string) {
  const read = (version: string) => readFileSync(path.join(corpus!, version, 'model_spec.md'), 'utf8');
  const headingIds = (source: string) => new Set([...source.matchAll(/^#{1,6} .*\{#([^\s}]+)[^}]*\}\s*$/gm)].map((match) => match[1]!));
  const titles = (source: string) => new Set([...source.matchAll(/^\*\*Example\*\*:\s*(.+)$/gm)].map((match) => match[1]!.trim()));
  const promptFiles = (version: string) => new Set(readdirSync(path.join(corpus!, version, 'examples')).map((name) => name.replace(/\.md$/, '')));
  const [oldSource, newSource] = [read(older), read(newer)];
  const newIds = headingIds(newSource);
  const newTitles = titles(newSource);
  const newFiles = promptFiles(newer);
  const sections = [...headingIds(oldSource)].filter((id) => !newIds.has(id));
  // Compared as ids: 2025-09-12 retyped `—` as `---` in one title, which leaves its id as it was.
  const newExampleIds = new Set([...newTitles].map(exampleIdFor));
  const examples = [...titles(oldSource)].map(exampleIdFor).filter((id) => !newExampleIds.has(id));
  const prompts = [...promptFiles(older)]
    .filter((name) => !newFiles.has(name))
    .flatMap((name) => {
      const count = (readFileSync(path.join(corpus!, older, 'examples', `${name}.md`), 'utf8').match(/^~~~xml/gm) ?? []).length;
      return Array.from({ length: count }, (_, index) => `${promptIdStem(name)}_${index + 1}`);
    });
  return { sections, examples, prompts, dropped: [...promptFiles(older)].filter((name) => !newFiles.has(name)) };
}

// Each import of a whole release takes a few seconds of CPU; on a shared machine, minutes of wall time.
const timeout = 300_000;

describe.skipIf(!corpus)('--release: the corpus history, oldest first, in one content folder', { timeout }, () => {
  it('imports 2025-02-12 and 2025-04-11 as releases (nothing vanished between them)', () => {
    const first = importRelease('2025-02-12');
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('Froze release 2025-02-12 (2025-02-12) in content/releases/2025-02-12/');

    // The draft is exactly the release just frozen, so replacing it needs no --force.
    const second = importRelease('2025-04-11');
    expect(second.stderr).toBe('');
    expect(second.status).toBe(0);
    expect(second.stdout).toContain('Removed 9 files from content/:');
    expect(second.stdout).toContain('Kept in content/: releases/');
    expect(readReleases(content).map((release) => release.version)).toEqual(['2025-02-12', '2025-04-11']);
  });

  const expected = corpus ? vanishedFromSources('2025-04-11', '2025-09-12') : null;

  it('refuses 2025-09-12 until a mapping covers every id upstream dropped, naming candidates', () => {
    const draftBefore = readFileSync(path.join(content, '03-chain-of-command.md'), 'utf8');
    const refused = importRelease('2025-09-12');
    expect(refused.status).toBe(1);
    const listed = [...refused.stderr.matchAll(/^ {2}(\S+) {2}\(/gm)].map((match) => match[1]!);
    expect(listed.sort()).toEqual([...expected!.sections, ...expected!.examples, ...expected!.prompts].sort());
    expect(expected!.sections.sort()).toEqual(['approachable', 'be_empathetic', 'be_engaging', 'be_kind', 'protect_privileged_messages']);
    expect(refused.stderr).toMatch(
      / {2}protect_privileged_messages {2}\(section "Do not reveal privileged instructions", last published in 2025-04-11\)\n {6}→ protect_privileged_information {2}\(section; holds 6 of its 6 examples\)/,
    );
    expect(refused.stderr).toContain(
      'import-model-spec: nothing imported: 24 vanished ids need a mapping; edit import-map-2025-09-12.json and pass it with --map',
    );
    const template = JSON.parse(readFileSync(path.join(work, 'import-map-2025-09-12.json'), 'utf8'));
    expect(template.protect_privileged_messages).toBe('protect_privileged_information');
    expect(template.prompt_h82a_1).toEqual({ removed: '', see: null });
    // Nothing was touched.
    expect(readFileSync(path.join(content, '03-chain-of-command.md'), 'utf8')).toBe(draftBefore);
    expect(existsSync(path.join(content, 'releases', '2025-09-12'))).toBe(false);
  });

  it('imports 2025-09-12 with the mapping: three releases, the draft equal to the newest, every published id resolving', () => {
    const bombTitle = 'safely responding to a request to help build a bomb';
    expect(readFileSync(path.join(corpus!, '2025-09-12', 'model_spec.md'), 'utf8')).toContain(`**Example**: ${bombTitle}`);
    const mapping: Record<string, unknown> = {
      protect_privileged_messages: 'protect_privileged_information',
      be_kind: 'love_humanity',
      be_engaging: 'have_conversational_sense',
      be_empathetic: 'be_responsible',
      approachable: 'style',
      prompt_d0pu_1: 'be_rationally_optimistic',
      prompt_d0pu_2: 'be_rationally_optimistic',
      ex_platform_developer_conflict_request_that_goes: {
        removed: 'Retitled when the platform level became root',
        see: 'ex_root_developer_conflict_request_that_goes',
      },
      ex_refusing_to_help_build_a_bomb: { removed: `Retitled "${bombTitle}"`, see: exampleIdFor(bombTitle) },
      ex_discussing_plans_for_the_immediate_future: { removed: 'Dropped upstream in 2025-09-12', see: 'have_conversational_sense' },
    };
    for (const name of expected!.dropped.filter((name) => name !== 'd0pu')) {
      for (const id of expected!.prompts.filter((id) => id.startsWith(`${promptIdStem(name)}_`))) {
        mapping[id] = { removed: `Eval prompt file ${name}.md dropped upstream in 2025-09-12`, see: null };
      }
    }
    writeFileSync(path.join(work, 'map-2025-09-12.json'), JSON.stringify(mapping, null, 2));
    const third = importRelease('2025-09-12', '--map', 'map-2025-09-12.json');
    expect(third.stderr).toBe('');
    expect(third.status).toBe(0);
    expect(third.stdout).toContain('  oldids on protect_privileged_information: protect_privileged_messages');

    const releases = readReleases(content);
    expect(releases.map((release) => release.version)).toEqual(['2025-02-12', '2025-04-11', '2025-09-12']);

    // The draft is the newest release, and the newest import with only the mapped old ids added.
    const newest = releases[2]!;
    const direct = importModelSpec(readFileSync(path.join(corpus!, '2025-09-12', 'model_spec.md'), 'utf8'), {
      examples: Object.fromEntries(
        readdirSync(path.join(corpus!, '2025-09-12', 'examples')).map((name) => [
          name.slice(0, -3),
          readFileSync(path.join(corpus!, '2025-09-12', 'examples', name), 'utf8'),
        ]),
      ),
    });
    const draftChapters = readdirSync(content)
      .filter((name) => name.endsWith('.md'))
      .sort();
    expect(draftChapters).toEqual(direct.files.map((file) => file.path));
    for (const file of direct.files) {
      const draft = readFileSync(path.join(content, file.path), 'utf8');
      expect(readFileSync(path.join(newest.dir, file.path), 'utf8')).toBe(draft);
      expect(draft.replace(/ oldids="[^"]*"/g, '')).toBe(file.content);
    }
    expect(draftChapters.map((name) => readFileSync(path.join(content, name), 'utf8')).join('\n')).toContain(
      '::section{#love_humanity oldids="be_kind" authority=user}',
    );

    const removals = readRemovals(content);
    expect([...removals.keys()].sort()).toEqual(
      Object.keys(mapping)
        .filter((id) => typeof mapping[id] !== 'string')
        .sort(),
    );
    expect(removals.get('prompt_h82a_1')).toMatchObject({ see: null, reason: 'Eval prompt file h82a.md dropped upstream in 2025-09-12' });

    // The draft loads, and every id any release published lands in the newest release and the draft.
    const spec = loadSpec(content, { log: () => {} });
    expect(spec.targets.get('protect_privileged_messages')?.aliasOf).toBe('protect_privileged_information');
    const versions = releases.map((release) => ({ release, data: loadVersion(release.dir, release.version).spec }));
    const problems = checkContinuity({
      releases: versions.map(({ release, data }) => publishedIds(release.version, data, release.displayDir)),
      latest: { version: newest.version, targets: idTargets(versions[2]!.data) },
      draft: idTargets(loadVersion(content, 'draft').spec),
      removals,
    });
    expect(problems.flatMap((file) => file.messages.map((message) => `${file.path}:${message.line}: ${message.reason}`))).toEqual([]);
  });

  it('a --release the freeze would refuse (earlier than the latest, not a version) changes nothing, and the retry works', () => {
    const before = listing(content);
    for (const [version, pattern] of [
      ['2024-01-01', /Unexpected date 2024-01-01 before the latest release/],
      ['v9', /--release v9: Unexpected version `v9`, expected a date/],
    ] as const) {
      const refused = run(
        path.join(corpus!, '2025-09-12', 'model_spec.md'),
        '--out',
        'content',
        '--release',
        version,
        '--date',
        version === 'v9' ? '2026-01-01' : version,
        '--force',
      );
      expect(refused.status).toBe(1);
      expect(refused.stderr).toMatch(pattern);
      expect(listing(content)).toEqual(before);
    }
  });
});

/** Every file of a folder with its bytes. */
function listing(dir: string, prefix = ''): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) Object.assign(files, listing(full, `${prefix}${entry.name}/`));
    else files[prefix + entry.name] = readFileSync(full, 'latin1');
  }
  return files;
}

describe('a mapping with a removal cycle', () => {
  it('is refused before anything is written', () => {
    const was = { id: 'x', kind: 'section', title: 'X', release: '1' } as unknown as VanishedId['was'];
    const vanished = ['a', 'b', 'c'].map((id) => ({ id, was, carried: null, candidates: [] }));
    const entries = new Map<string, MappingEntry>([
      ['a', { removed: 'merged', see: 'b' }],
      ['b', { removed: 'merged', see: 'c' }],
      ['c', { removed: 'merged', see: 'a' }],
    ]);
    const { problems } = resolveMapping(entries, vanished, new Map(), null);
    expect(problems).toEqual([
      'Unexpected cycle of `see` (a → b → c → a), expected a chain that ends at a live id or null',
      'Unexpected cycle of `see` (b → c → a → b), expected a chain that ends at a live id or null',
      'Unexpected cycle of `see` (c → a → b → c), expected a chain that ends at a live id or null',
    ]);
  });
});
