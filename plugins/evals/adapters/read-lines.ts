import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { EvalResult } from '../types.ts';

/**
 * The lines of a JSONL file, one at a time with their 1-based numbers: a file of any size is read
 * in bounded memory (one line at a time). A line that is not JSON comes back as `error`.
 */
export async function* jsonLines(file: string): AsyncGenerator<{ line: number; value?: unknown; error?: string }> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line++;
    const trimmed = (line === 1 ? text.replace(/^\uFEFF/, '') : text).trim();
    if (!trimmed) continue;
    try {
      yield { line, value: JSON.parse(trimmed) };
    } catch (error) {
      yield { line, error: (error as Error).message };
    }
  }
}

/** The result a line that could not be read stands for: counted as an error, never dropped. */
export function unreadableLine(line: number): EvalResult {
  return {
    sample: `line ${line}`,
    epoch: 1,
    key: '',
    verdict: 'error',
    score: null,
    rationale: 'Unreadable line',
    output: null,
    input: [],
    scores: [],
    place: `line ${line}`,
    unreadable: true,
  };
}
