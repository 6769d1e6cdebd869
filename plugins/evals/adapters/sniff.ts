import { streamJsonPaths } from './stream-json.ts';

/** Stops a stream once the key it looks for went by. */
class Found extends Error {
  readonly key: string;
  constructor(key: string) {
    super(key);
    this.key = key;
  }
}

/**
 * The first of `keys` found at the top level of a JSON file, read as a stream up to it (null when
 * none is there, or the file is not JSON): for files whose first bytes do not tell their tool.
 */
export async function firstTopLevelKey(file: string, keys: string[]): Promise<string | null> {
  try {
    await streamJsonPaths(
      file,
      keys.map((key) => `$.${key}`),
      (at) => {
        throw new Found(at.slice(2));
      },
    );
  } catch (error) {
    if (error instanceof Found) return error.key;
  }
  return null;
}
