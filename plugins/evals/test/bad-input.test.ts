// Hostile and broken run files: each gets a positioned message (file, sample), nothing crashes,
// nothing is silently lost (a 100 MB log: large-log.test.ts).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { SpecError } from '../../model/index.ts';
import { loadEvals } from '../load.ts';
import { evalOverlay } from '../overlay.ts';
import { parseInspectJson } from '../adapters/nonfinite-json.ts';
import { inspectEvalZip, inspectLogJson } from '../write/inspect-log.ts';
import { configWith, fixtureModel, fixtures, removals, tempContent } from './support.ts';

const targets = [{ release: '2026-11-23', model: fixtureModel }];
const dump = parseInspectJson(readFileSync(path.join(fixtures, 'inspect-log-dump.json'), 'utf8')) as {
  eval: Record<string, unknown>;
  samples: Array<Record<string, unknown>>;
};
const sample = (id: string, epoch: number, value: unknown) => ({
  id,
  epoch,
  input: 'x',
  target: '',
  messages: [],
  output: { choices: [{ message: { role: 'assistant', content: 'y' } }] },
  scores: { model_graded_qa: { value, explanation: 'why' } },
  metadata: {},
});
const lines = (files: Awaited<ReturnType<typeof loadEvals>>['files']) =>
  files.flatMap((file) =>
    file.messages.map(
      (message) =>
        `${path.basename(file.path)}${message.line ? `:${message.line}` : ''}: ${message.fatal ? 'error' : 'warning'} [evals:${message.ruleId}] ${message.reason}`,
    ),
  );

describe('bad input', () => {
  test('a truncated .eval zip and malformed JSON are errors naming the file; the other runs still load', async () => {
    const content = tempContent();
    const zip = inspectEvalZip({ eval: dump.eval, samples: dump.samples });
    content.put('cut.eval', undefined, zip.subarray(0, Math.floor(zip.length / 2)));
    content.put('cut.json', undefined, inspectLogJson({ eval: dump.eval, samples: dump.samples }).slice(0, 900));
    content.put('good.eval', undefined, zip);
    const { runs, files } = await loadEvals(content.dir, configWith(), targets, removals);
    expect(runs.map((run) => run.file)).toEqual(['evals/good.eval']);
    const out = lines(files);
    expect(out).toContainEqual(
      expect.stringMatching(/^cut\.eval: error \[evals:unreadable-run\] Unexpected unreadable zip \(.+\), expected an Inspect `\.eval` log .*truncated/),
    );
    expect(out).toContainEqual(
      expect.stringMatching(
        /^cut\.json: error \[evals:malformed-run\] Unexpected malformed or truncated JSON \(.+\) after \d samples, expected an Inspect EvalLog/,
      ),
    );
    // The build stops with all of it, file by file.
    await expect(
      evalOverlay(
        content.dir,
        configWith(),
        () => {},
        () => {},
      )(targets, removals),
    ).rejects.toThrow(SpecError);
    await expect(
      evalOverlay(
        content.dir,
        configWith(),
        () => {},
        () => {},
      )(targets, removals),
    ).rejects.toThrow(/cut\.eval: error: Unexpected unreadable zip[\s\S]*cut\.json: error: Unexpected malformed/);
  });

  test('a zip missing a sample the summaries list, a damaged sample entry, an unknown verdict, duplicates and disagreeing epochs', async () => {
    const content = tempContent();
    const samples = [
      sample('tutor_guides', 1, 'C'),
      sample('tutor_guides', 2, 'I'),
      sample('scaling', 1, 'X'),
      sample('sec_one', 1, 'C'),
      sample('sec_two', 1, 'C'),
    ];
    const zip = inspectEvalZip({ eval: dump.eval, samples, omit: ['samples/sec_one_epoch_1.json'] });
    content.put('damaged.eval', undefined, zip);
    const dup = JSON.parse(inspectLogJson({ eval: dump.eval, samples: [sample('scaling', 1, 'C'), sample('scaling', 1, 'I')] }));
    content.put('dup.json', undefined, JSON.stringify(dup));
    const { runs, files } = await loadEvals(content.dir, configWith(), targets, removals);
    const out = lines(files);
    expect(out).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^damaged\.eval: warning \[evals:missing-sample\] Missing sample `sec_one`, epoch 1: summaries\.json lists it, expected `samples\/sec_one_epoch_1\.json` in the zip/,
        ),
        expect.stringMatching(
          /^damaged\.eval: warning \[evals:unknown-verdict\] Unexpected score value "X" from scorer `model_graded_qa` in sample `scaling` \(samples\/scaling_epoch_1\.json\), expected one of "C", "P", "I", "N" or a number/,
        ),
        expect.stringMatching(
          /^damaged\.eval: warning \[evals:epochs-disagree\] Epochs of 1 sample disagree \(passing: `tutor_guides` 1 of 2\)/,
        ),
        expect.stringMatching(
          /^dup\.json: warning \[evals:duplicate-sample\] Unexpected second result for sample `scaling` \(samples\[1\]\), expected each sample and epoch once \(first at samples\[0\]\)/,
        ),
      ]),
    );
    const damaged = runs.find((run) => run.file === 'evals/damaged.eval')!;
    expect(damaged.missing).toBe(1);
    // Kept, not dropped: the unknown verdict counts as unscored.
    expect(damaged.results.map((result) => [result.sample, result.epoch, result.verdict])).toEqual([
      ['tutor_guides', 1, 'compliant'],
      ['tutor_guides', 2, 'violating'],
      ['scaling', 1, 'unscored'],
      ['sec_two', 1, 'compliant'],
    ]);
    // Warnings do not stop the build; the overlay logs them.
    const logged: string[] = [];
    await evalOverlay(
      content.dir,
      configWith(),
      () => {},
      (text) => logged.push(text),
    )(targets, removals);
    expect(logged.join('\n')).toMatch(/4 warnings|\d+ warnings/);
  });

  test('a corrupted sample entry inside a readable zip is reported and counted as an error', async () => {
    const content = tempContent();
    const { strToU8, zipSync } = await import('fflate');
    const zip = zipSync({
      'header.json': strToU8(JSON.stringify({ version: 2, status: 'success', eval: dump.eval })),
      'samples/tutor_guides_epoch_1.json': strToU8('{"id": "tutor_guides", "epoch": 1, "scores": {'),
    });
    content.put('bad-entry.eval', undefined, zip);
    const { runs, files } = await loadEvals(content.dir, configWith(), targets, removals);
    expect(runs[0]!.results.map((result) => [result.sample, result.verdict])).toEqual([['tutor_guides', 'error']]);
    expect(lines(files)).toEqual([
      expect.stringMatching(
        /^bad-entry\.eval: warning \[evals:malformed-run\] Unexpected unreadable sample `tutor_guides`, epoch 1 \(samples\/tutor_guides_epoch_1\.json: .+\), expected an EvalSample as JSON; counted as an error/,
      ),
    ]);
  });
});
