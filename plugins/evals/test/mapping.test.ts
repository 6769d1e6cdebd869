// Results placed on the spec's ids the way links resolve; every unknown id reported, never dropped.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { editionEvals } from '../data.ts';
import { keptCharacters } from '../clip.ts';
import { loadEvals } from '../load.ts';
import { configWith, fixtureModel, fixtures, removals, tempContent } from './support.ts';

const targets = [{ release: '2026-11-23', model: fixtureModel }];

describe('mapping', () => {
  test('example ids (and examples.jsonl ids with #N), section ids, old ids, eval prompt groups and declared removals', async () => {
    const content = tempContent();
    content.put('own.jsonl', 'own-results.jsonl');
    const { runs, files } = await loadEvals(content.dir, configWith(), targets, removals);
    const [run] = runs;
    expect(run!.results.map((result) => [result.key, result.example, result.section, result.via])).toEqual([
      ['tutor_guides', 'tutor_guides', 'sec_two', null],
      ['tutor_guides', 'tutor_guides', 'sec_two', null],
      ['scaling', 'scaling', 'sec_two', null],
      ['old_sec', null, 'sec_two', 'old_sec'],
      ['replaced_example', 'scaling', 'sec_two', 'replaced_example'],
      ['grp1', null, 'sec_three', null],
    ]);
    expect(run!.unmapped).toEqual([
      {
        run: run!.id,
        file: 'evals/own.jsonl',
        sample: 'gone_example',
        epoch: 1,
        key: 'gone_example',
        place: 'line 7',
        reason: expect.stringContaining('removed on purpose with no replacement (No longer a rule.)'),
      },
    ]);
    expect(files[0]!.messages.map(String)).toContainEqual(expect.stringMatching(/own\.jsonl.*Unmapped result for sample `gone_example` \(line 7\)/));
  });

  test('every unmapped result is reported with file and sample, counted, and kept in the data', async () => {
    const content = tempContent();
    const unknown = Array.from({ length: 57 }, (_, index) => `nope_${index}`);
    const lines = [
      { format: 'spec-eval-results/1', run: { model: 'm', release: '2026-11-23' } },
      ...unknown.map((id) => ({ example: id, verdict: 'violating' })),
      { example: 'tutor_guides', verdict: 'compliant' },
      { example: 'scaling#2', verdict: 'ok' },
    ];
    content.put('many.jsonl', undefined, lines.map((line) => JSON.stringify(line)).join('\n'));
    const { runs, files } = await loadEvals(content.dir, configWith(), targets, removals);
    const run = runs[0]!;
    expect(run.unmapped.map((item) => item.key)).toEqual(unknown);
    expect(run.unmapped.every((item, index) => item.file === 'evals/many.jsonl' && item.sample === unknown[index] && item.place === `line ${index + 2}`)).toBe(
      true,
    );
    expect(run.results).toHaveLength(2);
    // Printed: the first 20 one by one, then one line that says how many more and where all of them are.
    const printed = files[0]!.messages.filter((message) => message.ruleId === 'unmapped-result');
    expect(printed).toHaveLength(21);
    expect(printed.at(-1)!.reason).toMatch(/37 more beyond the first 20.*evals page and in evals\.json/);
    const data = editionEvals(runs, targets, removals, false).get('2026-11-23')!;
    expect(data.runs[0]!.unmapped).toHaveLength(57);
    expect(data.runs[0]!.total).toEqual({ compliant: 1, ok: 1, violating: 0, unscored: 0, error: 0 });
    // Aggregated up the tree: the example, its section and the chapter's top section.
    expect(data.examples.tutor_guides![run.id]).toMatchObject({ compliant: 1 });
    expect(data.sections.sec_two![run.id]).toMatchObject({ compliant: 1, ok: 1 });
    expect(data.sections.sec_one![run.id]).toMatchObject({ compliant: 1, ok: 1 });
    expect(data.authorities.developer![run.id]).toMatchObject({ compliant: 1, ok: 1 });
    expect(data.coverage.map((section) => [section.id, section.subtreeExamples, section.subtreePrompts])).toEqual([
      ['sec_one', 2, 1],
      ['sec_two', 2, 0],
      ['sec_three', 0, 1],
    ]);
  });

  test('the release a run names: from the file, else the config; an unknown or missing release is a positioned error', async () => {
    const content = tempContent();
    content.put(
      'a.jsonl',
      undefined,
      `${JSON.stringify({ format: 'spec-eval-results/1', run: { model: 'm', release: '2026-11-32' } })}\n{"example":"tutor_guides","verdict":"compliant"}`,
    );
    content.put(
      'b.jsonl',
      undefined,
      `${JSON.stringify({ format: 'spec-eval-results/1', run: { model: 'm' } })}\n{"example":"tutor_guides","verdict":"compliant"}`,
    );
    const none = await loadEvals(content.dir, configWith(), targets, removals);
    expect(none.runs).toEqual([]);
    expect(
      none.files.flatMap((file) => file.messages.map((message) => `${file.path}: ${message.fatal ? 'error' : 'warning'} ${message.ruleId}: ${message.reason}`)),
    ).toEqual([
      expect.stringMatching(
        /evals\/a\.jsonl: error unknown-release: Unexpected release `2026-11-32` for the run of `m`, expected one of `2026-11-23`; did you mean `2026-11-23`\?/,
      ),
      expect.stringMatching(
        /evals\/b\.jsonl: error missing-release: Unexpected run of `m` that names no spec release, expected `spec_release` in its metadata .*evals\.runs\["b\.jsonl"\]\.release/,
      ),
    ]);
    const fixed = await loadEvals(content.dir, configWith({ release: '2026-11-23', runs: { 'a.jsonl': { release: '2026-11-23' } } }), targets, removals);
    expect(fixed.runs.map((run) => [run.file, run.release])).toEqual([
      ['evals/a.jsonl', '2026-11-23'],
      ['evals/b.jsonl', '2026-11-23'],
    ]);
  });

  test('two files whose names make one run id get two ids and two pages, and the later file is told', async () => {
    const content = tempContent();
    content.put('run a.jsonl', 'own-results.jsonl');
    content.put('run-a.jsonl', 'own-results.jsonl');
    content.put('模型.jsonl', 'own-results.jsonl');
    content.put('モデル.jsonl', 'own-results.jsonl');
    const { runs, files } = await loadEvals(content.dir, configWith(), targets, removals);
    expect(runs.map((run) => [run.file, run.id])).toEqual([
      ['evals/run a.jsonl', 'run-a-jsonl'],
      ['evals/run-a.jsonl', 'run-a-jsonl-2'],
      ['evals/モデル.jsonl', 'jsonl'],
      ['evals/模型.jsonl', 'jsonl-2'],
    ]);
    // Each run's unmapped results name the run they belong to.
    expect(runs.every((run) => run.unmapped.every((item) => item.run === run.id))).toBe(true);
    const told = files.flatMap((file) =>
      file.messages.filter((message) => message.ruleId === 'duplicate-run-id').map((message) => `${file.path}: ${message.reason}`),
    );
    expect(told).toEqual([
      expect.stringMatching(/run-a\.jsonl: Unexpected run id `run-a-jsonl` .*already used by the run in evals\/run a\.jsonl.*this one is `run-a-jsonl-2`/),
      expect.stringMatching(/模型\.jsonl: Unexpected run id `jsonl` .*already used by the run in evals\/モデル\.jsonl.*`jsonl-2`/),
    ]);
  });

  test('a line that cannot be read counts as an error of its run, on no section, even before the first readable line', async () => {
    const content = tempContent();
    const fixture = readFileSync(path.join(fixtures, 'promptfoo-output.jsonl'), 'utf8');
    content.put('broken-first.jsonl', undefined, `{"id": "cut off\n${fixture}`);
    const { runs, files } = await loadEvals(content.dir, configWith(), targets, removals);
    // One run per provider of the readable lines: the broken line made none of its own.
    expect(runs.map((run) => run.id).some((id) => id.includes('unknown'))).toBe(false);
    const withError = runs.filter((run) => run.results.some((result) => result.unreadable));
    expect(withError).toHaveLength(1);
    expect(withError[0]!.unmapped.filter((item) => item.sample === 'line 1')).toEqual([]);
    const data = editionEvals(runs, targets, removals, false).get('2026-11-23')!;
    const total = data.runs.find((run) => run.id === withError[0]!.id)!.total;
    expect(total.error).toBe(withError[0]!.results.filter((result) => result.verdict === 'error').length);
    expect(total.error).toBeGreaterThanOrEqual(1);
    expect(files[0]!.messages.map((message) => [message.line, message.ruleId])).toContainEqual([1, 'malformed-run']);
  });

  test('a very long answer, message or rationale is cut for the site, saying how much the log keeps', async () => {
    const content = tempContent();
    const header = readFileSync(path.join(fixtures, 'own-results.jsonl'), 'utf8').split('\n')[0]!;
    const long = 'word '.repeat(10_000);
    content.put(
      'long.jsonl',
      undefined,
      `${header}\n${JSON.stringify({ example: 'tutor_guides', verdict: 'compliant', output: long, rationale: 'Short.' })}\n`,
    );
    const { runs } = await loadEvals(content.dir, configWith(), targets, removals);
    const [result] = runs[0]!.results;
    expect(result!.output).toBe(`${long.slice(0, keptCharacters)}… [${long.length - keptCharacters} more characters in the log]`);
    expect(result!.rationale).toBe('Short.');
  });

  test('a run file linked from inside the folder is read; a link out of it is refused, not followed; an evals "folder" that is a file is refused', async () => {
    const content = tempContent();
    const fixture = path.join(fixtures, 'own-results.jsonl');
    mkdirSync(path.join(content.dir, 'store'));
    copyFileSync(fixture, path.join(content.dir, 'store', 'run.jsonl'));
    symlinkSync(path.join(content.dir, 'store', 'run.jsonl'), path.join(content.evals, 'linked.jsonl'));
    const outside = mkdtempSync(path.join(tmpdir(), 'evals-outside-'));
    copyFileSync(fixture, path.join(outside, 'secret.jsonl'));
    symlinkSync(path.join(outside, 'secret.jsonl'), path.join(content.evals, 'out.jsonl'));
    const { runs, files } = await loadEvals(content.dir, configWith(), targets, removals);
    expect(runs.map((run) => run.file)).toEqual(['evals/linked.jsonl']);
    const refused = files.flatMap((file) =>
      file.messages.filter((message) => message.fatal).map((message) => `${path.basename(file.path)}: ${message.reason} [${message.ruleId}]`),
    );
    expect(refused).toEqual([
      expect.stringMatching(/^out\.jsonl: Unexpected symbolic link to `.*secret\.jsonl` outside the content folder, .* \[outside-content\]$/),
    ]);

    const asFile = tempContent();
    const notFolder = await loadEvals(asFile.dir, configWith({ dir: 'evals/readme.md' }), targets, removals).catch((error: Error) => error);
    expect(notFolder).not.toBeInstanceOf(Error);
    writeFileSync(path.join(asFile.evals, 'readme.md'), '# Runs');
    const { files: problems } = await loadEvals(asFile.dir, configWith({ dir: 'evals/readme.md' }), targets, removals);
    expect(problems.flatMap((file) => file.messages.map((message) => `${message.ruleId}: ${message.reason}`))).toEqual([
      expect.stringMatching(/^unreadable-run: Unexpected file as the evals folder/),
    ]);
  });

  test('a run deep in long folder names gets an id short enough to name its page folder, and still its own', async () => {
    const content = tempContent();
    const deep = path.join(content.evals, 'a'.repeat(150), 'b'.repeat(150));
    mkdirSync(deep, { recursive: true });
    copyFileSync(path.join(fixtures, 'own-results.jsonl'), path.join(deep, 'one.jsonl'));
    copyFileSync(path.join(fixtures, 'own-results.jsonl'), path.join(deep, 'two.jsonl'));
    const { runs } = await loadEvals(content.dir, configWith(), targets, removals);
    const ids = runs.map((run) => run.id);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
    for (const id of ids) {
      expect(id.length).toBeLessThanOrEqual(100);
      expect(id).toMatch(/^a{20,}.*-[0-9a-f]{10}$/);
    }
  });
});
