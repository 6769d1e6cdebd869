import type { EvalsConfig } from '../../model/index.ts';
import { clipped } from '../clip.ts';
import { sampleName, type RunReport } from '../problems.ts';
import type { EvalMessage, EvalResult, EvalScore } from '../types.ts';
import { numericScore, verdictOf } from '../verdicts.ts';
import { asText } from './context.ts';

/**
 * One Inspect `EvalSample` (inspect_ai/log/_log.py) as a result: the id from
 * `metadata[exampleIdKey]` or `id`, every scorer's `Score` (value, answer, explanation) kept, the
 * deciding one first; the model's answer from `output.choices[0].message`.
 */
export function inspectResult(
  sample: Record<string, unknown>,
  place: string,
  scorerOrder: string[],
  config: EvalsConfig,
  report: RunReport,
): EvalResult | null {
  const id = sample.id;
  if (typeof id !== 'string' && typeof id !== 'number') {
    report.warn(
      `Unexpected sample without an \`id\` (${place}), expected Inspect's EvalSample with \`id\` and \`epoch\`; the sample is counted as unmapped`,
      'malformed-run',
    );
    return {
      sample: `(no id, ${place})`,
      epoch: 1,
      key: '',
      verdict: 'error',
      score: null,
      rationale: 'The sample has no id',
      output: null,
      input: [],
      scores: [],
      place,
    };
  }
  const epoch = typeof sample.epoch === 'number' ? sample.epoch : 1;
  const metadata = (isObject(sample.metadata) ? sample.metadata : {}) as Record<string, unknown>;
  const attachments = (isObject(sample.attachments) ? sample.attachments : {}) as Record<string, string>;
  const key = asText(metadata[config.exampleIdKey]) ?? String(id);
  const name = sampleName(String(id), epoch, place);

  // Log format 1 (2024) has one `score` per sample; Inspect reads it as the only scorer's.
  const rawScores = (isObject(sample.scores) ? sample.scores : isObject(sample.score) ? { [scorerOrder[0] ?? 'score']: sample.score } : {}) as Record<
    string,
    Record<string, unknown>
  >;
  // A scorer whose value is a dictionary scores several things at once; Inspect reports each key
  // as a score of its own (named by the key), and so is each here, as `scorer/key`.
  const entries = Object.keys(rawScores).flatMap((scorer) => {
    const score = rawScores[scorer] ?? {};
    return isObject(score.value)
      ? Object.entries(score.value).map(([key, value]) => ({ name: `${scorer}/${key}`, of: [scorer, key], score: { ...score, value } }))
      : [{ name: scorer, of: [scorer], score }];
  });
  const answers = (entry: (typeof entries)[number], wanted: string) => entry.name === wanted || entry.of.includes(wanted);
  const names = entries.map((entry) => entry.name);
  // One scorer decides for the whole run: `evals.scorer` when the log declares it, else the log's
  // first declared scorer. A sample that scorer left without a score (a scorer may return None) is
  // unscored; another scorer must not decide it in its place.
  const declares = (wanted: string) => scorerOrder.some((scorer) => scorer === wanted || wanted.startsWith(`${scorer}/`));
  const configured = config.scorer && (declares(config.scorer) || entries.some((entry) => answers(entry, config.scorer!))) ? config.scorer : undefined;
  if (config.scorer && !configured && entries.length > 0)
    report.warnOnce(
      'scorer',
      () =>
        `Unexpected scorers ${names.map((scorer) => `\`${scorer}\``).join(', ')} in ${name}, expected \`${config.scorer}\` (\`evals.scorer\` in spec.config.json); the log's first declared scorer decides`,
      'unknown-scorer',
    );
  const wanted = configured ?? scorerOrder[0];
  // Scores under names the log does not declare at all (not the same names): the first decides.
  const declaredHere = entries.some((entry) => scorerOrder.some((scorer) => answers(entry, scorer)));
  const decider = wanted && (declaredHere || configured) ? entries.find((entry) => answers(entry, wanted)) : entries[0];
  if (wanted && !decider && entries.length > 0)
    report.warnOnce(
      `no-decider\u0000${wanted}`,
      () =>
        `Unexpected sample without a score from \`${wanted}\`, the scorer that decides (${name}, the first of its run; it has ${names.map((scorer) => `\`${scorer}\``).join(', ')}), expected every sample scored by it; counted as unscored, here and in every other such sample`,
      'unscored-sample',
    );
  const scores: EvalScore[] = [];
  for (const entry of decider ? [decider, ...entries.filter((other) => other !== decider)] : entries) {
    const { name: scorer, score } = entry;
    const verdict = verdictOf(score.value, config);
    if (typeof score.value === 'number' && (score.value > 1 || score.value < 0) && config.threshold >= 0 && config.threshold <= 1)
      report.warnOnce(
        `scale\u0000${scorer}`,
        () =>
          `Unexpected score ${score.value} from scorer \`${scorer}\` in ${name}, expected a score from 0 to 1 against \`evals.threshold\` ${config.threshold}; a scorer on another scale (such as 1 to 5) needs \`evals.threshold\` set on that scale in spec.config.json`,
        'unknown-verdict',
      );
    // Said once per scorer and value: a log of thousands of samples with one unmapped value is one message.
    if (!verdict)
      report.warnOnce(
        `verdict\u0000${scorer}\u0000${JSON.stringify(score.value)}`,
        () =>
          `Unexpected score value ${JSON.stringify(score.value)} from scorer \`${scorer}\` in ${name}, expected one of ${Object.keys(config.verdicts)
            .map((value) => `"${value}"`)
            .join(', ')} or a number (set \`evals.verdicts\` in spec.config.json); counted as unscored, here and in every other sample with this value`,
        'unknown-verdict',
      );
    scores.push({ scorer, verdict: verdict ?? 'unscored', value: score.value ?? null, explanation: resolve(asText(score.explanation), attachments) });
  }
  const error = sample.error;
  // Inspect can invalidate a sample after the run (`inspect log invalidate`): it no longer counts.
  const invalidation = isObject(sample.invalidation) ? sample.invalidation : null;
  if (!error && !invalidation && scores.length === 0)
    report.warnOnce(
      'no-scores',
      () => `Unexpected sample without scores (${name}, the first of its run), expected a \`scores\` entry (was the run scored?); counted as unscored`,
      'unscored-sample',
    );
  if (invalidation)
    report.warnOnce(
      'invalidated',
      () =>
        `Unexpected invalidated sample (${name}, the first of its run${asText(invalidation.reason) ? `: ${asText(invalidation.reason)}` : ''}), expected a valid result; invalidated samples count as unscored`,
      'unscored-sample',
    );
  // Without the deciding scorer's score, the others are kept to be shown, and none decides.
  const first = decider ? scores[0] : undefined;
  const verdict = error ? 'error' : invalidation ? 'unscored' : (first?.verdict ?? 'unscored');
  return clipped({
    sample: String(id),
    epoch,
    key,
    verdict,
    score: first ? numericScore(first.value, first.verdict) : null,
    rationale: error
      ? (asText((error as Record<string, unknown>).message) ?? asText(error))
      : invalidation
        ? `Invalidated${asText(invalidation.reason) ? `: ${asText(invalidation.reason)}` : ''}`
        : (first?.explanation ?? null),
    output: outputText(sample, attachments),
    input: conversation(sample, attachments),
    scores,
    place,
    ...(typeof metadata.spec_release === 'string' ? { release: metadata.spec_release } : {}),
  });
}

/** The messages the model saw: `messages` without the final answer, else `input`. */
function conversation(sample: Record<string, unknown>, attachments: Record<string, string>): EvalMessage[] {
  const messages =
    Array.isArray(sample.messages) && sample.messages.length
      ? sample.messages
      : Array.isArray(sample.input)
        ? sample.input
        : typeof sample.input === 'string'
          ? [{ role: 'user', content: sample.input }]
          : [];
  const list = (messages as Array<Record<string, unknown>>).map((message) => ({
    role: String(message.role ?? 'user'),
    content: resolve(contentText(message.content), attachments) ?? '',
  }));
  // The last assistant turn is the output, shown apart.
  if (list.at(-1)?.role === 'assistant' && Array.isArray(sample.messages) && sample.messages.length) list.pop();
  return list;
}

function outputText(sample: Record<string, unknown>, attachments: Record<string, string>): string | null {
  const output = isObject(sample.output) ? (sample.output as Record<string, unknown>) : {};
  const choices = Array.isArray(output.choices) ? (output.choices as Array<Record<string, unknown>>) : [];
  const message = choices[0]?.message as Record<string, unknown> | undefined;
  if (message) return resolve(contentText(message.content), attachments);
  if (typeof output.completion === 'string') return output.completion;
  const last = Array.isArray(sample.messages) ? (sample.messages as Array<Record<string, unknown>>).at(-1) : undefined;
  return last?.role === 'assistant' ? resolve(contentText(last.content), attachments) : null;
}

/** A message's content: a string, or a list of content parts (text, reasoning, images named). */
function contentText(content: unknown): string | null {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return asText(content);
  return (content as Array<Record<string, unknown>>)
    .map((part) => (part.type === 'text' ? String(part.text ?? '') : part.type === 'reasoning' ? '' : `[${String(part.type ?? 'content')}]`))
    .filter(Boolean)
    .join('\n');
}

/** Inspect moves long strings to `attachments` and writes `attachment://<hash>` in their place. */
function resolve(text: string | null, attachments: Record<string, string>): string | null {
  if (!text) return text;
  return text.replace(/attachment:\/\/([0-9a-f]+)/g, (whole, hash: string) => attachments[hash] ?? whole);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
