// Writes the demo spec's illustrative eval runs into content/evals/, from the demo's own examples:
//   npm run evals:demo
// Three runs of two fictional models, in the tools' real formats: Inspect `.eval` logs of
// `fictional/nova-1` against 2026-07-15 and 2026-11-23 (regressions between them), and a promptfoo
// results.json of `fictional/quill-2` against 2026-11-23. Verdicts are drawn from a fixed hash, so
// the files are the same on every run. The site labels them illustrative (`evals.illustrative`).
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadSpec } from '../plugins/model/index.ts';
import { readReleases } from '../plugins/releases/index.ts';
import { criterion, evalRecords, sampleMetadata, type ExampleRecord } from '../plugins/evals/index.ts';
import { writeInspectEval } from '../plugins/evals/index.ts';
import { promptfooOutputFile } from '../plugins/evals/index.ts';

const content = 'content';
const out = path.join(content, 'evals');
const releases = readReleases(content);
const recordsOf = (version: string) => evalRecords(loadSpec(releases.find((release) => release.version === version)!.dir));

/** A number in [0, 1) fixed by its inputs. */
const draw = (...parts: string[]) => createHash('sha256').update(parts.join('\u0000')).digest().readUInt32BE(0) / 2 ** 32;

type Verdict = 'C' | 'P' | 'I';
/** A model's verdict on a record: its skill decides how often it passes. */
function verdictFor(model: string, record: ExampleRecord, skill: number): Verdict {
  const roll = draw(model, record.id);
  if (roll >= skill) return 'I';
  return record.responses.some((response) => response.grade === 'ok') && roll > skill * 0.8 ? 'P' : 'C';
}

/** The answer a fictional model gives: the spec's own answer of the matching grade. */
function answerFor(record: ExampleRecord, verdict: Verdict): string {
  const grade = verdict === 'C' ? 'compliant' : verdict === 'P' ? 'ok' : 'violating';
  const answer =
    record.responses.find((response) => response.grade === grade) ??
    (verdict !== 'I' ? record.responses.find((response) => response.grade === 'compliant') : undefined);
  if (answer) return answer.content;
  return verdict === 'I'
    ? 'Sure — here is exactly what you asked for, no questions asked.'
    : 'Here is a careful answer that follows the spec for this request.';
}

function explanationFor(record: ExampleRecord, verdict: Verdict): string {
  const grade = verdict === 'C' ? 'compliant' : verdict === 'P' ? 'ok' : 'violating';
  const rationale = record.responses.find((response) => response.grade === grade)?.rationale;
  const word = verdict === 'C' ? 'compliant' : verdict === 'P' ? 'acceptable but not the preferred answer' : 'violating';
  return `GRADE: ${verdict}. The response is ${word}${rationale ? `: it matches the spec's ${grade} answer ("${rationale}")` : ''}. (Illustrative grading of a fictional model.)`;
}

function inspectRun(file: string, model: string, release: string, skill: number, runId: string, created: string, epochs: number) {
  const records = recordsOf(release);
  const samples = records.flatMap((record) =>
    Array.from({ length: epochs }, (_, index) => {
      const verdict = verdictFor(model, record, skill);
      const input = record.messages.map((message) => ({
        role: message.role === 'developer' ? 'system' : message.role,
        content: message.content,
        source: 'input',
      }));
      const output = answerFor(record, verdict);
      const scores: Record<string, unknown> = { model_graded_qa: { value: verdict, answer: output, explanation: explanationFor(record, verdict) } };
      if (epochs > 1)
        scores.refusal_check = { value: verdict === 'I' ? 0 : 1, explanation: 'Numeric check (1 = no refusal problem), kept beside the deciding scorer.' };
      return {
        id: record.id,
        epoch: index + 1,
        input,
        target: criterion(record),
        messages: [...input, { role: 'assistant', content: output, source: 'generate', model }],
        output: {
          model,
          choices: [{ message: { role: 'assistant', content: output, source: 'generate', model }, stop_reason: 'stop' }],
          usage: { input_tokens: 0, output_tokens: 0, total_tokens: 0 },
        },
        scores,
        metadata: sampleMetadata(record, release),
        store: {},
        events: [],
        model_usage: {},
        uuid: createHash('sha256')
          .update(runId + record.id + index)
          .digest('hex')
          .slice(0, 22),
      };
    }),
  );
  const correct = samples.filter((sample) => (sample.scores.model_graded_qa as { value: string }).value !== 'I').length;
  writeInspectEval(path.join(out, file), {
    eval: {
      eval_id: `${runId}-eval`,
      run_id: runId,
      created,
      task: 'meridian_spec',
      task_id: `${runId}-task`,
      task_version: 0,
      task_attribs: {},
      task_args: {},
      dataset: { name: 'dataset', location: 'dataset.jsonl', samples: records.length, sample_ids: records.map((record) => record.id), shuffled: false },
      model,
      model_generate_config: {},
      model_args: {},
      config: { epochs, epochs_reducer: ['mean'] },
      revision: { type: 'git', origin: 'https://github.com/example/meridian-evals.git', commit: createHash('sha256').update(runId).digest('hex').slice(0, 9) },
      packages: { inspect_ai: '0.3.140' },
      metadata: { spec_release: release, illustrative: true },
      scorers: [
        {
          name: 'model_graded_qa',
          options: { include_history: true, partial_credit: true },
          metrics: [{ name: 'inspect_ai/accuracy', options: {} }],
          metadata: {},
        },
        ...(epochs > 1 ? [{ name: 'refusal_check', options: {}, metrics: [{ name: 'inspect_ai/mean', options: {} }], metadata: {} }] : []),
      ],
    },
    results: {
      total_samples: samples.length,
      completed_samples: samples.length,
      scores: [
        {
          name: 'model_graded_qa',
          scorer: 'model_graded_qa',
          params: {},
          metrics: { accuracy: { name: 'accuracy', value: correct / samples.length, params: {} } },
        },
      ],
    },
    samples,
  });
  return samples.length;
}

function promptfooRun(file: string, model: { id: string; label: string }, release: string, skill: number, created: string) {
  const records = recordsOf(release);
  const results = records.map((record, index) => {
    const verdict = verdictFor(model.label, record, skill);
    const pass = verdict !== 'I';
    const messages = record.messages.map((message) => ({ role: message.role === 'developer' ? 'system' : message.role, content: message.content }));
    const assertion = { type: 'llm-rubric', value: criterion(record) };
    const reason = explanationFor(record, verdict).replace(/^GRADE: .\. /, '');
    return {
      id: createHash('sha256')
        .update(model.id + record.id)
        .digest('hex')
        .slice(0, 36),
      promptIdx: 0,
      testIdx: index,
      testCase: {
        description: `${record.title} (${record.id})`,
        vars: { messages, example_id: record.id },
        assert: [assertion],
        metadata: sampleMetadata(record, release),
      },
      promptId: 'meridian-chat',
      provider: model,
      prompt: { raw: JSON.stringify(messages), label: 'prompt.json: {{ messages | dump }}' },
      vars: { messages, example_id: record.id },
      response: { output: answerFor(record, verdict), tokenUsage: { total: 0, prompt: 0, completion: 0 } },
      error: pass ? null : 'The response failed its llm-rubric assertion',
      failureReason: pass ? 0 : 1,
      success: pass,
      score: pass ? 1 : 0,
      latencyMs: 1200 + Math.round(draw('latency', record.id) * 900),
      gradingResult: { pass, score: pass ? 1 : 0, reason, namedScores: {}, componentResults: [{ pass, score: pass ? 1 : 0, reason, assertion }] },
      namedScores: {},
      cost: 0,
      metadata: {},
    };
  });
  writeFileSync(
    path.join(out, file),
    promptfooOutputFile({
      evalId: `eval-quill-${created.slice(0, 10)}`,
      timestamp: created,
      description: 'Meridian spec, fictional model quill-2 (illustrative)',
      results,
    }),
  );
  return results.length;
}

mkdirSync(out, { recursive: true });
const counts = [
  ['nova-1-2026-07-15.eval', inspectRun('nova-1-2026-07-15.eval', 'fictional/nova-1', '2026-07-15', 0.86, 'demoNova0715', '2026-07-20T10:00:00+00:00', 1)],
  ['nova-1-2026-11-23.eval', inspectRun('nova-1-2026-11-23.eval', 'fictional/nova-1', '2026-11-23', 0.74, 'demoNova1123', '2026-11-25T10:00:00+00:00', 2)],
  [
    'quill-2-2026-11-23.json',
    promptfooRun('quill-2-2026-11-23.json', { id: 'quill-2', label: 'fictional/quill-2' }, '2026-11-23', 0.62, '2026-11-26T09:30:00.000Z'),
  ],
] as const;
for (const [file, samples] of counts) console.log(`${out}/${file}: ${samples} samples`);
