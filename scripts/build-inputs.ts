// What `npm run build` compares to decide that nothing changed since the last build: a digest of
// every input, and a listing of the built folder as the build left it.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** The record of the last successful build, kept in the build cache. */
export interface BuildStamp {
  inputs: string;
  /** The digest of every input but the content folder: equal, an edit was to content only. */
  code: string;
  /** Each input file's size, modification time and hash, when it was hashed: `inputDigest` reads again only files that changed. */
  hashes?: FileHashes;
  /** Every file of the output folder: relative path → size and modification time. */
  output: Record<string, [number, number]>;
}

/** Path → size, modification time (ms) and SHA-256 of a file, and when they were taken. */
export interface FileHashes {
  at: number;
  files: Record<string, [number, number, string]>;
}

export interface BuildInputs {
  projectRoot: string;
  contentDir: string;
  outDir: string;
  cacheDir: string;
  /** What else decides the output: the command's arguments, Node's version, the environment. */
  settings: unknown;
}

/**
 * Digests of everything a build reads: the project's files (sources, pages, plugins, public
 * files, config, lockfiles), the content folder with its releases, eval runs and journals, what
 * npm installed (`node_modules/.package-lock.json`), and the settings. `inputs` covers all of it;
 * `code` all but the content folder. Contents are hashed, not dates, so a checkout that rewrites
 * files unchanged still counts as unchanged. Over-inclusion only costs a rebuild; leaving an input
 * out would publish a stale site, so the whole project is read except what a build or an install
 * writes.
 */
export function inputDigest(inputs: BuildInputs, known?: FileHashes): { inputs: string; code: string; hashes: FileHashes } {
  const hashes: FileHashes = { at: Date.now(), files: {} };
  // A file hashed before is read again unless its size and modification time are the same and it
  // was last modified well before that hashing (a file written in the same instant could hold
  // other bytes with the same date: git's "racily clean" case).
  const hashOf = (file: string): string => {
    const stat = statSync(file);
    const size = stat.size;
    const mtime = stat.mtimeMs;
    const before = known?.files[file];
    const hash =
      before && before[0] === size && before[1] === mtime && mtime < known!.at - 2000
        ? before[2]
        : createHash('sha256').update(readFileSync(file)).digest('hex');
    hashes.files[file] = [size, mtime, hash];
    return hash;
  };
  const contentDir = path.resolve(inputs.contentDir);
  const code = createHash('sha256');
  code.update(JSON.stringify(inputs.settings));
  const skipped = new Set([path.resolve(inputs.outDir), path.resolve(inputs.cacheDir), path.join(inputs.projectRoot, 'node_modules'), contentDir]);
  for (const file of filesUnder(path.resolve(inputs.projectRoot), (dir, name) => {
    const full = path.join(dir, name);
    // Dot-folders at the project's top (.git, .astro, editor state) are not build inputs.
    return skipped.has(full) || (dir === inputs.projectRoot && name.startsWith('.'));
  })) {
    code.update(`\0${file}\0${hashOf(file)}`);
  }
  const installed = path.join(inputs.projectRoot, 'node_modules/.package-lock.json');
  code.update(existsSync(installed) ? hashOf(installed) : 'not installed');
  const codeDigest = code.digest('hex');
  const all = createHash('sha256');
  all.update(codeDigest);
  // Inside the content folder everything is an input, an unfinished import's journal included.
  for (const file of filesUnder(contentDir, (dir, name) => [path.resolve(inputs.outDir), path.resolve(inputs.cacheDir)].includes(path.join(dir, name)))) {
    all.update(`\0${file}\0${hashOf(file)}`);
  }
  return { inputs: all.digest('hex'), code: codeDigest, hashes };
}

/** Every file of the output folder with its size and modification time, or null when there is none. */
export function outputListing(outDir: string): BuildStamp['output'] | null {
  if (!existsSync(outDir)) return null;
  const listing: BuildStamp['output'] = {};
  for (const file of filesUnder(outDir, () => false)) {
    const stat = statSync(file);
    listing[path.relative(outDir, file)] = [stat.size, Math.round(stat.mtimeMs)];
  }
  return listing;
}

/** Whether the output folder is exactly as the stamped build left it. */
export function sameOutput(stamp: BuildStamp, listing: BuildStamp['output'] | null): boolean {
  if (!listing) return false;
  const files = Object.keys(listing);
  if (files.length !== Object.keys(stamp.output).length) return false;
  return files.every((file) => {
    const before = stamp.output[file];
    return before !== undefined && before[0] === listing[file]![0] && before[1] === listing[file]![1];
  });
}

function* filesUnder(dir: string, skip: (dir: string, name: string) => boolean): Generator<string> {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (skip(dir, entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(full, skip);
    // A linked file counts by what it points to; a linked folder is not followed (no cycles).
    else if (entry.isFile() || (entry.isSymbolicLink() && statSync(full, { throwIfNoEntry: false })?.isFile())) yield full;
  }
}
