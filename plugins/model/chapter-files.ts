import { existsSync, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { VFile } from 'vfile';
import { resolveContained } from './contained-path.ts';
import { assetsFolder } from './content-assets.ts';

/** A chapter source found in the content folder: one page of the site. */
export interface ChapterFile {
  /** Path relative to the content folder, with `/` separators. */
  file: string;
  /** Absolute path. */
  path: string;
  /** URL segment: the file name without extension and ordering prefix (`02-Chain.MD` → `chain`). */
  slug: string;
  /** From the extension, whatever its case. */
  format: 'md' | 'mdx';
}

export interface ChapterListing {
  /** In file-name order. Files with a bad page name are listed (and reported) so their content is checked too. */
  chapters: ChapterFile[];
  /** One vfile per file with a problem; every message is fatal. */
  problems: VFile[];
}

/** The `source` of every message here (`[spec-files:reserved-page-name]`). */
export const chapterFilesSource = 'spec-files';

/** The top-level folder holding release snapshots: never chapters. */
export const releasesFolder = 'releases';

/** Top-level URLs the site itself uses: a chapter page there would clash with them. */
export const reservedPageNames: ReadonlySet<string> = new Set([
  'search',
  'all',
  'levels',
  'evals',
  's',
  '404',
  'pagefind',
  'schemas',
  '_astro',
  'draft',
  'changes',
  releasesFolder,
  assetsFolder,
  'spec.json',
  'examples.jsonl',
  'anchors.json',
  'index',
]);

/** Release folders are named by date (`2025-12-18`) or semver (`1.2.0`); they are served at `/<version>/`. */
export function looksLikeReleaseVersion(name: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(name) || /^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/.test(name);
}

const chapterExtension = /\.(mdx?)$/i;

export function chapterSlug(fileName: string): string {
  return fileName
    .replace(chapterExtension, '')
    .replace(/^\d+[-_.]+/, '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-');
}

/** The longest page name (file name without number prefix and extension) a chapter may have. */
export const maxPageName = 120;

/** Where an import's checked files wait inside the content folder until its journal is carried out (import-model-spec/output.ts). */
export const pendingImportFolder = '.import-pending';

/**
 * The chapter files of a content folder, and every problem with them: chapters in subfolders,
 * page names that are empty, reserved or used twice, and symbolic links leading out of the folder
 * (whose targets are never read). `_`- and `.`-prefixed entries, the top-level `releases/` folder
 * and the folders in `skip` (the eval runs, whose README is no chapter) are skipped.
 */
export function listChapterFiles(contentDir: string, skip: readonly string[] = []): ChapterListing {
  const root = path.resolve(contentDir);
  const realRoot = realpathSync(root);
  const problems = new Map<string, VFile>();
  const problem = (absolute: string, ruleId: string, reason: string) => {
    let file = problems.get(absolute);
    if (!file) problems.set(absolute, (file = new VFile({ path: path.relative(process.cwd(), absolute) || absolute })));
    const message = file.message(reason, { place: { line: 1, column: 1 }, ruleId, source: chapterFilesSource });
    message.fatal = true;
  };
  const relative = (absolute: string) => path.relative(root, absolute).split(path.sep).join('/');

  // An import interrupted between its commit point and its last move: some chapters are old, some new.
  const journal = path.join(root, pendingImportFolder, 'journal.json');
  if (existsSync(journal)) {
    problem(
      journal,
      'unfinished-import',
      `Unexpected unfinished import in \`${path.relative(process.cwd(), root) || root}\` (it was stopped while replacing chapters), expected it finished: run the import into this folder again, which finishes the interrupted one first`,
    );
  }

  const found: string[] = [];
  const skipped = new Set(skip.map((folder) => path.resolve(root, folder)));
  const visited = new Set<string>([realRoot]);
  const walk = (dir: string, depth: number) => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (entry.name.startsWith('_') || entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      const kind = kindOf(entry, full, realRoot, (ruleId, reason) => problem(full, ruleId, reason));
      if (!kind) continue;
      if (kind.type === 'directory') {
        if ((depth === 0 && entry.name === releasesFolder) || skipped.has(full)) continue;
        if (visited.has(kind.real)) continue;
        visited.add(kind.real);
        walk(full, depth + 1);
      } else if (chapterExtension.test(entry.name)) {
        const extension = chapterExtension.exec(entry.name)![0];
        if (extension.toLowerCase() === '.mdx' && extension !== '.mdx') {
          // The MDX compiler knows `.mdx` only: `.MDX` would reach Vite as JavaScript (`.md` chapters never reach Vite).
          problem(
            full,
            'chapter-extension',
            `Unexpected extension \`${extension}\` on \`${relative(full)}\`, expected \`${extension.toLowerCase()}\` in lower case (rename the file)`,
          );
          continue;
        }
        if (depth === 0) found.push(full);
        else
          problem(
            full,
            'chapter-in-subfolder',
            `Unexpected chapter \`${relative(full)}\` in a subfolder, expected chapter files directly in the content folder (subfolders hold images and other files; \`${releasesFolder}/\` holds releases)`,
          );
      }
    }
  };
  walk(root, 0);

  const chapters: ChapterFile[] = [];
  const slugs = new Map<string, string>();
  for (const full of found) {
    const name = path.basename(full);
    const slug = chapterSlug(name);
    const file = relative(full);
    if (!/[a-z0-9]/.test(slug)) {
      const prefix = name.replace(chapterExtension, '').replace(/[-_.]*$/, '');
      problem(
        full,
        'empty-page-name',
        `Unexpected file name \`${name}\` with no page name once the number prefix is dropped, expected a name such as \`${prefix}-overview${path.extname(name)}\``,
      );
      chapters.push(chapterFile(file, full, slug, name));
      continue;
    }
    if (slug.length > maxPageName) {
      problem(
        full,
        'long-page-name',
        `Unexpected page name of ${slug.length} characters (from \`${name.slice(0, 40)}…\`), expected at most ${maxPageName}: it names folders and cache files, which file systems cap at 255 bytes`,
      );
    }
    if (reservedPageNames.has(slug) || looksLikeReleaseVersion(slug)) {
      const why = reservedPageNames.has(slug) ? 'a page of the site itself' : 'the URL of a release';
      problem(
        full,
        'reserved-page-name',
        `Unexpected page name \`${slug}\` (from \`${name}\`), which is ${why}, expected another file name (reserved: ${[...reservedPageNames].map((value) => '`' + value + '`').join(', ')} and release versions)`,
      );
    }
    const clash = slugs.get(slug);
    if (clash !== undefined) {
      problem(
        full,
        'duplicate-page',
        `Unexpected page name \`${slug}\` also used by \`${clash}\`, expected unique file names once number prefixes are dropped`,
      );
    } else {
      slugs.set(slug, file);
    }
    chapters.push(chapterFile(file, full, slug, name));
  }
  return { chapters, problems: [...problems.values()] };
}

function chapterFile(file: string, full: string, slug: string, name: string): ChapterFile {
  return { file, path: full, slug, format: chapterExtension.exec(name)![1]!.toLowerCase() as 'md' | 'mdx' };
}

type Kind = { type: 'file' | 'directory'; real: string } | undefined;

/** A directory or a regular file; a symbolic link counts as its target if that stays inside the content folder. */
function kindOf(entry: Dirent, full: string, realRoot: string, report: (ruleId: string, reason: string) => void): Kind {
  if (!entry.isSymbolicLink()) {
    if (entry.isDirectory()) return { type: 'directory', real: realpathSync(full) };
    return entry.isFile() ? { type: 'file', real: full } : undefined;
  }
  const target = resolveContained(realRoot, full);
  if (!target.real) {
    report('outside-content', `Unexpected broken symbolic link \`${entry.name}\`, expected a file or folder inside the content folder`);
    return undefined;
  }
  if (!target.inside) {
    report(
      'outside-content',
      `Unexpected symbolic link \`${entry.name}\` to \`${target.real}\`, outside the content folder, expected a file or folder inside it (nothing outside content/ and public/ is published)`,
    );
    return undefined;
  }
  const stat = statSync(target.real);
  if (stat.isDirectory()) return { type: 'directory', real: target.real };
  return stat.isFile() ? { type: 'file', real: target.real } : undefined;
}
