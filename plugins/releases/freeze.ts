import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadSpec, processRunning } from '../model/index.ts';
import { checksum, manifestChecksum, manifestName, notesName } from './manifest.ts';
import { readReleases, releasesFolder } from './read.ts';
import { loadTimeline } from './timeline.ts';
import type { ReleaseManifest } from './types.ts';
import { compareReleases, compareVersions, isReleaseDate, isReleaseVersion, shortVersion, today, versionExpectation } from './version.ts';

/** A release that cannot be made; the message is one line meant for the author. */
export class FreezeError extends Error {
  override name = 'FreezeError';
}

export interface FreezeOptions {
  /** `YYYY-MM-DD`; default the version when it is a date, else today (UTC). */
  date?: string;
  /** A Markdown file with the release notes, copied into the snapshot as notes.md. */
  notesFile?: string;
  /** Where the draft's warnings go (default: console.warn). */
  log?: (text: string) => void;
}

export interface FrozenRelease extends ReleaseManifest {
  /** Absolute path of the new snapshot folder. */
  dir: string;
}

/** Where a release is written before it is moved into place, and the lock against concurrent runs. */
export const stagingFolder = '.release-staging';

/**
 * Refuses a version or date before anything is read or written: not a version, not a date, a
 * date version earlier than its date, an existing version, or one ordered before the latest
 * release (by date; semantic versions must also rise). Shared by `npm run release` and the
 * importer's `--release`, so neither writes anything a freeze would then refuse.
 */
export function checkFreezable(contentDir: string, version: string, date: string, releases = readReleases(contentDir)): void {
  if (!isReleaseVersion(version)) throw new FreezeError(`Unexpected version \`${shortVersion(version)}\`, expected ${versionExpectation}`);
  if (!isReleaseDate(date)) throw new FreezeError(`Unexpected date \`${date}\`, expected a calendar date written YYYY-MM-DD`);
  if (isReleaseDate(version) && version < date)
    throw new FreezeError(`Unexpected version ${version} earlier than its date ${date}, expected a date version no earlier than the release date`);
  const target = path.join(path.resolve(contentDir), releasesFolder, version);
  if (existsSync(target) || releases.some((release) => release.version === version))
    throw new FreezeError(
      `Unexpected version \`${version}\`: ${path.relative(process.cwd(), target) || target} already exists, expected a new version (published releases never change)`,
    );
  const latest = releases.at(-1);
  if (latest && date < latest.date) {
    throw new FreezeError(`Unexpected date ${date} before the latest release ${latest.version} (${latest.date}), expected ${latest.date} or later`);
  }
  if (latest && compareReleases({ date, version }, latest) < 0) {
    throw new FreezeError(`Unexpected version \`${version}\` ordered before the latest release ${latest.version} of the same day, expected a later version`);
  }
  const lastSemver = [...releases].reverse().find((release) => !isReleaseDate(release.version));
  if (!isReleaseDate(version) && lastSemver && compareVersions(version, lastSemver.version) <= 0) {
    throw new FreezeError(`Unexpected version \`${version}\` not above the earlier release ${lastSemver.version}, expected versions to rise with their dates`);
  }
}

/**
 * Copies the draft (its chapters, the images and files they use, and spec.config.json; never
 * releases/ or removals.json) into `releases/<version>/` with a release.json of sha256
 * checksums, chained to the release before it. Everything is checked first (version, date, notes
 * file, a draft that loads and keeps every published id); the snapshot is written in a staging
 * folder and moved into place with one rename, under a lock, so a failed, interrupted or
 * concurrent run leaves the content folder's releases as they were.
 */
export function freezeRelease(contentDir: string, version: string, options: FreezeOptions = {}): FrozenRelease {
  const root = path.resolve(contentDir);
  const date = options.date ?? (isReleaseDate(version) ? version : today());
  checkFreezable(root, version, date);
  let notes: string | undefined;
  if (options.notesFile !== undefined) {
    if (!existsSync(options.notesFile) || !statSync(options.notesFile).isFile())
      throw new FreezeError(`Unexpected notes file ${options.notesFile}: not found, expected a Markdown file with the release notes`);
    notes = readFileSync(options.notesFile, 'utf8');
  }
  return withLock(root, () => {
    // Checked again under the lock: a concurrent run may have frozen this version meanwhile.
    checkFreezable(root, version, date);
    // The draft must build and keep every published id resolvable: it becomes the latest release.
    const { releases, draft } = loadTimeline(root, { draft: true, log: options.log ?? ((text) => console.warn(text)) });
    const model = loadSpec(root, { log: () => {} });
    const names = draft!.spec.chapters.map((chapter) => chapter.file);
    if (names.length === 0) throw new FreezeError(`Unexpected draft without chapters in ${contentDir}, expected Markdown chapter files to freeze`);
    if (names.includes(notesName)) {
      throw new FreezeError(
        `Unexpected draft chapter ${notesName}: a release keeps its notes under that name, expected the chapter renamed (such as \`99-notes.md\`)`,
      );
    }
    if (existsSync(path.join(root, 'spec.config.json'))) names.push('spec.config.json');
    // Images and files the chapters use, at the same place relative to the chapters.
    const real = realpathSync(root);
    for (const asset of model.assets) {
      const relative = path.relative(real, asset.source).split(path.sep).join('/');
      if (!relative.startsWith('../') && !path.isAbsolute(relative) && !names.includes(relative)) names.push(relative);
    }

    const staging = path.join(root, stagingFolder, `${version}.${process.pid}`);
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
      const sorted = Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
      const latest = releases.at(-1);
      const fields = {
        version,
        date,
        ...(notes !== undefined ? { notes: notesName } : {}),
        files: sorted,
        previous: latest ? { version: latest.version, checksum: latest.checksum } : null,
      };
      const manifest: ReleaseManifest = { ...fields, checksum: manifestChecksum(fields) };
      writeFileSync(path.join(staging, manifestName), JSON.stringify(manifest, null, 2) + '\n');
      mkdirSync(path.join(root, releasesFolder), { recursive: true });
      // One rename: the release appears whole, or not at all.
      const target = path.join(root, releasesFolder, version);
      renameSync(staging, target);
      return { ...manifest, dir: target };
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
  });
}

/**
 * Runs `work` holding `content/.release-staging/lock` (created exclusively). A lock whose process
 * is gone (a run killed with SIGKILL) is taken over; a live one refuses the second run.
 */
export function withLock<T>(root: string, work: () => T): T {
  // Re-entrant: an import that freezes holds the lock across both steps.
  if (held.has(root)) return work();
  const dir = path.join(root, stagingFolder);
  mkdirSync(dir, { recursive: true });
  const lock = path.join(dir, 'lock');
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) {
        throw new FreezeError(
          `Unexpected second release or import running on ${path.relative(process.cwd(), root) || root} (lock ${path.relative(process.cwd(), lock)} held), expected one at a time; wait for it to finish`,
        );
      }
      const holder = Number(readFileSync(lock, 'utf8').trim());
      if (holder && holder !== process.pid && processRunning(holder)) {
        throw new FreezeError(
          `Unexpected second release or import running on ${path.relative(process.cwd(), root) || root} (process ${holder} holds ${path.relative(process.cwd(), lock)}), expected one at a time; wait for it to finish`,
        );
      }
      // The holder is gone: its staging is litter.
      for (const entry of readdirSync(dir)) if (entry !== 'lock') rmSync(path.join(dir, entry), { recursive: true, force: true });
      rmSync(lock, { force: true });
    }
  }
  held.add(root);
  try {
    return work();
  } finally {
    held.delete(root);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Content folders whose lock this process holds. */
const held = new Set<string>();
