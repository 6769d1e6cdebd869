import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { VFile } from 'vfile';
import { SpecError, formatMessages, releasesFolder } from '../model/index.ts';
import { fail } from './messages.ts';
import { checksum, manifestName, parseManifest } from './manifest.ts';
import type { Release } from './types.ts';
import { compareReleases, compareVersions, isReleaseDate } from './version.ts';

// The folder name is the model's: it also keeps releases out of the chapters.
export { releasesFolder };

const display = (file: string) => path.relative(process.cwd(), file) || file;

/**
 * Reads every `content/releases/<version>/release.json`, checks its shape and every checksum, and
 * returns the releases in order (date, then version) with every problem found, each on the
 * release.json it concerns. Nothing fails here: see `readReleases`.
 */
export function checkReleases(contentDir: string): { releases: Release[]; problems: VFile[] } {
  const root = path.resolve(contentDir, releasesFolder);
  const releases: Release[] = [];
  const problems: VFile[] = [];
  const files = new Map<Release, ReadRelease>();
  if (!existsSync(root)) return { releases, problems };
  for (const entry of readdirSync(root, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const dir = path.join(root, entry.name);
    const manifestPath = path.join(dir, manifestName);
    if (!entry.isDirectory() || !existsSync(manifestPath)) {
      const file = new VFile({ path: display(dir) });
      fail(
        file,
        entry.isDirectory()
          ? `Unexpected release folder ${display(dir)} without ${manifestName}, expected every folder of releases/ to be a snapshot made by \`npm run release\``
          : `Unexpected file ${display(dir)} in releases/, expected only release folders`,
        'release-folder',
      );
      problems.push(file);
      continue;
    }
    const file = new VFile({ path: display(manifestPath), value: readFileSync(manifestPath, 'utf8') });
    const read = readRelease(dir, entry.name, file);
    if (file.messages.length > 0) problems.push(file);
    if (read) {
      releases.push(read.release);
      files.set(read.release, read);
    }
  }
  releases.sort(compareReleases);
  checkOrder(releases, files, problems);
  return { releases, problems };
}

/** The ordered, verified releases; any problem throws a SpecError listing all of them. */
export function readReleases(contentDir: string): Release[] {
  const { releases, problems } = checkReleases(contentDir);
  if (problems.length > 0) throw new SpecError(formatMessages(problems), problems);
  return releases;
}

interface ReadRelease {
  release: Release;
  file: VFile;
  place: (segments: Array<string | number>) => { line: number; column: number };
}

/**
 * The releases in order (date, then version) must be the chain they were frozen as: each names
 * the one before it, and semantic versions rise with the dates. An old release whose date was
 * edited (to make it the latest) breaks its own checksum, or the chain here.
 */
function checkOrder(releases: Release[], files: Map<Release, ReadRelease>, problems: VFile[]): void {
  releases.forEach((release, index) => {
    const { file, place } = files.get(release)!;
    const before = releases[index - 1];
    const expected = before ? { version: before.version, checksum: before.checksum } : null;
    const report = (reason: string, at: Array<string | number>) => {
      fail(file, reason, 'release-order', place(at));
      if (!problems.includes(file)) problems.push(file);
    };
    if (JSON.stringify(release.previous) !== JSON.stringify(expected)) {
      report(
        `Unexpected previous release ${release.previous ? `\`${release.previous.version}\`` : 'none'} for ${release.version}, expected ${expected ? `\`${expected.version}\` (with its checksum)` : 'none'}: releases in order of date and version must be the chain they were frozen as; restore the release.json files from version control`,
        ['previous'],
      );
    }
    if (before && semverLike(before.version) && semverLike(release.version) && compareVersions(before.version, release.version) >= 0) {
      report(
        `Unexpected version ${release.version} after ${before.version} (dated ${before.date}, before ${release.date}), expected versions to rise with their dates`,
        ['version'],
      );
    }
  });
}

const semverLike = (version: string) => !isReleaseDate(version);

function readRelease(dir: string, folder: string, file: VFile): ReadRelease | undefined {
  const { manifest, place: placeOf } = parseManifest(file, folder);
  if (!manifest) return undefined;
  const frozen = (name: string) => display(path.join(dir, name));
  const links: string[] = [];
  const present = new Set(listFiles(dir, '', links).filter((name) => name !== manifestName));
  for (const link of links) {
    fail(
      file,
      `Unexpected symbolic link ${frozen(link)} in the frozen release ${manifest.version}, expected plain files only (a link can change what a published release shows)`,
      'frozen-release',
      placeOf(['files']).start,
    );
  }
  for (const [name, expected] of Object.entries(manifest.files)) {
    const place = placeOf(['files', name]).start;
    if (links.includes(name)) continue;
    if (!present.has(name)) {
      fail(
        file,
        `Unexpected removal of frozen release file ${frozen(name)}, expected published releases never to change; restore it (release.json records its checksum)`,
        'frozen-release',
        place,
      );
      continue;
    }
    present.delete(name);
    const actual = checksum(readFileSync(path.join(dir, name)));
    if (actual !== expected) {
      fail(
        file,
        `Unexpected change to frozen release file ${frozen(name)} (checksum ${actual.slice(0, 12)}…, release.json records ${expected.slice(0, 12)}…), expected published releases never to change; put edits in the draft`,
        'frozen-release',
        place,
      );
    }
  }
  for (const name of present) {
    fail(
      file,
      `Unexpected new file ${frozen(name)} in the frozen release ${manifest.version}, expected published releases never to change; put new content in the draft`,
      'frozen-release',
      placeOf(['files']).start,
    );
  }
  if (file.messages.some((message) => message.fatal)) return undefined;
  const release: Release = {
    version: manifest.version,
    date: manifest.date,
    dir,
    displayDir: display(dir),
    ...(manifest.notes ? { notesMarkdown: readFileSync(path.join(dir, manifest.notes), 'utf8') } : {}),
    files: manifest.files,
    previous: manifest.previous,
    checksum: manifest.checksum,
  };
  return { release, file, place: (segments) => placeOf(segments).start };
}

/** Every file under `dir`, relative with `/`, dot-files (editor and OS litter) left out; symbolic links go to `links`. */
function listFiles(dir: string, prefix: string, links: string[]): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith('.')) return [];
    const relative = prefix + entry.name;
    if (entry.isSymbolicLink()) {
      links.push(relative);
      return [];
    }
    return entry.isDirectory() ? listFiles(path.join(dir, entry.name), `${relative}/`, links) : entry.isFile() ? [relative] : [];
  });
}
