// A hostile case is a folder: the input (`input.md`, `input.mdx`, or `input.ts` generating it)
// with markers such as `⟪!⟫` where messages are expected, `messages.txt` with one expected message
// a line (`⟪!⟫ error rule-id reason`), and optionally `check.ts` with further assertions.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { PipelineResult } from './pipeline-worker.ts';

export type HostileResult = PipelineResult & { ms: number };

export interface HostileCase {
  name: string;
  dir: string;
  /** The source as the pipeline sees it (markers removed). */
  source: string;
  /** The path given to the pipeline; its extension decides `.md` or `.mdx` handling. */
  path: string;
  /** The expected messages, markers replaced by `line:column`. */
  expected: string[];
  check?: (result: HostileResult, source: string) => void;
  timeLimit: number;
}

const markerPattern = /⟪([^⟪⟫\s]{1,8})⟫/g;

/** Folders under `root` holding a `messages.txt`. */
export function caseNames(root: string): string[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(root, entry.name, 'messages.txt')))
    .map((entry) => entry.name)
    .sort();
}

export async function loadCase(root: string, name: string): Promise<HostileCase> {
  const dir = path.join(root, name);
  const generator = path.join(dir, 'input.ts');
  const written = ['input.md', 'input.mdx'].find((file) => existsSync(path.join(dir, file)));
  let marked: string;
  let file: string;
  if (existsSync(generator)) {
    marked = ((await import(generator)) as { default: () => string }).default();
    file = `${name}.md`;
  } else if (written) {
    marked = readFileSync(path.join(dir, written), 'utf8');
    file = `${name}${path.extname(written)}`;
  } else {
    throw new Error(`${dir}: expected input.md, input.mdx or input.ts`);
  }
  const { source, places } = stripMarkers(marked);
  const expected = readFileSync(path.join(dir, 'messages.txt'), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) =>
      line.replace(/^⟪([^⟪⟫\s]{1,8})⟫/, (whole, marker: string) => {
        const place = places.get(marker);
        if (!place) throw new Error(`${dir}/messages.txt: marker ${whole} is not in the input`);
        return `${place.line}:${place.column}`;
      }),
    );
  const checkFile = path.join(dir, 'check.ts');
  const checkModule = existsSync(checkFile) ? ((await import(checkFile)) as { default?: HostileCase['check']; timeLimit?: number }) : {};
  return { name, dir, source, path: `content/${file}`, expected, check: checkModule.default, timeLimit: checkModule.timeLimit ?? 15_000 };
}

/** Removes the markers and records the 1-based line and column each stood at. */
export function stripMarkers(marked: string): { source: string; places: Map<string, { line: number; column: number }> } {
  const places = new Map<string, { line: number; column: number }>();
  let source = '';
  let line = 1;
  let lineStart = 0;
  let last = 0;
  for (const match of marked.matchAll(markerPattern)) {
    const chunk = marked.slice(last, match.index);
    // Line endings as Markdown counts them: LF, CRLF and a lone CR.
    for (const ending of chunk.matchAll(/\r\n?|\n/g)) {
      line++;
      lineStart = source.length + ending.index + ending[0].length;
    }
    source += chunk;
    if (places.has(match[1]!)) throw new Error(`marker ⟪${match[1]}⟫ used twice in the input`);
    places.set(match[1]!, { line, column: source.length - lineStart + 1 });
    last = match.index + match[0].length;
  }
  return { source: source + marked.slice(last), places };
}
