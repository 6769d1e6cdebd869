/** The data of eval runs, as every adapter reads them: one shape, whatever tool wrote the file. */

export type Verdict = 'compliant' | 'ok' | 'violating' | 'unscored' | 'error';
export const verdicts: readonly Verdict[] = ['compliant', 'ok', 'violating', 'unscored', 'error'];

/** One turn of the conversation a model saw, as plain text. */
export interface EvalMessage {
  role: string;
  content: string;
}

/** One scorer's judgement of one sample. */
export interface EvalScore {
  scorer: string;
  verdict: Verdict;
  /** The raw value as the tool wrote it (`"C"`, `0.8`, `true`). */
  value: unknown;
  explanation: string | null;
}

/** One graded sample of a run (one epoch of it). */
export interface EvalResult {
  /** The sample's id in the file. */
  sample: string;
  epoch: number;
  /** The id the result is about: the example-id metadata key, else the sample id. */
  key: string;
  /** The verdict of the deciding scorer. */
  verdict: Verdict;
  score: number | null;
  rationale: string | null;
  /** The model's answer. */
  output: string | null;
  /** The conversation the model saw (may be empty when the file does not keep it). */
  input: EvalMessage[];
  /** Every scorer's judgement, the deciding one first. */
  scores: EvalScore[];
  /** Where the sample sits in the file: `line 12`, `samples/3_epoch_1.json`. */
  place: string;
  /** The release the sample says it was written against (`spec_release` in its metadata), if any. */
  release?: string;
  /** A line or zip entry that could not be read: an error of the run, whose id is unknown. */
  unreadable?: true;
}

/** Where a run came from: enough to find it again. */
export interface EvalProvenance {
  tool: 'inspect' | 'promptfoo' | 'spec-eval-results';
  /** The tool's own id for the run (`eval.run_id`, promptfoo `evalId`). */
  runId: string | null;
  evalId: string | null;
  task: string | null;
  created: string | null;
  scorers: string[];
  grader: { kind: string; model: string | null } | null;
  revision: { origin: string; commit: string } | null;
}

/** One run file, read: the model it graded, the release it ran against, its results. */
export interface EvalRun {
  /** Stable id for URLs: the file name, made URL-safe. */
  id: string;
  /** Path relative to the content folder. */
  file: string;
  model: string;
  /** The spec release the run ran against (`draft` for the working text); null when nobody says. */
  release: string | null;
  provenance: EvalProvenance;
  results: EvalResult[];
  /** Samples the file lists but does not hold (an `.eval` zip's summaries without their entry, or fewer than an Inspect log's `results.total_samples`). */
  missing: number;
  /** An Inspect run that did not finish (`status` other than `success`): its status and the error that stopped it. */
  unfinished?: { status: string; error: string | null };
}
