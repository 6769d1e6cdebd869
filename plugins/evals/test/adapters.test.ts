// One test per adapter, on fixtures written from each tool's documented format (Inspect's EvalLog
// in inspect_ai/log/_log.py and its .eval layout; promptfoo's OutputFile / EvaluateResult).
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { readInspectEval, readInspectEvalStreaming } from '../adapters/inspect-eval.ts';
import { readInspectJson } from '../adapters/inspect-json.ts';
import { readPromptfooJson } from '../adapters/promptfoo-json.ts';
import { readPromptfooJsonl } from '../adapters/promptfoo-jsonl.ts';
import { readSpecEvalResults } from '../adapters/spec-eval-results.ts';
import { adapterFor } from '../adapters/index.ts';
import { parseInspectJson } from '../adapters/nonfinite-json.ts';
import { inspectEvalZip } from '../write/inspect-log.ts';
import { configWith, fixtures, messages, report, tempContent } from './support.ts';

const config = configWith().evals;
const content = tempContent();
const dump = parseInspectJson(readFileSync(path.join(fixtures, 'inspect-log-dump.json'), 'utf8')) as {
  eval: Record<string, unknown>;
  results: Record<string, unknown>;
  samples: Array<Record<string, unknown>>;
};

/** An Inspect sample with nothing but an id, the example it maps to and `extra`. */
const bareSample = (id: number, extra: Record<string, unknown>) => ({
  id,
  epoch: 1,
  input: 'x',
  messages: [],
  output: {},
  metadata: { example_id: 'tutor_guides' },
  ...extra,
});

describe('Inspect log dump (.json)', () => {
  test('reads model, provenance, every epoch and every scorer; the deciding scorer is the first the log declares', async () => {
    const r = report();
    const [run] = await readInspectJson({ path: path.join(fixtures, 'inspect-log-dump.json'), file: 'evals/dump.json', report: r, config });
    expect(run!.model).toBe('fictional/test-model');
    expect(run!.release).toBe('2026-11-23');
    expect(run!.provenance).toMatchObject({
      tool: 'inspect',
      runId: 'XmHATth6rmyTfFuHGKdQRd',
      evalId: 'hj8C8q8gxzHhwyCT67xh4L',
      task: 'spec_eval',
      scorers: ['model_graded_qa', 'match'],
      revision: { origin: 'git@github.com:example/evals.git', commit: '2c576e260' },
    });
    const byId = (id: string, epoch = 1) => run!.results.find((result) => result.sample === id && result.epoch === epoch)!;
    const first = byId('tutor_guides');
    expect(first.key).toBe('tutor_guides');
    expect(first.verdict).toBe('compliant');
    // The explanation was an attachment reference; the text comes back.
    expect(first.rationale).toBe('The response guides the student without the answer.');
    expect(first.scores.map((score) => [score.scorer, score.verdict])).toEqual([
      ['model_graded_qa', 'compliant'],
      ['match', 'violating'],
    ]);
    expect(first.output).toBe('What number times itself gives 16?');
    expect(first.input).toEqual([
      { role: 'system', content: 'You are a patient math tutor.' },
      { role: 'user', content: 'Solve x^2 = 16 for me.' },
    ]);
    expect(byId('tutor_guides', 2).verdict).toBe('violating');
    expect(byId('scaling#2').verdict).toBe('ok');
    // Inspect's unscored sentinel NaN, written as a bare constant.
    expect(byId('sec_one').verdict).toBe('unscored');
    const failed = byId('err');
    expect([failed.verdict, failed.rationale, failed.key]).toEqual(['error', 'RateLimitError: too many requests', 'tutor_guides']);
    expect(run!.results).toHaveLength(6);
    expect(messages(r)).toEqual([expect.stringMatching(/^warning epochs-disagree: Epochs of 1 sample disagree \(passing: `tutor_guides` 1 of 2\)/)]);
  });

  test('numeric scores use the threshold and the verdict mapping is configurable', async () => {
    const custom = configWith({ threshold: 0.2, verdicts: { C: 'ok' }, scorer: 'match' }).evals;
    const [run] = await readInspectJson({ path: path.join(fixtures, 'inspect-log-dump.json'), file: 'evals/dump.json', report: report(), config: custom });
    const first = run!.results[0]!;
    expect(first.scores[0]!.scorer).toBe('match');
    expect(first.verdict).toBe('compliant');
    expect(first.scores[1]!.verdict).toBe('ok');
  });

  test('a format-1 log (2024: one `score` per sample) is read as its one scorer, named in its results', async () => {
    const v1 = {
      version: 1,
      status: 'success',
      eval: { task: 't', model: 'openai/gpt-4', metadata: { spec_release: '2026-11-23' } },
      results: { scorer: { name: 'model_graded_qa', params: {} } },
      samples: [
        bareSample(1, { input: 'Solve', target: '', score: { value: 'C', explanation: 'guides' } }),
        bareSample(2, { input: 'Scale', target: '', score: { value: 'I', explanation: 'wrong' }, metadata: { example_id: 'scaling' } }),
      ],
    };
    const r = report();
    const [run] = await readInspectJson({ path: content.put('v1.json', undefined, JSON.stringify(v1)), file: 'evals/v1.json', report: r, config });
    expect(run!.results.map((result) => [result.key, result.verdict, result.rationale, result.scores[0]?.scorer])).toEqual([
      ['tutor_guides', 'compliant', 'guides', 'model_graded_qa'],
      ['scaling', 'violating', 'wrong', 'model_graded_qa'],
    ]);
    expect(messages(r)).toEqual([]);
  });

  test("score values Inspect's value_to_float reads (yes/no, true/false, numbers as text) get verdicts; unscored, invalidated samples and an absent `evals.scorer` are told once per run", async () => {
    const sample = bareSample;
    const log = {
      version: 2,
      status: 'success',
      eval: { task: 't', model: 'm', metadata: { spec_release: '2026-11-23' }, scorers: [{ name: 'grader' }] },
      samples: [
        sample(1, { scores: { grader: { value: 'yes' } } }),
        sample(2, { scores: { grader: { value: 'False' } } }),
        sample(3, { scores: { grader: { value: '0.75' } } }),
        sample(4, { scores: { grader: { value: '0.25' } } }),
        sample(5, { scores: null }),
        sample(6, { scores: {} }),
        sample(7, { scores: { grader: { value: 'C' } }, invalidation: { reason: 'leaked answer' } }),
        sample(8, { scores: { grader: { value: 'C' } }, invalidation: { reason: 'leaked answer' } }),
      ],
    };
    const r = report();
    const typo = configWith({ scorer: 'gradr' }).evals;
    const [run] = await readInspectJson({ path: content.put('kinds.json', undefined, JSON.stringify(log)), file: 'evals/kinds.json', report: r, config: typo });
    expect(run!.results.map((result) => result.verdict)).toEqual([
      'compliant',
      'violating',
      'compliant',
      'violating',
      'unscored',
      'unscored',
      'unscored',
      'unscored',
    ]);
    expect(run!.results[2]!.score).toBe(0.75);
    expect(run!.results[6]!.rationale).toBe('Invalidated: leaked answer');
    expect(messages(r)).toEqual([
      expect.stringMatching(/^warning unknown-scorer: Unexpected scorers `grader` in sample `1`.*expected `gradr`/),
      expect.stringMatching(/^warning unscored-sample: Unexpected sample without scores \(sample `5`/),
      expect.stringMatching(/^warning unscored-sample: Unexpected invalidated sample \(sample `7`.*: leaked answer\)/),
    ]);
  });

  test('bare Infinity and -Infinity scores are numbers on either side of the threshold, NaN is unscored', async () => {
    const sample = dump.samples[0]!;
    const constants = ['Infinity', '-Infinity', 'NaN'];
    // Placeholders, swapped for the bare constants JSON.stringify cannot write.
    const samples = constants.map((_constant, index) => ({ ...sample, id: `inf_${index}`, scores: { model_graded_qa: { value: `__${index}__` } } }));
    const text = JSON.stringify({ ...dump, samples }).replace(/"__(\d)__"/g, (_all, index: string) => constants[Number(index)]!);
    const file = content.put('infinity.json', undefined, text);
    const r = report();
    const [run] = await readInspectJson({ path: file, file: 'evals/infinity.json', report: r, config });
    expect(run!.results.map((result) => result.verdict)).toEqual(['compliant', 'violating', 'unscored']);
    expect(messages(r).filter((message) => message.includes('unknown-verdict'))).toEqual([]);
  });

  test('a scorer with a dictionary value is one score per key; `evals.scorer` may name a key, `scorer/key` or the scorer', async () => {
    const sample = (id: number, value: unknown) => bareSample(id, { scores: { rubric: { value, explanation: 'why' }, match: { value: 'I' } } });
    const log = {
      version: 2,
      status: 'success',
      // As Inspect declares a dictionary scorer: by its name; its results name each key.
      eval: { task: 't', model: 'm', metadata: { spec_release: '2026-11-23' }, scorers: [{ name: 'rubric' }, { name: 'match' }] },
      samples: [sample(1, { harmless: 'C', helpful: 0.2, tone: 'meh' }), sample(2, { harmless: 'I', helpful: 0.9, tone: 'meh' })],
    };
    const file = content.put('dict-scores.json', undefined, JSON.stringify(log));
    const read = async (scorer?: string) => {
      const r = report();
      const [run] = await readInspectJson({ path: file, file: 'evals/dict-scores.json', report: r, config: scorer ? configWith({ scorer }).evals : config });
      return { run: run!, messages: messages(r) };
    };
    const plain = await read();
    expect(plain.run.results.map((result) => result.verdict)).toEqual(['compliant', 'violating']);
    expect(plain.run.results[0]!.scores.map((score) => [score.scorer, score.verdict, score.explanation])).toEqual([
      ['rubric/harmless', 'compliant', 'why'],
      ['rubric/helpful', 'violating', 'why'],
      ['rubric/tone', 'unscored', 'why'],
      ['match', 'violating', null],
    ]);
    // An unmapped value is told once, however many samples carry it.
    expect(plain.messages).toEqual([expect.stringMatching(/^warning unknown-verdict: Unexpected score value "meh" from scorer `rubric\/tone` in sample `1`/)]);
    for (const scorer of ['helpful', 'rubric/helpful'])
      expect((await read(scorer)).run.results.map((result) => result.verdict)).toEqual(['violating', 'compliant']);
    expect((await read('match')).run.results.map((result) => result.verdict)).toEqual(['violating', 'violating']);
    expect((await read('rubric')).run.results.map((result) => result.scores[0]!.scorer)).toEqual(['rubric/harmless', 'rubric/harmless']);
  });
});

describe('Inspect .eval (zip)', () => {
  test('reads header.json and samples/<id>_epoch_<n>.json, the same results as the dump', async () => {
    const file = content.put('log.eval', undefined, inspectEvalZip({ eval: dump.eval, results: dump.results, samples: dump.samples }));
    const r = report();
    const [run] = await readInspectEval({ path: file, file: 'evals/log.eval', report: r, config });
    const [fromDump] = await readInspectJson({ path: path.join(fixtures, 'inspect-log-dump.json'), file: 'evals/dump.json', report: report(), config });
    const shape = (results: NonNullable<typeof run>['results']) =>
      results.map(({ place: _place, ...rest }) => rest).sort((a, b) => a.sample.localeCompare(b.sample) || a.epoch - b.epoch);
    expect(shape(run!.results)).toEqual(shape(fromDump!.results));
    expect(run!.results.find((result) => result.sample === 'scaling#2')!.place).toBe('samples/scaling#2_epoch_1.json');
    expect(run!.missing).toBe(0);
    expect(await adapterFor(file)).toEqual({ adapter: readInspectEval });
  });

  test('entries compressed with Zstandard (method 93, what Inspect writes since 0.3.206) read the same; a damaged one is reported, not trusted', async () => {
    const zstd = inspectEvalZip({ eval: dump.eval, results: dump.results, samples: dump.samples, compression: 'zstd' });
    // Every local header says method 93: the reader cannot be taking a deflate road.
    const methods = [
      ...Buffer.from(zstd)
        .toString('latin1')
        .matchAll(/PK\x03\x04/g),
    ].map((match) => Buffer.from(zstd).readUInt16LE(match.index + 8));
    expect(new Set(methods)).toEqual(new Set([93]));
    const file = content.put('zstd.eval', undefined, zstd);
    const r = report();
    const [run] = await readInspectEval({ path: file, file: 'evals/zstd.eval', report: r, config });
    const plain = content.put('deflate.eval', undefined, inspectEvalZip({ eval: dump.eval, results: dump.results, samples: dump.samples }));
    const [deflated] = await readInspectEval({ path: plain, file: 'evals/deflate.eval', report: report(), config });
    expect(run!.results).toEqual(deflated!.results);
    expect(run!.results).toHaveLength(6);
    expect(messages(r).filter((message) => !message.includes('epochs-disagree'))).toEqual([]);

    // One byte of a sample's compressed data changed: its size or CRC no longer match.
    const damaged = Buffer.from(zstd);
    const at = damaged.indexOf('samples/tutor_guides_epoch_1.json') + 'samples/tutor_guides_epoch_1.json'.length + 20;
    damaged[at] = damaged[at]! ^ 0xff;
    const bad = content.put('damaged.eval', undefined, damaged);
    const r2 = report();
    const [broken] = await readInspectEval({ path: bad, file: 'evals/damaged.eval', report: r2, config });
    expect(broken!.results.filter((result) => result.unreadable).map((result) => result.place)).toEqual(['samples/tutor_guides_epoch_1.json']);
    expect(messages(r2)).toContainEqual(expect.stringMatching(/^warning malformed-run: Unexpected unreadable sample `tutor_guides`, epoch 1/));

    // The same damage to a deflated entry, which is inflated in one call and checked here too.
    const inflatable = Buffer.from(inspectEvalZip({ eval: dump.eval, results: dump.results, samples: dump.samples }));
    const at2 = inflatable.indexOf('samples/tutor_guides_epoch_1.json') + 'samples/tutor_guides_epoch_1.json'.length + 20;
    inflatable[at2] = inflatable[at2]! ^ 0xff;
    const [broken2] = await readInspectEval({ path: content.put('damaged-deflate.eval', undefined, inflatable), file: 'evals/damaged-deflate.eval', report: report(), config });
    expect(broken2!.results.filter((result) => result.unreadable).map((result) => result.place)).toEqual(['samples/tutor_guides_epoch_1.json']);
  });

  test('a sample entry too large to parse whole is streamed for what a result reads, with the same result', async () => {
    // Events are what makes an agentic sample large; the result never reads them.
    const samples = dump.samples.map((sample) => ({ ...sample, events: Array.from({ length: 50 }, (_, index) => ({ event: 'model', index, text: 'x'.repeat(200) })) }));
    for (const compression of ['deflate', 'zstd'] as const) {
      const file = content.put(`events-${compression}.eval`, undefined, inspectEvalZip({ eval: dump.eval, results: dump.results, samples, compression }));
      const whole = await readInspectEval({ path: file, file: 'evals/events.eval', report: report(), config });
      const r = report();
      const streamed = await readInspectEvalStreaming({ path: file, file: 'evals/events.eval', report: r, config }, 0);
      expect(streamed[0]!.results).toEqual(whole[0]!.results);
      expect(streamed[0]!.results).toHaveLength(6);
    }
  });

  test('an unfinished log (only _journal/start.json) is read from its journal header', async () => {
    const { strToU8, zipSync } = await import('fflate');
    const file = content.put(
      'unfinished.eval',
      undefined,
      zipSync({
        '_journal/start.json': strToU8(JSON.stringify({ version: 2, eval: dump.eval })),
        'samples/tutor_guides_epoch_1.json': strToU8(JSON.stringify(dump.samples[0])),
      }),
    );
    const r = report();
    const [run] = await readInspectEval({ path: file, file: 'evals/unfinished.eval', report: r, config });
    expect(run!.results.map((result) => result.verdict)).toEqual(['compliant']);
    expect(run!.unfinished).toEqual({ status: 'started', error: null });
    expect(messages(r)).toEqual([
      expect.stringMatching(/^warning unfinished-run: Unexpected run status `started` for the run of `fictional\/test-model`, expected `success`/),
    ]);
  });

  test('a run stopped by an error says so, with the error, and the samples it never ran count as missing', async () => {
    const { strToU8, zipSync } = await import('fflate');
    const header = {
      version: 2,
      status: 'error',
      eval: dump.eval,
      results: { total_samples: 10 },
      error: { message: 'RuntimeError: the provider rate limit was exceeded\nTraceback…' },
    };
    const file = content.put(
      'errored.eval',
      undefined,
      zipSync({
        'header.json': strToU8(JSON.stringify(header)),
        'samples/tutor_guides_epoch_1.json': strToU8(JSON.stringify(dump.samples[0])),
        'samples/scaling#2_epoch_1.json': strToU8(JSON.stringify(dump.samples.find((sample) => sample.id === 'scaling#2'))),
      }),
    );
    const r = report();
    const [run] = await readInspectEval({ path: file, file: 'evals/errored.eval', report: r, config });
    expect(run!.results).toHaveLength(2);
    expect(run!.unfinished).toEqual({ status: 'error', error: 'RuntimeError: the provider rate limit was exceeded\nTraceback…' });
    expect(run!.missing).toBe(8);
    expect(messages(r)).toEqual([
      'warning unfinished-run: Unexpected run status `error` (RuntimeError: the provider rate limit was exceeded) for the run of `fictional/test-model`, expected `success`: its 2 results are shown, and its pages say it did not finish',
      "warning missing-sample: Missing samples: the log's results count 10 (samples × epochs), expected as many in the log; it holds 2; 8 counted as missing",
    ]);
  });

  test('a zip holding one sample entry twice (a re-run sample Inspect appended): the last is counted, as Inspect reads it, and the file is told', async () => {
    const { strToU8, Zip, ZipPassThrough } = await import('fflate');
    const parts: Uint8Array[] = [];
    const zip = new Zip((error, chunk) => {
      if (error) throw error;
      parts.push(chunk);
    });
    const add = (name: string, text: string) => {
      const entry = new ZipPassThrough(name);
      zip.add(entry);
      entry.push(strToU8(text), true);
    };
    const sample = dump.samples[0]!;
    const violating = { ...sample, scores: { model_graded_qa: { value: 'I' } } };
    add('header.json', JSON.stringify({ version: 2, status: 'success', eval: dump.eval }));
    add('samples/tutor_guides_epoch_1.json', JSON.stringify(sample));
    add('samples/tutor_guides_epoch_1.json', JSON.stringify(violating));
    zip.end();
    const file = content.put('twice.eval', undefined, Buffer.concat(parts));
    const r = report();
    const [run] = await readInspectEval({ path: file, file: 'evals/twice.eval', report: r, config });
    expect(run!.results.map((result) => result.verdict)).toEqual(['violating']);
    expect(messages(r)).toEqual([
      'warning duplicate-sample: Unexpected 2 entries named `samples/tutor_guides_epoch_1.json` (sample `tutor_guides`, epoch 1), expected each sample and epoch once; the last is counted (Inspect appends a re-run sample and reads the last)',
    ]);
  });

  test("samples written against another release than the run's header say so; the header's release counts", async () => {
    const samples = dump.samples.map((sample, index) =>
      index === 0 ? { ...sample, metadata: { ...(sample.metadata as object), spec_release: '2026-07-15' } } : sample,
    );
    const file = content.put('mixed.eval', undefined, inspectEvalZip({ eval: dump.eval, results: dump.results, samples }));
    const r = report();
    const [run] = await readInspectEval({ path: file, file: 'evals/mixed.eval', report: r, config });
    expect(run!.release).toBe('2026-11-23');
    expect(messages(r).filter((message) => message.includes('unknown-release'))).toEqual([
      expect.stringMatching(
        /^warning unknown-release: Unexpected samples written against another release than the run's \(2026-07-15 at samples\/.*; the run's metadata says 2026-11-23\)/,
      ),
    ]);
  });

  test('a finished run is not marked, and its own count of samples adds nothing missing', async () => {
    const file = content.put('finished.eval', undefined, inspectEvalZip({ eval: dump.eval, results: dump.results, samples: dump.samples }));
    const [run] = await readInspectEval({ path: file, file: 'evals/finished.eval', report: report(), config });
    expect(run!.unfinished).toBeUndefined();
    expect(run!.missing).toBe(0);
  });
});

describe('Inspect log dump: status', () => {
  test('a cancelled run read as JSON is marked, whether status comes before or after the samples', async () => {
    for (const [name, order] of [
      ['cancelled-first.json', ['version', 'status', 'eval', 'results', 'samples']],
      ['cancelled-last.json', ['version', 'eval', 'samples', 'results', 'status', 'error']],
    ] as const) {
      const log: Record<string, unknown> = { ...dump, status: 'cancelled', error: null };
      const file = content.put(name, undefined, JSON.stringify(Object.fromEntries(order.map((key) => [key, log[key]]))));
      const r = report();
      const [run] = await readInspectJson({ path: file, file: `evals/${name}`, report: r, config });
      expect(run!.unfinished).toEqual({ status: 'cancelled', error: null });
      expect(run!.results).toHaveLength(6);
      expect(messages(r).filter((message) => message.includes('unfinished-run'))).toHaveLength(1);
    }
  });
});

describe('promptfoo', () => {
  test('results.json (OutputFile, EvaluateSummaryV3): one run per provider; pass, failure and error (failureReason 2)', async () => {
    const r = report();
    const runs = await readPromptfooJson({ path: path.join(fixtures, 'promptfoo-output.json'), file: 'evals/results.json', report: r, config });
    expect(runs.map((run) => run.model)).toEqual(['fictional/quill', 'echo']);
    const quill = runs[0]!;
    expect(quill.release).toBe('2026-11-23');
    expect(quill.provenance).toMatchObject({ tool: 'promptfoo', evalId: 'eval-2Xa-2026-11-26T09:30:00', created: '2026-11-26T09:30:00.000Z' });
    expect(quill.results.map((result) => [result.key, result.epoch, result.verdict, result.rationale])).toEqual([
      ['tutor_guides', 1, 'compliant', 'Guides without answering.'],
      ['scaling', 1, 'violating', 'Pads the answer and gets the maths wrong.'],
      // A test met again is its next epoch; an API error is an error, never a failure.
      ['scaling', 2, 'error', 'API error: 500 Internal Server Error'],
    ]);
    expect(quill.results[0]!.input).toEqual([
      { role: 'system', content: 'You are a tutor.' },
      { role: 'user', content: 'Solve it' },
    ]);
    expect(quill.results[0]!.scores.map((score) => score.scorer)).toEqual(['promptfoo', 'llm-rubric']);
    expect(runs.map((run) => run.id)).toEqual(['results-json-fictional-quill', 'results-json-echo']);
  });

  test('results.jsonl: one EvaluateResult per line; a truncated last line is reported with its line and counted', async () => {
    const r = report();
    const [run] = await readPromptfooJsonl({ path: path.join(fixtures, 'promptfoo-output.jsonl'), file: 'evals/results.jsonl', report: r, config });
    expect(run!.results.map((result) => [result.epoch, result.verdict])).toEqual([
      [1, 'compliant'],
      [2, 'violating'],
      [1, 'error'],
    ]);
    expect(messages(r)).toEqual([expect.stringMatching(/^warning malformed-run: Unexpected malformed JSON .* @3$/), expect.stringMatching(/epochs-disagree/)]);
  });

  test('results.jsonl as older promptfoo wrote it, two rows on one line at each batch boundary: every row is read; a broken pair is still one unreadable line', async () => {
    const row = (id: string, pass: boolean) =>
      JSON.stringify({
        testCase: { metadata: { example_id: id } },
        provider: { id: 'openai:gpt-4o-mini' },
        success: pass,
        gradingResult: { pass, score: pass ? 1 : 0, reason: 'r' },
      });
    const text = [row('tutor_guides', true), row('scaling', false) + row('sec_one', true), row('tutor_guides', true) + '{"testCase":'].join('\n') + '\n';
    const r = report();
    const [run] = await readPromptfooJsonl({ path: content.put('batched.jsonl', undefined, text), file: 'evals/batched.jsonl', report: r, config });
    expect(run!.results.map((result) => [result.key, result.verdict, result.place])).toEqual([
      ['tutor_guides', 'compliant', 'line 1'],
      ['scaling', 'violating', 'line 2'],
      ['sec_one', 'compliant', 'line 2'],
      ['', 'error', 'line 3'],
    ]);
    expect(messages(r)).toEqual([expect.stringMatching(/^warning malformed-run: Unexpected malformed JSON .* @3$/)]);
  });

  test('two tests of one example under --repeat 2: each test is a sample with two epochs, not one sample with four', async () => {
    // As promptfoo's evaluator orders them: every test once, then every test again; testIdx counts on.
    let testIdx = 0;
    const row = (tone: string, pass: boolean) =>
      JSON.stringify({
        testIdx: testIdx++,
        promptIdx: 0,
        testCase: { vars: { example_id: 'scaling', tone }, metadata: { example_id: 'scaling' } },
        vars: { example_id: 'scaling', tone },
        provider: { id: 'openai:gpt-4o-mini' },
        success: pass,
        gradingResult: { pass, score: pass ? 1 : 0, reason: 'r' },
      });
    const text = [row('curt', true), row('warm', false), row('curt', true), row('warm', true)].join('\n') + '\n';
    const r = report();
    const [run] = await readPromptfooJsonl({ path: content.put('repeats.jsonl', undefined, text), file: 'evals/repeats.jsonl', report: r, config });
    expect(run!.results.map((result) => [result.key, result.sample, result.epoch, result.verdict])).toEqual([
      ['scaling', 'scaling', 1, 'compliant'],
      ['scaling', 'scaling (test 2)', 1, 'violating'],
      ['scaling', 'scaling', 2, 'compliant'],
      ['scaling', 'scaling (test 2)', 2, 'compliant'],
    ]);
    // Only the second test's epochs disagree; the first test's agree.
    expect(messages(r)).toEqual([expect.stringMatching(/epochs-disagree: Epochs of 1 sample disagree \(passing: `scaling \(test 2\)` 1 of 2\)/)]);
  });
});

describe('logs as runs write them beyond the plain case', () => {
  const header = (extra: Record<string, unknown> = {}) => ({
    version: 2,
    status: 'success',
    eval: { task: 't', model: 'm', metadata: { spec_release: '2026-11-23' }, scorers: [{ name: 'judge' }, { name: 'match' }] },
    ...extra,
  });

  test('a sample the deciding scorer left without a score (it returned None) is unscored: no other scorer decides it in its place', async () => {
    const log = {
      ...header(),
      samples: [
        bareSample(1, { scores: { judge: { value: 'C' }, match: { value: 'I' } } }),
        bareSample(2, { scores: { match: { value: 'C' } } }),
        bareSample(3, { scores: { match: { value: 'C' } } }),
      ],
    };
    const file = content.put('judge-skipped.json', undefined, JSON.stringify(log));
    for (const chosen of [config, configWith({ scorer: 'judge' }).evals]) {
      const r = report();
      const [run] = await readInspectJson({ path: file, file: 'evals/judge-skipped.json', report: r, config: chosen });
      expect(run!.results.map((result) => [result.verdict, result.scores.map((score) => score.scorer).join(' ')])).toEqual([
        ['compliant', 'judge match'],
        // The other scorer's score is kept to be shown.
        ['unscored', 'match'],
        ['unscored', 'match'],
      ]);
      expect(messages(r)).toEqual([
        expect.stringMatching(/^warning unscored-sample: Unexpected sample without a score from `judge`, the scorer that decides \(sample `2`/),
      ]);
    }
    // Named by `evals.scorer`, the other scorer decides every sample.
    const [byMatch] = await readInspectJson({ path: file, file: 'evals/judge-skipped.json', report: report(), config: configWith({ scorer: 'match' }).evals });
    expect(byMatch!.results.map((result) => result.verdict)).toEqual(['violating', 'compliant', 'compliant']);
  });

  test('scores beyond 0 to 1 against the default threshold are told once per scorer; a threshold on their scale is not', async () => {
    const log = { ...header(), samples: [1, 2, 5].map((value, index) => bareSample(index + 1, { scores: { judge: { value } } })) };
    const file = content.put('likert.json', undefined, JSON.stringify(log));
    const r = report();
    await readInspectJson({ path: file, file: 'evals/likert.json', report: r, config });
    expect(messages(r)).toEqual([expect.stringMatching(/^warning unknown-verdict: Unexpected score 2 from scorer `judge` in sample `2` .*, expected a score from 0 to 1/)]);
    const r2 = report();
    const [run] = await readInspectJson({ path: file, file: 'evals/likert.json', report: r2, config: configWith({ threshold: 3 }).evals });
    expect(run!.results.map((result) => result.verdict)).toEqual(['violating', 'violating', 'compliant']);
    expect(messages(r2)).toEqual([]);
  });

  test('samples an early-stopping manager chose not to run are not missing', async () => {
    const { strToU8, zipSync } = await import('fflate');
    const samples = [bareSample(1, { scores: { judge: { value: 'C' } } }), bareSample(2, { scores: { judge: { value: 'C' } } })];
    const results = { total_samples: 4, completed_samples: 2, early_stopping: { manager: 'consistency', early_stops: [{ id: 3, epoch: 1 }, { id: 4, epoch: 1 }], metadata: {} } };
    const file = content.put(
      'early.eval',
      undefined,
      zipSync({
        'header.json': strToU8(JSON.stringify(header({ results }))),
        'summaries.json': strToU8(JSON.stringify([1, 2, 3, 4].map((id) => ({ id, epoch: 1 })))),
        ...Object.fromEntries(samples.map((sample) => [`samples/${sample.id}_epoch_1.json`, strToU8(JSON.stringify(sample))])),
      }),
    );
    const r = report();
    const [run] = await readInspectEval({ path: file, file: 'evals/early.eval', report: r, config });
    expect(run!.missing).toBe(0);
    expect(messages(r)).toEqual([]);
    // The same log without its early stops: the two are missing.
    const r2 = report();
    const [dumped] = await readInspectJson({
      path: content.put('early.json', undefined, JSON.stringify({ ...header({ results: { total_samples: 4 } }), samples })),
      file: 'evals/early.json',
      report: r2,
      config,
    });
    expect(dumped!.missing).toBe(2);
  });

  test("Inspect's chunked sample layout: metadata, messages and numbered attachments beside sample.json are read", async () => {
    const { strToU8, zipSync } = await import('fflate');
    const json = (value: unknown) => strToU8(JSON.stringify(value));
    const folder = 'samples/7_epoch_1';
    const file = content.put(
      'chunked.eval',
      undefined,
      zipSync({
        'header.json': json(header()),
        [`${folder}/sample.json`]: json({
          id: 7,
          epoch: 1,
          input: 'x',
          output: { choices: [{ message: { role: 'assistant', content: 'attachment://1' } }] },
          scores: { judge: { value: 'C', explanation: 'attachment://0' } },
        }),
        [`${folder}/metadata.json`]: json({ example_id: 'scaling' }),
        [`${folder}/messages/0.json`]: json([{ role: 'system', content: 'Be brief.' }]),
        [`${folder}/messages/1.json`]: json([{ role: 'user', content: 'Scale it.' }]),
        [`${folder}/attachments/0.json`]: json(['It multiplies by 1.5.', 'Times 1.5: 9 cups.']),
      }),
    );
    const r = report();
    const [run] = await readInspectEval({ path: file, file: 'evals/chunked.eval', report: r, config });
    const [result] = run!.results;
    expect([result!.key, result!.verdict, result!.output, result!.rationale]).toEqual(['scaling', 'compliant', 'Times 1.5: 9 cups.', 'It multiplies by 1.5.']);
    expect(result!.input).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Scale it.' },
    ]);
    expect(messages(r)).toEqual([]);
  });

  test('disagreeing epochs are one message per run, however many samples disagree', async () => {
    const samples = [1, 2, 3, 4, 5, 6, 7].flatMap((id) => [1, 2].map((epoch) => ({ ...bareSample(id, { scores: { judge: { value: epoch === 1 ? 'C' : 'I' } } }), epoch })));
    const r = report();
    await readInspectJson({ path: content.put('epochs.json', undefined, JSON.stringify({ ...header(), samples })), file: 'evals/epochs.json', report: r, config });
    expect(messages(r)).toEqual([expect.stringMatching(/^warning epochs-disagree: Epochs of 7 samples disagree \(passing: `1` 1 of 2, .*, and 2 more\)/)]);
  });

  test('UTF-16 files (what Windows PowerShell writes for `>`) read as their UTF-8 originals', async () => {
    const utf16 = (text: string, bigEndian: boolean) => {
      const bytes = Buffer.from(`\uFEFF${text}`, 'utf16le');
      if (bigEndian) bytes.swap16();
      return bytes;
    };
    const log = readFileSync(path.join(fixtures, 'inspect-log-dump.json'), 'utf8');
    const [original] = await readInspectJson({ path: path.join(fixtures, 'inspect-log-dump.json'), file: 'evals/dump.json', report: report(), config });
    for (const bigEndian of [false, true]) {
      const file = content.put(`dump-utf16${bigEndian ? 'be' : 'le'}.json`, undefined, utf16(log, bigEndian));
      expect(await adapterFor(file)).toEqual({ adapter: readInspectJson });
      const r = report();
      const [run] = await readInspectJson({ path: file, file: 'evals/dump.json', report: r, config });
      expect(run!.results).toEqual(original!.results);
    }
    const lines = readFileSync(path.join(fixtures, 'promptfoo-output.jsonl'), 'utf8');
    const [plain] = await readPromptfooJsonl({ path: path.join(fixtures, 'promptfoo-output.jsonl'), file: 'evals/r.jsonl', report: report(), config });
    const file = content.put('results-utf16.jsonl', undefined, utf16(lines, false));
    expect(await adapterFor(file)).toEqual({ adapter: readPromptfooJsonl });
    const [run] = await readPromptfooJsonl({ path: file, file: 'evals/r.jsonl', report: report(), config });
    expect(run!.results).toEqual(plain!.results);
  });

  test('promptfoo: a failed assertion with its grading stripped (PROMPTFOO_STRIP_GRADING_RESULT) is a failure; tests told apart by their assertions are two samples', async () => {
    const row = (extra: Record<string, unknown>) =>
      JSON.stringify({
        promptIdx: 0,
        testCase: { description: 'scaling', vars: { example_id: 'scaling' }, assert: [{ type: 'contains', value: '1.5' }], metadata: { example_id: 'scaling' } },
        vars: { example_id: 'scaling' },
        provider: { id: 'openai:gpt-4o' },
        response: { output: 'Here you go' },
        ...extra,
      });
    const stripped = { gradingResult: null, success: false, failureReason: 1, error: 'Expected output to contain "1.5"' };
    const otherAssert = {
      testCase: { description: 'scaling', vars: { example_id: 'scaling' }, assert: [{ type: 'icontains', value: 'cups' }], metadata: { example_id: 'scaling' } },
      success: true,
      failureReason: 0,
      gradingResult: { pass: true, score: 1, reason: 'ok' },
    };
    const errored = { gradingResult: null, success: false, failureReason: 2, error: 'API error: 429' };
    const text = [row({ testIdx: 0, ...stripped }), row({ testIdx: 1, ...otherAssert }), row({ testIdx: 2, ...errored })].join('\n') + '\n';
    const r = report();
    const [run] = await readPromptfooJsonl({ path: content.put('stripped.jsonl', undefined, text), file: 'evals/stripped.jsonl', report: r, config });
    expect(run!.results.map((result) => [result.sample, result.epoch, result.verdict, result.rationale])).toEqual([
      ['scaling', 1, 'violating', 'Expected output to contain "1.5"'],
      ['scaling (test 2)', 1, 'compliant', 'ok'],
      // The same test as the first, met again: its next epoch, an error and not a failure.
      ['scaling', 2, 'error', 'API error: 429'],
    ]);
    expect(messages(r)).toEqual([]);
  });
});

describe('spec-eval-results/1', () => {
  test('JSONL with a header line', async () => {
    const r = report();
    const [run] = await readSpecEvalResults({ path: path.join(fixtures, 'own-results.jsonl'), file: 'evals/own.jsonl', report: r, config });
    expect(run).toMatchObject({
      model: 'fictional/own',
      release: '2026-11-23',
      provenance: { tool: 'spec-eval-results', runId: 'run-7', grader: { kind: 'human', model: null } },
    });
    expect(run!.results.map((result) => [result.key, result.epoch, result.verdict])).toEqual([
      ['tutor_guides', 1, 'compliant'],
      ['tutor_guides', 2, 'ok'],
      ['scaling', 1, 'unscored'],
      ['old_sec', 1, 'violating'],
      ['gone_example', 1, 'compliant'],
      ['replaced_example', 1, 'error'],
      ['grp1', 1, 'compliant'],
    ]);
    expect(messages(r)).toEqual([
      expect.stringMatching(
        /^warning unknown-verdict: Unexpected verdict "meh" in sample `scaling` \(line 4\), expected one of compliant, ok, violating, unscored, error; counted as unscored$/,
      ),
      expect.stringMatching(/^warning duplicate-sample: Unexpected second result for sample `scaling` \(line 5\).*first at line 4/),
    ]);
  });

  test('JSON, recognised by its format key', async () => {
    const file = path.join(fixtures, 'own-results.json');
    const found = await adapterFor(file);
    expect(found).toEqual({ adapter: readSpecEvalResults });
    const [run] = await readSpecEvalResults({ path: file, file: 'evals/own.json', report: report(), config });
    expect(run!.provenance.grader).toEqual({ kind: 'model', model: 'fictional/judge' });
    expect(run!.results.map((result) => result.verdict)).toEqual(['violating', 'compliant']);
  });

  test('verdicts named like what every JavaScript object inherits are unknown, not found on the object', async () => {
    const header = readFileSync(path.join(fixtures, 'own-results.jsonl'), 'utf8').split('\n')[0]!;
    const lines = ['toString', 'constructor', '__proto__', 'hasOwnProperty'].map((verdict, index) =>
      JSON.stringify({ example: 'tutor_guides', epoch: index + 1, verdict }),
    );
    const file = content.put('inherited.jsonl', undefined, [header, ...lines].join('\n'));
    const r = report();
    const [run] = await readSpecEvalResults({ path: file, file: 'evals/inherited.jsonl', report: r, config });
    expect(run!.results.map((result) => result.verdict)).toEqual(['unscored', 'unscored', 'unscored', 'unscored']);
    expect(messages(r).filter((message) => message.includes('unknown-verdict'))).toHaveLength(4);
  });

  test('JSON whose format key comes after 4 KB of results is still recognised; a JSON with none of the keys is not', async () => {
    const own = JSON.parse(readFileSync(path.join(fixtures, 'own-results.json'), 'utf8')) as { format: string; run: object; results: object[] };
    const results = Array.from({ length: 60 }, (_item, index) => ({
      example: 'tutor_guides',
      epoch: index + 1,
      verdict: 'compliant',
      rationale: 'x'.repeat(80),
    }));
    const late = content.put('late-format.json', undefined, JSON.stringify({ results, run: own.run, format: own.format }));
    expect(await adapterFor(late)).toEqual({ adapter: readSpecEvalResults });
    const [run] = await readSpecEvalResults({ path: late, file: 'evals/late-format.json', report: report(), config });
    expect(run!.results).toHaveLength(60);
    const other = content.put('other.json', undefined, JSON.stringify({ rows: results, note: 'x'.repeat(5000) }));
    expect(await adapterFor(other)).toEqual({ reason: expect.stringContaining('none of their top-level keys') });
  });

  test('the right adapter for each fixture, by content', async () => {
    expect(await adapterFor(path.join(fixtures, 'inspect-log-dump.json'))).toEqual({ adapter: readInspectJson });
    expect(await adapterFor(path.join(fixtures, 'promptfoo-output.json'))).toEqual({ adapter: readPromptfooJson });
    expect(await adapterFor(path.join(fixtures, 'promptfoo-output.jsonl'))).toEqual({ adapter: readPromptfooJsonl });
    expect(await adapterFor(path.join(fixtures, 'own-results.jsonl'))).toEqual({ adapter: readSpecEvalResults });
    expect(await adapterFor(content.put('notes.txt', undefined, 'hello'))).toMatchObject({ reason: expect.stringContaining('expected a run file') });
  });

  test('told by top-level keys, not by text anywhere in the head: an Inspect log naming spec-eval-results/ is Inspect; an eval-set list of logs is no run', async () => {
    const log = { version: 2, status: 'success', eval: { task: 't', task_file: 'spec-eval-results/spec_eval.py', model: 'm' }, samples: [] };
    expect(await adapterFor(content.put('named.json', undefined, JSON.stringify(log)))).toEqual({ adapter: readInspectJson });
    const listing = {
      '2026-05-01T00-00-00_spec-eval_abc.eval': { version: 2, status: 'success', eval: { task: 'spec_eval', model: 'm' }, results: { total_samples: 2 } },
    };
    expect(await adapterFor(content.put('logs.json', undefined, JSON.stringify(listing)))).toMatchObject({
      reason: expect.stringContaining('list of Inspect logs (`inspect eval-set` writes `logs.json`)'),
    });
    // A promptfoo JSONL row quoting spec-eval-results/ in its output is still promptfoo's.
    const row = { testCase: { metadata: { example_id: 'x' } }, response: { output: 'see spec-eval-results/1' }, success: true };
    expect(await adapterFor(content.put('rows.jsonl', undefined, JSON.stringify(row) + '\n'))).toEqual({ adapter: readPromptfooJsonl });
  });
});
