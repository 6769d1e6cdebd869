import path from 'node:path';
import type { Adapter } from './context.ts';
import { readInspectEval } from './inspect-eval.ts';
import { readInspectJson } from './inspect-json.ts';
import { readPromptfooJson } from './promptfoo-json.ts';
import { readPromptfooJsonl } from './promptfoo-jsonl.ts';
import { readSpecEvalResults } from './spec-eval-results.ts';
import { firstTopLevelKey } from './sniff.ts';
import { firstText } from './text-stream.ts';

export type { Adapter, AdapterInput } from './context.ts';

/** Run files are recognised by extension, then by their first bytes (which tool wrote them). */
export const runExtensions = ['.eval', '.json', '.jsonl'];

/** The adapter for a file, or null with the reason (a file in the evals folder that is no run). */
export async function adapterFor(file: string): Promise<{ adapter: Adapter } | { reason: string }> {
  const extension = path.extname(file).toLowerCase();
  if (extension === '.eval') return { adapter: readInspectEval };
  if (extension !== '.json' && extension !== '.jsonl') return { reason: `expected a run file (${runExtensions.join(', ')})` };
  const head = await firstText(file, 4096);
  if (extension === '.jsonl') {
    // spec-eval-results/1 JSONL starts with its header line; promptfoo writes results only.
    let first: unknown;
    try {
      first = JSON.parse(head.replace(/^\uFEFF/, '').split('\n', 1)[0]!);
    } catch {}
    const format = (first as { format?: unknown } | null)?.format;
    return { adapter: typeof format === 'string' && format.startsWith('spec-eval-results/') ? readSpecEvalResults : readPromptfooJsonl };
  }
  // `inspect eval-set` lists its logs in logs.json: log file name → EvalLog header.
  if (/^\s*\{\s*"[^"]+\.(?:eval|json)"\s*:\s*\{/.test(head)) {
    return { reason: 'expected a run file, found a list of Inspect logs (`inspect eval-set` writes `logs.json`): the `.eval` logs it names are the runs' };
  }
  // Which tool wrote a JSON file is told by its top-level keys (a nested `eval` or a path naming
  // spec-eval-results/ in a header tells nothing), read up to the first of them.
  const key = await firstTopLevelKey(file, ['format', 'evalId', 'eval']);
  if (key === 'format') return { adapter: readSpecEvalResults };
  if (key === 'evalId') return { adapter: readPromptfooJson };
  if (key === 'eval') return { adapter: readInspectJson };
  // promptfoo's OutputFile before `evalId` (version 2): `results` with its `version` first.
  if (/"results"\s*:\s*\{\s*"version"/.test(head)) return { adapter: readPromptfooJson };
  return {
    reason:
      'expected an Inspect log (`inspect log dump`), a promptfoo `--output results.json` or spec-eval-results/1 (none of their top-level keys: `eval`, `evalId`, `format`)',
  };
}
