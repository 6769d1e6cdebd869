import { JSONParser } from '@streamparser/json';
import { NonFiniteJson } from './nonfinite-json.ts';
import { textChunks } from './text-stream.ts';

/**
 * Streams the values at `paths` (JSONPath, such as `$.samples.*`) out of a JSON file (or text in
 * chunks) of any size:
 * only one matched value is in memory at a time. `onValue` sees them in file order. Rejects with
 * the parser's message on malformed or truncated JSON. Inspect's bare `NaN` becomes `"NaN"`.
 */
export async function streamJsonPaths(
  source: string | AsyncIterable<string>,
  paths: string[],
  onValue: (path: string, value: unknown, index: number | string | undefined) => void,
): Promise<void> {
  const parser = new JSONParser({ paths, keepStack: false });
  let failure: Error | undefined;
  parser.onValue = ({ value, key, stack }) => {
    const path = pathOf(stack, key);
    onValue(path, value, key);
  };
  parser.onError = (error) => {
    failure ??= error;
  };
  let ended = false;
  parser.onEnd = () => {
    ended = true;
  };
  const sanitizer = new NonFiniteJson();
  for await (const chunk of typeof source === 'string' ? textChunks(source) : source) {
    if (failure) break;
    try {
      parser.write(sanitizer.push(chunk));
    } catch (error) {
      failure ??= error as Error;
      break;
    }
  }
  if (!failure && !ended) {
    try {
      const rest = sanitizer.end();
      if (rest) parser.write(rest);
      parser.end();
    } catch (error) {
      failure = error as Error;
    }
  }
  if (failure) throw failure;
}

/** `$.samples.*` style name of a matched value, from the parser's stack. */
function pathOf(stack: ReadonlyArray<{ key?: string | number | undefined }>, key: string | number | undefined): string {
  const parts = stack.slice(1).map((entry) => (typeof entry.key === 'number' ? '*' : String(entry.key)));
  return ['$', ...parts, typeof key === 'number' ? '*' : String(key)].join('.');
}
