import { writeFileSync } from 'node:fs';
import { zstdCompressSync } from 'node:zlib';
import { strToU8, Zip, ZipPassThrough, zipSync, type Zippable } from 'fflate';

/**
 * Writes Inspect logs in the layout Inspect itself writes (inspect_ai/log/_recorders/eval.py):
 * an `.eval` zip of `_journal/start.json`, `samples/<id>_epoch_<n>.json`, `summaries.json`,
 * `reductions.json` and `header.json`, or the same EvalLog as one JSON (`inspect log dump`).
 * For the demo's illustrative runs and for tests; the site only reads logs.
 */
export interface InspectLogInput {
  eval: Record<string, unknown>;
  results?: Record<string, unknown>;
  samples: Array<Record<string, unknown>>;
  /** Leave these sample entries out of the zip (a damaged log, for tests). */
  omit?: string[];
  /** `zstd`: every entry compressed as Inspect 0.3.206 and later write them; default deflate. */
  compression?: 'deflate' | 'zstd';
}

/** Fixed entry times: the same input gives the same bytes. */
const mtime = new Date('2026-01-01T00:00:00Z');

export function inspectEvalZip(input: InspectLogInput): Uint8Array {
  const header = {
    version: 2,
    status: 'success',
    eval: input.eval,
    plan: { name: 'plan', steps: [{ solver: 'generate', params: {} }], config: {} },
    results: input.results ?? null,
    stats: { started_at: input.eval.created, completed_at: input.eval.created, model_usage: {} },
  };
  const files: Zippable = {};
  files['_journal/start.json'] = strToU8(JSON.stringify({ version: 2, eval: input.eval, plan: header.plan }));
  for (const sample of input.samples) {
    const name = `samples/${String(sample.id)}_epoch_${String(sample.epoch)}.json`;
    if (!input.omit?.includes(name)) files[name] = strToU8(JSON.stringify(sample));
  }
  files['summaries.json'] = strToU8(
    JSON.stringify(
      input.samples.map((sample) => ({
        id: sample.id,
        epoch: sample.epoch,
        input: sample.input,
        target: sample.target,
        metadata: sample.metadata,
        scores: Object.fromEntries(
          Object.entries((sample.scores ?? {}) as Record<string, { value: unknown }>).map(([name, score]) => [name, { value: score.value }]),
        ),
        completed: true,
      })),
    ),
  );
  const scorers = [...new Set(input.samples.flatMap((sample) => Object.keys((sample.scores ?? {}) as object)))];
  files['reductions.json'] = strToU8(
    JSON.stringify(
      scorers.map((scorer) => ({
        scorer,
        samples: input.samples
          .filter((sample) => sample.epoch === 1)
          .map((sample) => ({ ...((sample.scores as Record<string, object>)[scorer] ?? {}), sample_id: sample.id })),
      })),
    ),
  );
  files['header.json'] = strToU8(JSON.stringify(header));
  return input.compression === 'zstd' ? zstdZip(files as Record<string, Uint8Array>) : zipSync(files, { level: 6, mtime });
}

/** A zip entry compressed with Zstandard (method 93): fflate writes the CRC and size of the data pushed. */
class ZipZstd extends ZipPassThrough {
  private readonly pending: Uint8Array[] = [];
  constructor(name: string) {
    super(name);
    this.compression = 93;
    this.mtime = mtime;
  }
  protected override process(chunk: Uint8Array, final: boolean): void {
    this.pending.push(chunk);
    if (final) this.ondata(null, zstdCompressSync(Buffer.concat(this.pending)), true);
  }
}

/** fflate has no Zstandard: the entries are compressed here and fflate writes the zip around them. */
export function zstdZip(files: Record<string, Uint8Array>): Uint8Array {
  const parts: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    parts.push(chunk);
  });
  for (const [name, data] of Object.entries(files)) {
    const entry = new ZipZstd(name);
    zip.add(entry);
    entry.push(data, true);
  }
  zip.end();
  return Buffer.concat(parts);
}

export function writeInspectEval(file: string, input: InspectLogInput): void {
  writeFileSync(file, inspectEvalZip(input));
}

/** The same log as `inspect log dump` prints it: one EvalLog with `samples`. */
export function inspectLogJson(input: InspectLogInput): string {
  return JSON.stringify({
    version: 2,
    status: 'success',
    eval: input.eval,
    plan: { name: 'plan', steps: [], config: {} },
    results: input.results ?? null,
    stats: {},
    samples: input.samples,
  });
}
