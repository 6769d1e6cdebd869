import { existsSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A problem that stops the import: one line, shown without a stack trace. */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}

/** Files the importer writes into the content folder (chapters are `.md`/`.mdx` at its top level). */
export const configName = 'spec.config.json';
const isChapterFile = (name: string) => /\.mdx?$/i.test(name);

/** What importing into an existing folder does to it, computed before anything is touched. */
export interface OutputPlan {
  outDir: string;
  exists: boolean;
  /** Chapter files and spec.config.json: replaced by the import. */
  replaced: string[];
  /** Everything else (releases/, removals.json, other files and folders): kept as it is. */
  kept: string[];
}

/** The real path of `target`, or of its nearest existing ancestor joined with the rest. */
function realPath(target: string): string {
  const rest: string[] = [];
  let current = path.resolve(target);
  while (!existsSync(current)) {
    rest.unshift(path.basename(current));
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  return path.join(realpathSync(current), ...rest);
}

const isInside = (child: string, parent: string) => {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
};

/**
 * Reads the output folder. Refused before anything is touched: `--out` naming a file, and `--out`
 * that is (or contains) a folder an input comes from, since replacing its `.md` files would delete
 * the source itself.
 */
export function planOutput(outDir: string, inputs: ReadonlyArray<{ label: string; dir: string }>, display: (file: string) => string): OutputPlan {
  const out = realPath(outDir);
  if (existsSync(outDir) && !statSync(outDir).isDirectory()) {
    throw new ImportError(`--out ${display(outDir)}: Unexpected a file, expected a folder (or a path that does not exist yet)`);
  }
  for (const input of inputs) {
    if (isInside(realPath(input.dir), out)) {
      throw new ImportError(
        `--out ${display(outDir)}: Unexpected output folder that ${realPath(input.dir) === out ? 'is' : 'contains'} the ${input.label} folder (${display(input.dir)}/), expected a folder outside it (the import replaces the .md files of --out)`,
      );
    }
  }
  if (!existsSync(outDir)) return { outDir, exists: false, replaced: [], kept: [] };
  const replaced: string[] = [];
  const kept: string[] = [];
  for (const entry of readdirSync(outDir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    if (entry.isFile() && (isChapterFile(entry.name) || entry.name === configName)) replaced.push(entry.name);
    else kept.push(entry.isDirectory() ? `${entry.name}/` : entry.name);
  }
  return { outDir, exists: true, replaced, kept };
}

/**
 * Writes the import into a temporary folder beside `--out`, has `validate` check it there, and
 * only then replaces the planned files of `--out` with it. When validation throws, the temporary
 * folder is removed and `--out` is left as it was.
 */
export function writeValidated(
  plan: OutputPlan,
  files: ReadonlyArray<{ path: string; content: string }>,
  validate: (dir: string) => void,
): void {
  const parent = path.dirname(path.resolve(plan.outDir));
  mkdirSync(parent, { recursive: true });
  const temp = mkdtempSync(path.join(parent, `.${path.basename(plan.outDir)}.import-`));
  try {
    for (const file of files) writeFileSync(path.join(temp, file.path), file.content);
    validate(temp);
    mkdirSync(plan.outDir, { recursive: true });
    for (const name of plan.replaced) rmSync(path.join(plan.outDir, name));
    for (const file of files) renameSync(path.join(temp, file.path), path.join(plan.outDir, file.path));
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}
