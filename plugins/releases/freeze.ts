import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadSpec } from '../model/loader.ts';
import { checksum, manifestName, notesName } from './manifest.ts';
import { readReleases, releasesFolder } from './read.ts';
import type { ReleaseManifest } from './types.ts';
import { compareReleases, isReleaseDate, isReleaseVersion, today, versionExpectation } from './version.ts';

/** A release that cannot be made; the message is one line meant for the author. */
export class FreezeError extends Error {
  override name = 'FreezeError';
}

export interface FreezeOptions {
  /** `YYYY-MM-DD`; default the version when it is a date, else today (UTC). */
  date?: string;
  /** A Markdown file with the release notes, copied into the snapshot as notes.md. */
  notesFile?: string;
}

export interface FrozenRelease extends ReleaseManifest {
  /** Absolute path of the new snapshot folder. */
  dir: string;
}

/**
 * Copies the draft (its chapter files and spec.config.json; never releases/ or removals.json)
 * into `releases/<version>/` with a release.json of sha256 checksums. Refuses an invalid or
 * existing version, a date before the latest release, and a draft that does not load (the
 * loader's SpecError, with every message, is thrown as is). The snapshot appears whole or not at all.
 */
export function freezeRelease(contentDir: string, version: string, options: FreezeOptions = {}): FrozenRelease {
  const root = path.resolve(contentDir);
  const date = options.date ?? (isReleaseDate(version) ? version : today());
  if (!isReleaseVersion(version)) throw new FreezeError(`Unexpected version \`${version}\`, expected ${versionExpectation}`);
  if (!isReleaseDate(date)) throw new FreezeError(`Unexpected date \`${date}\`, expected a calendar date written YYYY-MM-DD`);
  const target = path.join(root, releasesFolder, version);
  if (existsSync(target)) throw new FreezeError(`Unexpected version \`${version}\`: ${path.relative(process.cwd(), target) || target} already exists, expected a new version (published releases never change)`);
  const releases = readReleases(root);
  const latest = releases.at(-1);
  if (latest && date < latest.date) {
    throw new FreezeError(`Unexpected date ${date} before the latest release ${latest.version} (${latest.date}), expected ${latest.date} or later`);
  }
  if (latest && compareReleases({ date, version }, latest) < 0) {
    throw new FreezeError(`Unexpected version \`${version}\` ordered before the latest release ${latest.version} of the same day, expected a later version`);
  }
  let notes: string | undefined;
  if (options.notesFile !== undefined) {
    if (!existsSync(options.notesFile)) throw new FreezeError(`Unexpected notes file ${options.notesFile}: not found, expected a Markdown file with the release notes`);
    notes = readFileSync(options.notesFile, 'utf8');
  }

  const spec = loadSpec(root, { ignoreAnchorLock: true, log: () => {} });
  const names = spec.chapters.map((chapter) => chapter.file);
  if (names.length === 0) throw new FreezeError(`Unexpected draft without chapters in ${contentDir}, expected Markdown chapter files to freeze`);
  if (existsSync(path.join(root, 'spec.config.json'))) names.push('spec.config.json');

  // Written beside the final folder, then renamed: an interrupted freeze leaves no half release.
  const staging = path.join(root, releasesFolder, `.${version}.partial`);
  rmSync(staging, { recursive: true, force: true });
  try {
    const files: Record<string, string> = {};
    for (const name of names) {
      mkdirSync(path.dirname(path.join(staging, name)), { recursive: true });
      copyFileSync(path.join(root, name), path.join(staging, name));
      files[name] = checksum(readFileSync(path.join(staging, name)));
    }
    if (notes !== undefined) {
      writeFileSync(path.join(staging, notesName), notes);
      files[notesName] = checksum(notes);
    }
    const sorted = Object.fromEntries(Object.entries(files).sort(([a], [b]) => a.localeCompare(b)));
    const manifest: ReleaseManifest = { version, date, ...(notes !== undefined ? { notes: notesName } : {}), files: sorted };
    writeFileSync(path.join(staging, manifestName), JSON.stringify(manifest, null, 2) + '\n');
    renameSync(staging, target);
    return { ...manifest, dir: target };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
