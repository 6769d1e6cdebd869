import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { pendingImportFolder } from '../model/index.ts';
import { freezeRelease, withLock } from '../releases/index.ts';

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

/** A release the import freezes once its files are in place (`--release`). */
export interface ReleaseIntent {
  version: string;
  date: string;
  notesFile?: string | undefined;
}

/**
 * What an import does to `--out` once its files are checked, written as the commit point: after
 * it, an interrupted run is finished by the next one (`finishPendingImport`), never undone.
 */
interface Journal {
  /** Files of `--out` the import replaces without writing again (chapters no longer imported). */
  remove: string[];
  /** Files moved from the pending folder into `--out`, each by one rename over the old one. */
  move: string[];
  release: { version: string; date: string; notes: boolean } | null;
}

const journalName = 'journal.json';
const releaseName = 'release.json';
const notesName = 'release-notes.md';

/**
 * Writes the import into a temporary folder beside `--out` and has `validate` check it there. When
 * validation throws, `--out` is left as it was and the temporary folder is removed, or renamed to
 * `rejected` when given (replacing an earlier one), so the files the errors name exist. Otherwise,
 * under the release lock, the files move into `--out/.import-pending/`, a journal saying what
 * follows is written (one rename: the commit point), and the journal is carried out: files
 * replaced by renames, the release frozen. A run killed at any point leaves `--out` as it was, or
 * holding a journal the next import finishes first; the build refuses a folder in between.
 */
export function writeValidated(
  plan: OutputPlan,
  files: ReadonlyArray<{ path: string; content: string | Uint8Array }>,
  validate: (dir: string) => void,
  release: ReleaseIntent | null = null,
  rejected: string | null = null,
): void {
  const parent = path.dirname(path.resolve(plan.outDir));
  mkdirSync(parent, { recursive: true });
  const temp = mkdtempSync(path.join(parent, `.${path.basename(plan.outDir)}.import-`));
  try {
    for (const file of files) {
      // Assets copied from beside the source may sit in folders (`images/d.png`).
      mkdirSync(path.dirname(path.join(temp, file.path)), { recursive: true });
      writeFileSync(path.join(temp, file.path), file.content);
    }
    try {
      validate(temp);
    } catch (error) {
      // Kept for inspection: the loader's messages name these files and lines.
      if (rejected) {
        rmSync(rejected, { recursive: true, force: true });
        renameSync(temp, rejected);
      }
      throw error;
    }
    if (rejected) rmSync(rejected, { recursive: true, force: true });
    if (release?.notesFile) copyFileSync(release.notesFile, path.join(temp, notesName));
    mkdirSync(plan.outDir, { recursive: true });
    withLock(plan.outDir, () => {
      const pending = path.join(plan.outDir, pendingImportFolder);
      // A run killed before its journal leaves only litter here.
      rmSync(pending, { recursive: true, force: true });
      renameSync(temp, pending);
      const moved = new Set(files.map((file) => file.path));
      const journal: Journal = {
        remove: plan.replaced.filter((name) => !moved.has(name)),
        move: [...moved],
        release: release && { version: release.version, date: release.date, notes: Boolean(release.notesFile) },
      };
      writeFileSync(path.join(pending, `${journalName}.tmp`), JSON.stringify(journal));
      renameSync(path.join(pending, `${journalName}.tmp`), path.join(pending, journalName));
      finishPendingImport(plan.outDir);
    });
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

/**
 * Carries out the journal of an import interrupted after its commit point (idempotent: each step
 * checks whether it is done), and clears what a run killed before it left. Two stages: the files
 * (`journal.json`; the build refuses the folder while it is there), then the release
 * (`release.json`; the draft is whole by then). Call under the lock. Returns whether an
 * interrupted import was finished.
 */
export function finishPendingImport(outDir: string): boolean {
  const pending = path.join(outDir, pendingImportFolder);
  const journalPath = path.join(pending, journalName);
  const releasePath = path.join(pending, releaseName);
  const found = existsSync(journalPath) || existsSync(releasePath);
  if (existsSync(journalPath)) {
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as Journal;
    for (const name of journal.remove) rmSync(path.join(outDir, name), { force: true });
    for (const name of journal.move) {
      const from = path.join(pending, name);
      if (!existsSync(from)) continue;
      mkdirSync(path.dirname(path.join(outDir, name)), { recursive: true });
      renameSync(from, path.join(outDir, name));
    }
    if (journal.release) {
      writeFileSync(`${releasePath}.tmp`, JSON.stringify(journal.release));
      renameSync(`${releasePath}.tmp`, releasePath);
    }
    rmSync(journalPath);
  }
  if (existsSync(releasePath)) {
    const release = JSON.parse(readFileSync(releasePath, 'utf8')) as NonNullable<Journal['release']>;
    // A freeze appears in one rename of its staged folder: present means complete.
    if (!existsSync(path.join(outDir, 'releases', release.version))) {
      freezeRelease(outDir, release.version, { date: release.date, ...(release.notes ? { notesFile: path.join(pending, notesName) } : {}) });
    }
  }
  rmSync(pending, { recursive: true, force: true });
  return found;
}
