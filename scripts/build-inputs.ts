// What `npm run build` compares to decide that nothing changed since the last build: a digest of
// every input, and a listing of the built folder as the build left it.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** The record of the last successful build, kept in the build cache. */
export interface BuildStamp {
  inputs: string;
  /** Every file of the output folder: relative path → size and modification time. */
  output: Record<string, [number, number]>;
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
 * One digest of everything a build reads: the project's files (sources, pages, plugins, public
 * files, config, lockfiles), the content folder with its releases, eval runs and journals, what
 * npm installed (`node_modules/.package-lock.json`), and the settings. Contents are hashed, not
 * dates, so a checkout that rewrites files unchanged still counts as unchanged. Over-inclusion only
 * costs a rebuild; leaving an input out would publish a stale site, so the whole project is read
 * except what a build or an install writes.
 */
export function inputDigest(inputs: BuildInputs): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(inputs.settings));
  const skipped = new Set([path.resolve(inputs.outDir), path.resolve(inputs.cacheDir), path.join(inputs.projectRoot, 'node_modules')]);
  const roots = [inputs.projectRoot, inputs.contentDir].map((root) => path.resolve(root));
  const seen = new Set<string>();
  for (const root of roots) {
    for (const file of filesUnder(root, (dir, name) => {
      const full = path.join(dir, name);
      // Dot-folders at the project's top (.git, .astro, editor state) are not build inputs; inside
      // the content folder everything is, an unfinished import's journal included.
      return skipped.has(full) || (dir === inputs.projectRoot && name.startsWith('.') && !full.startsWith(path.resolve(inputs.contentDir)));
    })) {
      if (seen.has(file)) continue;
      seen.add(file);
      hash.update(`\0${file}\0`);
      hash.update(readFileSync(file));
    }
  }
  const installed = path.join(inputs.projectRoot, 'node_modules/.package-lock.json');
  hash.update(existsSync(installed) ? readFileSync(installed) : 'not installed');
  return hash.digest('hex');
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
