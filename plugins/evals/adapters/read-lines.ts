import { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import { JSONParser } from '@streamparser/json';
import type { EvalResult } from '../types.ts';
import { textChunks } from './text-stream.ts';

/**
 * The lines of a JSONL file, one at a time with their 1-based numbers: a file of any size is read
 * in bounded memory (one line at a time). A line that is not JSON comes back as `error`.
 */
export async function* jsonLines(file: string): AsyncGenerator<{ line: number; value?: unknown; error?: string }> {
  const lines = createInterface({ input: Readable.from(textChunks(file)), crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line++;
    const trimmed = (line === 1 ? text.replace(/^\uFEFF/, '') : text).trim();
    if (!trimmed) continue;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (error) {
      // Older promptfoo appended each batch of 100 rows without a final newline, so two rows
      // share a line at every batch boundary: `{…}{…}` is read as the rows it holds.
      const values = concatenated(trimmed);
      if (values) for (const each of values) yield { line, value: each };
      else yield { line, error: (error as Error).message };
      continue;
    }
    yield { line, value };
  }
}

/** JSON values written one after another with nothing between them, or null when the text is not that. */
function concatenated(text: string): unknown[] | null {
  const values: unknown[] = [];
  const parser = new JSONParser({ separator: '', paths: ['$'] });
  parser.onValue = ({ value }) => {
    values.push(value);
  };
  try {
    parser.write(text);
    parser.end();
  } catch {
    return null;
  }
  return values.length > 1 && values.every((value) => typeof value === 'object' && value !== null) ? values : null;
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
