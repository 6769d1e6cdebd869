import path from 'node:path';
import type { Adapter } from './context.ts';
import { readInspectEval } from './inspect-eval.ts';
import { readInspectJson } from './inspect-json.ts';
import { readPromptfooJson } from './promptfoo-json.ts';
import { readPromptfooJsonl } from './promptfoo-jsonl.ts';
import { readSpecEvalResults } from './spec-eval-results.ts';
import { firstBytes, firstTopLevelKey } from './sniff.ts';

export type { Adapter, AdapterInput } from './context.ts';

/** Run files are recognised by extension, then by their first bytes (which tool wrote them). */
export const runExtensions = ['.eval', '.json', '.jsonl'];

/** The adapter for a file, or null with the reason (a file in the evals folder that is no run). */
export async function adapterFor(file: string): Promise<{ adapter: Adapter } | { reason: string }> {
  const extension = path.extname(file).toLowerCase();
  if (extension === '.eval') return { adapter: readInspectEval };
  if (extension !== '.json' && extension !== '.jsonl') return { reason: `expected a run file (${runExtensions.join(', ')})` };
  const head = await firstBytes(file, 4096);
  if (head.includes('spec-eval-results/')) return { adapter: readSpecEvalResults };
  if (extension === '.jsonl') return { adapter: readPromptfooJsonl };
  // An Inspect EvalLog starts with "version", "status", "eval"; promptfoo's OutputFile with "evalId".
  if (/"evalId"\s*:/.test(head) || /"results"\s*:\s*\{\s*"version"/.test(head)) return { adapter: readPromptfooJson };
  if (/"eval"\s*:\s*\{/.test(head) || /"status"\s*:/.test(head)) return { adapter: readInspectJson };
  // Key order means nothing in JSON: a file whose telling key comes later is looked through, once.
  const key = head.length < 4096 ? null : await firstTopLevelKey(file, ['format', 'evalId', 'eval']);
  if (key === 'format') return { adapter: readSpecEvalResults };
  if (key === 'evalId') return { adapter: readPromptfooJson };
  if (key === 'eval') return { adapter: readInspectJson };
  return {
    reason:
      'expected an Inspect log (`inspect log dump`), a promptfoo `--output results.json` or spec-eval-results/1 (none of their top-level keys: `eval`, `evalId`, `format`)',
  };
}
