import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { VFile } from 'vfile';
import { SpecError } from '../model/loader.ts';
import { formatMessages } from '../model/report.ts';
import { fail } from './messages.ts';
import { checksum, manifestName, parseManifest } from './manifest.ts';
import type { Release } from './types.ts';
import { compareReleases } from './version.ts';

export const releasesFolder = 'releases';

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
  if (!existsSync(root)) return { releases, problems };
  for (const entry of readdirSync(root, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const dir = path.join(root, entry.name);
    const manifestPath = path.join(dir, manifestName);
    if (!entry.isDirectory() || !existsSync(manifestPath)) {
      const file = new VFile({ path: display(dir) });
      fail(file, entry.isDirectory()
        ? `Unexpected release folder ${display(dir)} without ${manifestName}, expected every folder of releases/ to be a snapshot made by \`npm run release\``
        : `Unexpected file ${display(dir)} in releases/, expected only release folders`, 'release-folder');
      problems.push(file);
      continue;
    }
    const file = new VFile({ path: display(manifestPath), value: readFileSync(manifestPath, 'utf8') });
    const release = readRelease(dir, entry.name, file);
    if (file.messages.length > 0) problems.push(file);
    if (release) releases.push(release);
  }
  releases.sort(compareReleases);
  return { releases, problems };
}

/** The ordered, verified releases; any problem throws a SpecError listing all of them. */
export function readReleases(contentDir: string): Release[] {
  const { releases, problems } = checkReleases(contentDir);
  if (problems.length > 0) throw new SpecError(formatMessages(problems), problems);
  return releases;
}

function readRelease(dir: string, folder: string, file: VFile): Release | undefined {
  const { manifest, place: placeOf } = parseManifest(file, folder);
  if (!manifest) return undefined;
  const frozen = (name: string) => display(path.join(dir, name));
  const present = new Set(listFiles(dir).filter((name) => name !== manifestName));
  for (const [name, expected] of Object.entries(manifest.files)) {
    const place = placeOf(['files', name]).start;
    if (!present.has(name)) {
      fail(file, `Unexpected removal of frozen release file ${frozen(name)}, expected published releases never to change; restore it (release.json records its checksum)`, 'frozen-release', place);
      continue;
    }
    present.delete(name);
    const actual = checksum(readFileSync(path.join(dir, name)));
    if (actual !== expected) {
      fail(file, `Unexpected change to frozen release file ${frozen(name)} (checksum ${actual.slice(0, 12)}…, release.json records ${expected.slice(0, 12)}…), expected published releases never to change; put edits in the draft`, 'frozen-release', place);
    }
  }
  for (const name of present) {
    fail(file, `Unexpected new file ${frozen(name)} in the frozen release ${manifest.version}, expected published releases never to change; put new content in the draft`, 'frozen-release', placeOf(['files']).start);
  }
  if (file.messages.some((message) => message.fatal)) return undefined;
  return {
    version: manifest.version,
    date: manifest.date,
    dir,
    displayDir: display(dir),
    ...(manifest.notes ? { notesMarkdown: readFileSync(path.join(dir, manifest.notes), 'utf8') } : {}),
    files: manifest.files,
  };
}

/** Every file under `dir`, relative with `/`, dot-files (editor and OS litter) left out. */
function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith('.')) return [];
    const relative = prefix + entry.name;
    return entry.isDirectory() ? listFiles(path.join(dir, entry.name), `${relative}/`) : [relative];
  });
}
