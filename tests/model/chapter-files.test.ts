import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listChapterFiles } from '../../plugins/model/index.ts';

/** A content folder with these files (path → text); folders are made as needed. */
function content(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'chapter-files-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const chapter = '# Title\n\n::section{#title}\n';

/** Every problem as `file:line:col reason [rule]`, with the file relative to the content folder. */
function problems(dir: string): string[] {
  return listChapterFiles(dir).problems.flatMap((file) =>
    file.messages.map((message) => {
      expect(message.fatal).toBe(true);
      expect(message.source).toBe('spec-files');
      return `${path.relative(dir, path.resolve(file.path))}:${message.line}:${message.column} ${message.reason} [${message.ruleId}]`;
    }),
  );
}

describe('listChapterFiles', () => {
  it('lists top-level chapters in name order with slug and format, skipping _, . and releases/', () => {
    const dir = content({
      '02-chain-of-command.md': chapter,
      '01-overview.md': chapter,
      '03-Components.mdx': chapter,
      '04-notes.Md': chapter,
      '_draft.md': chapter,
      '.hidden.md': chapter,
      'releases/2025-12-18/01-overview.md': chapter,
      'releases/2025-12-18/release.json': '{}',
      'images/diagram.png': 'png',
      'spec.config.json': '{}',
    });
    const listing = listChapterFiles(dir);
    expect(listing.problems).toEqual([]);
    expect(listing.chapters).toEqual([
      { file: '01-overview.md', path: path.join(dir, '01-overview.md'), slug: 'overview', format: 'md' },
      { file: '02-chain-of-command.md', path: path.join(dir, '02-chain-of-command.md'), slug: 'chain-of-command', format: 'md' },
      { file: '03-Components.mdx', path: path.join(dir, '03-Components.mdx'), slug: 'components', format: 'mdx' },
      { file: '04-notes.Md', path: path.join(dir, '04-notes.Md'), slug: 'notes', format: 'md' },
    ]);
  });

  it('refuses a chapter in a subfolder, naming it', () => {
    const dir = content({ '01-a.md': chapter, 'part-two/02-b.md': chapter, 'part-two/deeper/03-c.mdx': chapter, '_drafts/04-d.md': chapter });
    expect(problems(dir)).toEqual([
      expect.stringMatching(
        /^part-two\/02-b\.md:1:1 Unexpected chapter `part-two\/02-b\.md` in a subfolder, expected chapter files directly in the content folder .* \[chapter-in-subfolder\]$/,
      ),
      expect.stringMatching(/^part-two\/deeper\/03-c\.mdx:1:1 Unexpected chapter `part-two\/deeper\/03-c\.mdx` in a subfolder/),
    ]);
    expect(listChapterFiles(dir).chapters.map((entry) => entry.file)).toEqual(['01-a.md']);
  });

  it('skips the folders it is told to (the eval runs, nested too), so their README is no chapter', () => {
    const dir = content({ '01-a.md': chapter, 'evals/README.md': '# Runs', 'results/inspect/notes.md': '# Notes', 'part-two/02-b.md': chapter });
    const listing = listChapterFiles(dir, ['evals', 'results/inspect/']);
    expect(listing.chapters.map((entry) => entry.file)).toEqual(['01-a.md']);
    expect(listing.problems.map((file) => path.relative(dir, path.resolve(file.path)))).toEqual(['part-two/02-b.md']);
  });

  it('refuses a page name too long for the folders and cache files it names', () => {
    const long = `02-${'a'.repeat(249)}.md`;
    const dir = content({ '01-a.md': chapter, [long]: chapter, [`03-${'b'.repeat(120)}.md`]: chapter });
    expect(problems(dir)).toEqual([
      `${long}:1:1 Unexpected page name of 249 characters (from \`02-${'a'.repeat(37)}…\`), expected at most 120: it names folders and cache files, which file systems cap at 255 bytes [long-page-name]`,
    ]);
  });

  it('refuses a file name with no page name', () => {
    const dir = content({ '01-a.md': chapter, '02-.md': chapter, '03-_.mdx': chapter });
    expect(problems(dir)).toEqual([
      '02-.md:1:1 Unexpected file name `02-.md` with no page name once the number prefix is dropped, expected a name such as `02-overview.md` [empty-page-name]',
      expect.stringMatching(/^03-_\.mdx:1:1 Unexpected file name `03-_\.mdx` with no page name .*`03-overview\.mdx`/),
    ]);
  });

  it('refuses page names the site uses and release versions', () => {
    const names = [
      '01-search.md',
      '02-All.md',
      '03-s.md',
      '04-404.md',
      '05-draft.mdx',
      '06-index.md',
      '07-changes.md',
      '08-pagefind.md',
      '09-schemas.md',
      '10-levels.md',
      '11-2025-01-01.md',
      '12-releases.md',
    ];
    const dir = content(Object.fromEntries(names.map((name) => [name, chapter])));
    const found = problems(dir);
    expect(found).toHaveLength(names.length);
    names.forEach((name, index) =>
      expect(found[index]).toMatch(
        new RegExp(
          `^${name.replace('.', '\\.')}:1:1 Unexpected page name \`[^\`]+\` \\(from \`${name.replace('.', '\\.')}\`\\), which is .*, expected another file name .* \\[reserved-page-name\\]$`,
        ),
      ),
    );
    expect(found[10]).toContain('which is the URL of a release');
    // Not reserved: names that only contain a reserved word.
    expect(problems(content({ '01-searching.md': chapter, '02-all-rules.md': chapter, '03-2025.md': chapter }))).toEqual([]);
  });

  it('refuses two files with the same page name', () => {
    const dir = content({ '01-overview.md': chapter, '02-Overview.mdx': chapter, '03-overview.md': chapter });
    expect(problems(dir)).toEqual([
      '02-Overview.mdx:1:1 Unexpected page name `overview` also used by `01-overview.md`, expected unique file names once number prefixes are dropped [duplicate-page]',
      '03-overview.md:1:1 Unexpected page name `overview` also used by `01-overview.md`, expected unique file names once number prefixes are dropped [duplicate-page]',
    ]);
  });

  it('refuses symbolic links leading out of the content folder and never lists them', () => {
    const outside = content({ 'secret.md': '# Secret\n', 'folder/01-x.md': chapter });
    const dir = content({ '01-a.md': chapter, 'inner/pic.png': 'png' });
    symlinkSync(path.join(outside, 'secret.md'), path.join(dir, '02-secret.md'));
    symlinkSync(path.join(outside, 'folder'), path.join(dir, 'linked'));
    symlinkSync(path.join(outside, 'missing.md'), path.join(dir, '03-broken.md'));
    symlinkSync(path.join(dir, 'inner'), path.join(dir, 'alias'));
    symlinkSync(path.join(dir, '01-a.md'), path.join(dir, '04-again.md'));
    symlinkSync(dir, path.join(dir, 'inner', 'loop'));
    const listing = listChapterFiles(dir);
    expect(listing.chapters.map((entry) => entry.file)).toEqual(['01-a.md', '04-again.md']);
    expect(problems(dir)).toEqual([
      expect.stringMatching(
        /^02-secret\.md:1:1 Unexpected symbolic link `02-secret\.md` to `.*secret\.md`, outside the content folder, expected a file or folder inside it .* \[outside-content\]$/,
      ),
      expect.stringMatching(/^03-broken\.md:1:1 Unexpected broken symbolic link `03-broken\.md`/),
      expect.stringMatching(/^linked:1:1 Unexpected symbolic link `linked` to `.*folder`, outside the content folder/),
    ]);
  });

  it('accepts a content folder reached through a symbolic link', () => {
    const dir = content({ '01-a.md': chapter });
    const link = path.join(mkdtempSync(path.join(tmpdir(), 'chapter-files-link-')), 'content');
    symlinkSync(dir, link);
    expect(listChapterFiles(link)).toEqual({ chapters: [{ file: '01-a.md', path: path.join(link, '01-a.md'), slug: 'a', format: 'md' }], problems: [] });
  });
});
