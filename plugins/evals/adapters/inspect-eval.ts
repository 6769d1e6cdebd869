import type { EvalResult } from '../types.ts';
import type { Adapter, AdapterInput } from './context.ts';
import { inspectHeader, inspectRun } from './inspect-header.ts';
import { inspectResult } from './inspect-sample.ts';
import { parseInspectJson } from './nonfinite-json.ts';
import { streamJsonPaths } from './stream-json.ts';
import { ZipEntries } from './zip-entries.ts';

/** `samples/<id>_epoch_<n>.json`, or the chunked layout's `samples/<id>_epoch_<n>/sample.json` with its parts beside it. */
const sampleEntry = /^samples\/(.+)_epoch_(\d+)(?:\.json|\/sample\.json)$/;

/**
 * An Inspect `.eval` log: a zip with `header.json` (the EvalLog without samples; `_journal/start.json`
 * while a run is unfinished), one `samples/<id>_epoch_<n>.json` per sample and `summaries.json`
 * listing every sample (inspect_ai/log/_recorders/eval.py). Samples are read one entry at a time;
 * a sample the summaries list but the zip lacks is reported.
 */
export const readInspectEval: Adapter = (input) => readInspectEvalStreaming(input, wholeEntryBytes);

/**
 * Sample entries larger than this are streamed, keeping only what a result needs: an agentic
 * sample's events can pass the 512 MiB a JavaScript string can hold, and parsing it whole takes
 * about 3.5 times its size in memory.
 */
const wholeEntryBytes = 128 * 1024 * 1024;
/** The EvalSample fields inspectResult reads. */
const sampleFields = ['id', 'epoch', 'input', 'messages', 'output', 'scores', 'score', 'metadata', 'error', 'invalidation', 'attachments'];

/** `readInspectEval`, streaming sample entries above `streamAbove` bytes (a parameter for tests). */
export const readInspectEvalStreaming = async ({ path, file, report, config }: AdapterInput, streamAbove: number) => {
  let zip: ZipEntries;
  try {
    zip = await ZipEntries.open(path);
  } catch (error) {
    report.error(
      `Unexpected unreadable zip (${(error as Error).message}), expected an Inspect \`.eval\` log (a zip with header.json and samples/); is the file truncated?`,
      'unreadable-run',
    );
    return [];
  }
  try {
    const headerName = zip.entries.has('header.json') ? 'header.json' : zip.entries.has('_journal/start.json') ? '_journal/start.json' : null;
    if (!headerName) {
      report.error(
        `Unexpected \`.eval\` zip without \`header.json\` or \`_journal/start.json\`, expected an Inspect log (entries: ${[...zip.entries.keys()].slice(0, 5).join(', ') || 'none'})`,
        'malformed-run',
      );
      return [];
    }
    let header;
    try {
      const log = parseInspectJson(await zip.text(headerName)) as Record<string, unknown>;
      // Only the start journal: Inspect writes header.json when the run ends, however it ends.
      header = inspectHeader(headerName === 'header.json' ? log : { status: 'started', ...log });
    } catch (error) {
      report.error(`Unexpected unreadable \`${headerName}\` (${(error as Error).message}), expected the EvalLog header as JSON`, 'malformed-run');
      return [];
    }
    const results: EvalResult[] = [];
    let missing = 0;
    const found = new Set<string>();
    let chunked: Map<string, Array<{ sequence: string; start: number; name: string }>> | undefined;
    for (const name of zip.entries.keys()) {
      const match = sampleEntry.exec(name);
      if (!match) continue;
      found.add(`${match[1]}\u0000${match[2]}`);
      const times = zip.repeated.get(name);
      if (times) {
        report.warn(
          `Unexpected ${times} entries named \`${name}\` (sample \`${match[1]}\`, epoch ${match[2]}), expected each sample and epoch once; the last is counted (Inspect appends a re-run sample and reads the last)`,
          'duplicate-sample',
        );
      }
      let sample: Record<string, unknown>;
      try {
        sample = await readSample(zip, name, streamAbove);
        if (name.endsWith('/sample.json')) sample = await withChunks(zip, name.slice(0, -'/sample.json'.length), sample, (chunked ??= chunkFolders(zip)));
      } catch (error) {
        report.warn(
          `Unexpected unreadable sample \`${match[1]}\`, epoch ${match[2]} (${name}: ${(error as Error).message}), expected an EvalSample as JSON; counted as an error`,
          'malformed-run',
        );
        results.push({
          sample: match[1]!,
          epoch: Number(match[2]),
          key: match[1]!,
          verdict: 'error',
          score: null,
          rationale: `Unreadable entry: ${(error as Error).message}`,
          output: null,
          input: [],
          scores: [],
          place: name,
          unreadable: true,
        });
        continue;
      }
      const result = inspectResult(sample, name, header.scorers, config, report);
      if (result) results.push(result);
    }
    if (zip.entries.has('summaries.json')) {
      try {
        const summaries = parseInspectJson(await zip.text('summaries.json')) as Array<{ id?: unknown; epoch?: unknown }>;
        for (const summary of Array.isArray(summaries) ? summaries : []) {
          const id = `${String(summary.id)}\u0000${String(summary.epoch ?? 1)}`;
          if (!found.has(id) && !header.earlyStopped.has(id)) {
            missing++;
            report.warn(
              `Missing sample \`${String(summary.id)}\`, epoch ${String(summary.epoch ?? 1)}: summaries.json lists it, expected \`samples/${String(summary.id)}_epoch_${String(summary.epoch ?? 1)}.json\` in the zip; counted as missing`,
              'missing-sample',
            );
          }
        }
      } catch (error) {
        report.warn(`Unexpected unreadable \`summaries.json\` (${(error as Error).message}); missing samples cannot be detected`, 'malformed-run');
      }
    }
    return [inspectRun(file, header, results, missing, report)];
  } finally {
    zip.close();
  }
};

/** The chunked layout's parts (`samples/<id>_epoch_<n>/<sequence>/<start>.json`) by sample folder, listed once per zip. */
function chunkFolders(zip: ZipEntries): Map<string, Array<{ sequence: string; start: number; name: string }>> {
  const folders = new Map<string, Array<{ sequence: string; start: number; name: string }>>();
  for (const name of zip.entries.keys()) {
    const match = /^(samples\/.+_epoch_\d+)\/(messages|attachments)\/(\d+)\.json$/.exec(name);
    if (!match) continue;
    const list = folders.get(match[1]!) ?? [];
    list.push({ sequence: match[2]!, start: Number(match[3]), name });
    folders.set(match[1]!, list);
  }
  return folders;
}

/**
 * A sample of Inspect's chunked layout (inspect_ai/log/_recorders/chunked/): `sample.json` is the
 * sample without its metadata, messages and attachments, which sit beside it as `metadata.json`,
 * `messages/<start>.json` and `attachments/<start>.json` (lists, numbered by their first index),
 * the attachments referred to as `attachment://<index>`.
 */
async function withChunks(
  zip: ZipEntries,
  folder: string,
  shell: Record<string, unknown>,
  folders: Map<string, Array<{ sequence: string; start: number; name: string }>>,
): Promise<Record<string, unknown>> {
  const sample = { ...shell };
  if (zip.entries.has(`${folder}/metadata.json`)) sample.metadata = parseInspectJson(await zip.text(`${folder}/metadata.json`));
  const parts = (folders.get(folder) ?? []).toSorted((a, b) => a.start - b.start);
  const messages: unknown[] = [];
  const attachments: Record<string, string> = { ...(shell.attachments as Record<string, string> | undefined) };
  for (const part of parts) {
    const items = parseInspectJson(await zip.text(part.name));
    if (!Array.isArray(items)) throw new Error(`${part.name} is not a list`);
    if (part.sequence === 'messages') messages.push(...items);
    else items.forEach((text, index) => void (attachments[String(part.start + index)] = String(text)));
  }
  if (messages.length > 0) sample.messages = messages;
  sample.attachments = attachments;
  return sample;
}

/** One sample entry: parsed whole, or above `streamAbove` bytes streamed for the fields a result reads. */
async function readSample(zip: ZipEntries, name: string, streamAbove: number): Promise<Record<string, unknown>> {
  if (zip.entries.get(name)!.uncompressedSize <= streamAbove) return parseInspectJson(await zip.text(name)) as Record<string, unknown>;
  const sample: Record<string, unknown> = {};
  await streamJsonPaths(
    decoded(zip.chunks(name)),
    sampleFields.map((field) => `$.${field}`),
    (_path, value, key) => {
      sample[String(key)] = value;
    },
  );
  return sample;
}

async function* decoded(chunks: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  for await (const chunk of chunks) {
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}
