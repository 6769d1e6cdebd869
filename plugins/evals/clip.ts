import type { EvalResult } from './types.ts';

/**
 * Characters of one text of a result (an answer, a message, a rationale) the site keeps. A run
 * page shows every result whole, and the store hands every run to the pages as one JSON text,
 * which V8 caps at 512 MB: 6,000 answers of 120 KB stopped the build with "Invalid string
 * length". A longer text is cut as the adapter reads it (so a large log is not held whole), and
 * says by how much; the log keeps it whole.
 */
export const keptCharacters = 16_000;

function clip(text: string): string;
function clip(text: string | null): string | null;
function clip(text: string | null): string | null {
  if (text === null || text.length <= keptCharacters) return text;
  return `${text.slice(0, keptCharacters)}… [${text.length - keptCharacters} more characters in the log]`;
}

/** The result with its long texts cut (itself when none is long). */
export function clipped(result: EvalResult): EvalResult {
  const long = (text: string | null) => text !== null && text.length > keptCharacters;
  if (
    !long(result.output) &&
    !long(result.rationale) &&
    !result.input.some((message) => long(message.content)) &&
    !result.scores.some((score) => long(score.explanation))
  )
    return result;
  return {
    ...result,
    output: clip(result.output),
    rationale: clip(result.rationale),
    input: result.input.map((message) => ({ ...message, content: clip(message.content) })),
    scores: result.scores.map((score) => ({ ...score, explanation: clip(score.explanation) })),
  };
}
