import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const script = path.join(repoRoot, 'scripts/import-model-spec.ts');
const work = mkdtempSync(path.join(tmpdir(), 'import-model-spec-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [script, ...args], { cwd: work, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const release = path.join(work, '2025-01-01');
mkdirSync(path.join(release, 'examples'), { recursive: true });
writeFileSync(
  path.join(release, 'model_spec.md'),
  [
    '# Overview {#overview}',
    '',
    'The spec says how the assistant behaves.',
    '',
    '- **Platform**: Rules nobody can override.',
    '',
    '# Rules {#rules}',
    '',
    '## Be kind {#be_kind authority=platform}',
    '',
    'Be kind[^ab12].',
    '',
    '**Example**: kindness',
    '',
    '~~~xml',
    '<user>',
    'hi',
    '</user>',
    '*<comparison>',
    '<assistant> <!-- GOOD: warm -->',
    'Hello!',
    '</assistant>',
    '</comparison>',
    '~~~',
    '',
  ].join('\n'),
);
writeFileSync(path.join(release, 'examples', 'ab12.md'), 'Examples for [^ab12] in Be kind:\n\n**Example**: greet\n\n~~~xml\n<user>\nhey\n</user>\n~~~\n');

describe('npm run import (scripts/import-model-spec.ts)', () => {
  it('writes chapters and spec.config.json, reads examples/ next to the source, and reports', () => {
    const result = run('2025-01-01/model_spec.md', '--out', 'content');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(readdirSync(path.join(work, 'content')).sort()).toEqual(['01-overview.md', '02-rules.md', 'spec.config.json']);
    const chapter = readFileSync(path.join(work, 'content', '02-rules.md'), 'utf8');
    expect(chapter).toContain('## Be kind\n::section{#be_kind authority=platform}');
    expect(chapter).toContain('Be kind.');
    expect(chapter).not.toContain('[^ab12]');
    expect(chapter).toContain('::::prompt[Greet]{#prompt_ab12_1 group=ab12}');
    const config = JSON.parse(readFileSync(path.join(work, 'content', 'spec.config.json'), 'utf8'));
    expect(config).toMatchObject({ version: '2025-01-01', authorityLevels: [{ name: 'platform', description: 'Rules nobody can override.' }] });
    expect(result.stdout).toContain('Eval prompts: 1 files in 2025-01-01/examples/');
    expect(result.stdout).toContain('wrote content/02-rules.md  (2 sections, 1 examples, 1 prompts)');
    expect(result.stdout).toMatch(/examples\s+1\n/);
    expect(result.stdout).toContain('GOOD 1 → compliant, BAD 0 → violating, OK 0 → ok');
    expect(result.stdout).toContain('2025-01-01/model_spec.md:19: Stray `*` before `<comparison>`; read as the tag');
  });

  it('refuses a non-empty output folder without --force', () => {
    const result = run('2025-01-01/model_spec.md', '--out', 'content');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'import-model-spec: content/: Unexpected 3 existing files (01-overview.md, 02-rules.md, spec.config.json), expected an empty folder, or --force to replace them',
    );
  });

  it('replaces the old chapters with --force', () => {
    writeFileSync(path.join(work, 'content', '09-stale.md'), '# Stale\n::section{#stale}\n');
    const result = run('2025-01-01/model_spec.md', '--out', 'content', '--force', '--no-examples', '--title', 'My Spec');
    expect(result.status).toBe(0);
    expect(existsSync(path.join(work, 'content', '09-stale.md'))).toBe(false);
    expect(readFileSync(path.join(work, 'content', '02-rules.md'), 'utf8')).toContain('Be kind[^ab12].');
    expect(JSON.parse(readFileSync(path.join(work, 'content', 'spec.config.json'), 'utf8')).title).toBe('My Spec');
    expect(result.stdout).toContain('Footnote `[^ab12]` names no eval-prompt file');
  });

  it('refuses an output folder that is or holds the source folder, before touching anything', () => {
    for (const out of ['2025-01-01', '.']) {
      for (const force of [[], ['--force']]) {
        const result = run('2025-01-01/model_spec.md', '--out', out, ...force);
        expect(result.status).toBe(1);
        expect(result.stderr).toMatch(
          new RegExp(
            `^import-model-spec: --out ${out.replace('.', '\\.')}: Unexpected output folder that (is|contains) the source folder \\(2025-01-01/\\), expected a folder outside it`,
          ),
        );
        expect(result.stderr.trim().split('\n')).toHaveLength(1);
      }
    }
    expect(readdirSync(release).sort()).toEqual(['examples', 'model_spec.md']);
  });

  it('gives one line, no stack, for --out naming a file and a folder named like a prompt file', () => {
    writeFileSync(path.join(work, 'a-file'), 'x');
    const file = run('2025-01-01/model_spec.md', '--out', 'a-file');
    expect(file.stderr).toBe('import-model-spec: --out a-file: Unexpected a file, expected a folder (or a path that does not exist yet)\n');
    mkdirSync(path.join(work, 'odd-examples', 'zz99.md'), { recursive: true });
    const folder = run('2025-01-01/model_spec.md', '--examples', 'odd-examples', '--out', 'elsewhere');
    expect(folder.stderr).toBe(
      'import-model-spec: odd-examples/zz99.md: Unexpected a folder named like an eval-prompt file, expected a file (abcd.md for footnote [^abcd]); rename or move it\n',
    );
    expect(existsSync(path.join(work, 'elsewhere'))).toBe(false);
  });

  it('with --force lists what it removes and keeps releases/, removals.json and other files', () => {
    const out = path.join(work, 'kept');
    mkdirSync(path.join(out, 'releases'), { recursive: true });
    writeFileSync(path.join(out, 'removals.json'), '{}\n');
    writeFileSync(path.join(out, 'README.txt'), 'mine\n');
    writeFileSync(path.join(out, '05-old.md'), '# Old\n::section{#old}\n');
    writeFileSync(path.join(out, 'spec.config.json'), JSON.stringify({ title: 'Mine', site: 'https://spec.example.org', base: '/spec/' }));
    const result = run('2025-01-01/model_spec.md', '--out', 'kept', '--force');
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('Removed 2 files from kept/:\n  removed kept/05-old.md\n  removed kept/spec.config.json\n');
    expect(result.stdout).toContain('Kept in kept/: README.txt, releases/, removals.json');
    expect(readdirSync(out).sort()).toEqual(['01-overview.md', '02-rules.md', 'README.txt', 'releases', 'removals.json', 'spec.config.json']);
    // The site's own settings survive; the release's fields are the import's.
    expect(JSON.parse(readFileSync(path.join(out, 'spec.config.json'), 'utf8'))).toMatchObject({
      title: 'Mine',
      site: 'https://spec.example.org',
      base: '/spec/',
      version: '2025-01-01',
      typography: 'smart',
    });
  });

  it('checks the import before writing: output that does not load leaves --out as it was', () => {
    const dir = path.join(work, 'broken');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'model_spec.md'), '# A {#a}\n\nSee [?](#nowhere).\n');
    const before = readFileSync(path.join(work, 'content', '02-rules.md'), 'utf8');
    const result = run('broken/model_spec.md', '--out', 'content', '--force');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('import-model-spec: the imported files do not load (nothing was changed in content/;');
    expect(result.stderr).toMatch(/content\.rejected-import\/01-a\.md:4:5: error: Unexpected .*nowhere/);
    expect(result.stderr).not.toMatch(/\.import-|\n\s+at /);
    expect(readFileSync(path.join(work, 'content', '02-rules.md'), 'utf8')).toBe(before);
    expect(readdirSync(work).filter((name) => name.includes('.import-'))).toEqual([]);
  });

  it('keeps output that does not load for inspection, and its errors name those files, not --out', () => {
    const dir = path.join(work, 'broken-kept');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'model_spec.md'), '# A {#a}\n\nText.\n\n# B {#b}\n\nOne.\n\nTwo.\n\nSee [?](#nowhere).\n');
    const result = run('broken-kept/model_spec.md', '--out', 'fresh-out');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'import-model-spec: the imported files do not load (nothing was changed in fresh-out/; they are kept for inspection in fresh-out.rejected-import/, the lines below are theirs):',
    );
    const at = /fresh-out\.rejected-import\/(02-b\.md):(\d+):\d+: error: Unexpected .*nowhere/.exec(result.stderr);
    expect(at).not.toBeNull();
    // The named file and line exist and hold the problem; --out was not created.
    const kept = readFileSync(path.join(work, 'fresh-out.rejected-import', at![1]!), 'utf8').split('\n');
    expect(kept[Number(at![2]) - 1]).toContain('#nowhere');
    expect(existsSync(path.join(work, 'fresh-out'))).toBe(false);
    // A later import that loads removes the kept folder.
    writeFileSync(path.join(dir, 'model_spec.md'), '# A {#a}\n\nText.\n');
    expect(run('broken-kept/model_spec.md', '--out', 'fresh-out').status).toBe(0);
    expect(existsSync(path.join(work, 'fresh-out.rejected-import'))).toBe(false);
  });

  it('copies the images the source references into --out, and refuses one outside the source folder', () => {
    const dir = path.join(work, 'with-images');
    mkdirSync(path.join(dir, 'images'), { recursive: true });
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2, 255]);
    writeFileSync(path.join(dir, 'images', 'd.png'), png);
    writeFileSync(path.join(dir, 'model_spec.md'), '# A {#a}\n\n![diagram](images/d.png)\n');
    const result = run('with-images/model_spec.md', '--out', 'images-out');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(readFileSync(path.join(work, 'images-out', 'images', 'd.png'))).toEqual(png);
    expect(result.stdout).toContain('copied images-out/images/d.png  (from with-images/images/d.png)');

    writeFileSync(path.join(work, 'outside.png'), png);
    writeFileSync(path.join(dir, 'model_spec.md'), '# A {#a}\n\nText.\n\n![diagram](../outside.png)\n');
    const outside = run('with-images/model_spec.md', '--out', 'images-out', '--force');
    expect(outside.status).toBe(1);
    expect(outside.stderr).toBe(
      'import-model-spec: with-images/model_spec.md:5: Unexpected image `../outside.png`, which leads outside the source folder, expected a file inside with-images/ (only those are copied into --out)\n',
    );
    writeFileSync(path.join(dir, 'model_spec.md'), '# A {#a}\n\n![diagram](images/missing.png)\n');
    expect(run('with-images/model_spec.md', '--out', 'images-out', '--force').stderr).toBe(
      'import-model-spec: with-images/model_spec.md:3: Unexpected image `images/missing.png`: no such file (looked for with-images/images/missing.png), expected an existing file\n',
    );
  });

  it('explains its usage on bad arguments', () => {
    expect(run().stderr).toContain('expected exactly one source file');
    expect(run('missing.md').stderr).toContain('source file not found: missing.md');
    expect(run('--help').stdout).toContain('Usage: npm run import -- <model_spec.md>');
  });
});

describe('npm run import -- --release (a small history)', () => {
  const rule = (id: string, title: string) =>
    [
      `# Rules {#rules}`,
      '',
      `## ${title} {#${id} authority=user}`,
      '',
      'Be kind.',
      '',
      '**Example**: greet',
      '',
      '~~~xml',
      '<user>',
      'hi',
      '</user>',
      '<comparison>',
      '<assistant> <!-- GOOD -->',
      'Hello!',
      '</assistant>',
      '</comparison>',
      '~~~',
      '',
      '## Other {#other}',
      '',
      'Text.',
      '',
    ].join('\n');
  const v1 = path.join(work, 'v1');
  const v2 = path.join(work, 'v2');
  mkdirSync(v1);
  mkdirSync(v2);
  writeFileSync(path.join(v1, 'model_spec.md'), rule('old_rule', 'Be kind'));
  writeFileSync(path.join(v2, 'model_spec.md'), rule('new_rule', 'Be kind to everyone'));
  const history = path.join(work, 'history');

  it('needs a date for a version that is not one, then freezes the release', () => {
    expect(run('v1/model_spec.md', '--out', 'history', '--release', '1.0.0').stderr).toBe(
      'import-model-spec: --release 1.0.0: Unexpected release without a date, expected --date YYYY-MM-DD (the version is not a date)\n',
    );
    expect(existsSync(history)).toBe(false);
    const result = run('v1/model_spec.md', '--out', 'history', '--release', '1.0.0', '--date', '2025-01-01');
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('Froze release 1.0.0 (2025-01-01) in history/releases/1.0.0/');
    expect(JSON.parse(readFileSync(path.join(history, 'releases', '1.0.0', 'release.json'), 'utf8'))).toMatchObject({ version: '1.0.0', date: '2025-01-01' });
  });

  it('refuses to replace a draft edited since the latest release without --force', () => {
    const chapter = path.join(history, '01-rules.md');
    const original = readFileSync(chapter, 'utf8');
    writeFileSync(chapter, original + '\nAn unreleased edit.\n');
    const result = run('v1/model_spec.md', '--out', 'history', '--release', '1.1.0', '--date', '2025-02-01');
    expect(result.stderr).toContain('(the draft differs from the latest release: unreleased edits would be lost)');
    expect(readFileSync(chapter, 'utf8')).toContain('An unreleased edit.');
    writeFileSync(chapter, original);
  });

  it('asks for a mapping of an id that vanished, with candidates and a template', () => {
    const result = run('v2/model_spec.md', '--out', 'history', '--release', '1.1.0', '--date', '2025-02-01');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      '1 ids published in 1.0.0 are not in this import (upstream did not alias them):\n  old_rule  (section "Be kind", last published in 1.0.0)\n      → new_rule  (section; holds 1 of its 1 examples)',
    );
    expect(JSON.parse(readFileSync(path.join(work, 'import-map-1.1.0.json'), 'utf8'))).toEqual({ old_rule: 'new_rule' });
    expect(existsSync(path.join(history, 'releases', '1.1.0'))).toBe(false);
  });

  it('reports each problem of a mapping file on one line with its position', () => {
    writeFileSync(path.join(work, 'bad-shape.json'), '{\n  "old_rule": { "removed": "", "see": null }\n}\n');
    expect(run('v2/model_spec.md', '--out', 'history', '--release', '1.1.0', '--date', '2025-02-01', '--map', 'bad-shape.json').stderr).toBe(
      'import-model-spec: the mapping file has problems:\n  bad-shape.json:2:3: Unexpected empty `removed` for `old_rule`, expected one line saying why it was removed\n',
    );
    writeFileSync(path.join(work, 'bad-targets.json'), '{\n  "old_rule": "ex_greet",\n  "other": "new_rule"\n}\n');
    const result = run('v2/model_spec.md', '--out', 'history', '--release', '1.1.0', '--date', '2025-02-01', '--map', 'bad-targets.json');
    expect(result.stderr.split('\n')).toEqual([
      'import-model-spec: the mapping file has problems:',
      '  bad-targets.json:2:3: Unexpected target the example `ex_greet` (examples take no old ids; name its section `new_rule`, or write { "removed": "…", "see": "ex_greet" }) for `old_rule`, expected a section id of the new import (candidates: new_rule, rules)',
      '  bad-targets.json:3:3: Unexpected mapping for `other` (the new import still has it), expected only ids that vanished',
      '',
    ]);
  });

  it('adds the mapped old id to the new section and freezes the next release', () => {
    writeFileSync(path.join(work, 'good.json'), JSON.stringify({ old_rule: 'new_rule' }));
    const result = run('v2/model_spec.md', '--out', 'history', '--release', '1.1.0', '--date', '2025-02-01', '--map', 'good.json');
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('  oldids on new_rule: old_rule');
    expect(readFileSync(path.join(history, '01-rules.md'), 'utf8')).toContain('## Be kind to everyone\n::section{#new_rule oldids="old_rule" authority=user}');
    expect(readdirSync(path.join(history, 'releases')).sort()).toEqual(['1.0.0', '1.1.0']);

    // The next import carries the old id by itself: the user already gave their word.
    writeFileSync(path.join(v2, 'model_spec.md'), rule('new_rule', 'Be kind to everyone') + '\nMore text.\n');
    const next = run('v2/model_spec.md', '--out', 'history', '--release', '1.2.0', '--date', '2025-03-01');
    expect(next.stderr).toBe('');
    expect(next.stdout).toContain('  kept old id old_rule on new_rule (as in the latest release)');
    expect(readFileSync(path.join(history, '01-rules.md'), 'utf8')).toContain('::section{#new_rule oldids="old_rule" authority=user}');
  });
});
