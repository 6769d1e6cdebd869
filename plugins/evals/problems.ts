import { VFile } from 'vfile';

/** The `source` of every eval message (`[evals:unknown-verdict]`). */
export const evalsSource = 'evals';

export type EvalRule =
  | 'unreadable-run'
  | 'malformed-run'
  | 'missing-sample'
  | 'duplicate-sample'
  | 'unknown-verdict'
  | 'unscored-sample'
  | 'unknown-scorer'
  | 'epochs-disagree'
  | 'unknown-release'
  | 'missing-release'
  | 'unmapped-result'
  | 'removed-id'
  | 'unfinished-run'
  | 'duplicate-run-id'
  | 'outside-content';

/**
 * The messages about one run file. Eval files are not Markdown, so a place is a line (JSONL,
 * JSON) or a zip entry and a sample id, named in the reason: `sample 3, epoch 1 (samples/3_epoch_1.json)`.
 */
export class RunReport {
  readonly file: VFile;
  constructor(displayPath: string) {
    this.file = new VFile({ path: displayPath });
  }

  error(reason: string, rule: EvalRule, line?: number): void {
    this.add(reason, rule, line).fatal = true;
  }

  warn(reason: string, rule: EvalRule, line?: number): void {
    this.add(reason, rule, line).fatal = false;
  }

  readonly #told = new Set<string>();
  /** A warning about the run as a whole, said once however many samples show it. */
  warnOnce(key: string, reason: () => string, rule: EvalRule): void {
    if (this.#told.has(key)) return;
    this.#told.add(key);
    this.warn(reason(), rule);
  }

  get failed(): boolean {
    return this.file.messages.some((message) => message.fatal);
  }

  private add(reason: string, rule: EvalRule, line?: number) {
    return this.file.message(reason, { ruleId: rule, source: evalsSource, ...(line ? { place: { line, column: 1 } } : {}) });
  }
}

/** `sample 3, epoch 1 (line 12)`: how a message names the sample it is about. */
export function sampleName(sample: string, epoch: number, place: string): string {
  return `sample \`${sample}\`${epoch > 1 ? `, epoch ${epoch}` : ''} (${place})`;
}
