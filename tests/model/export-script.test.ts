import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '../..');

/** Runs `scripts/export-data.ts` as `npm run export` does, on a content folder of these files. */
function exportSpec(files: Record<string, string>) {
  const work = mkdtempSync(path.join(tmpdir(), 'export-script-'));
  const content = path.join(work, 'content');
  const out = path.join(work, 'data');
  mkdirSync(content);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(content, name), text);
  const run = spawnSync(process.execPath, [path.join(repoRoot, 'scripts/export-data.ts'), '--content', content, '--out', out], { encoding: 'utf8', cwd: work });
  return { ...run, out };
}

const section = (id: string, body = 'Text.') => `# ${id}\n\n::section{#${id}}\n\n${body}\n`;
const example = '::::example[Asks]{#asks}\n:::user\nHi\n:::\n\n:::compliant[Greets]\nHello\n:::\n::::\n';

describe('npm run export', () => {
  it('writes an empty examples.jsonl and says "0 examples" for a spec without examples', () => {
    const run = exportSpec({ '01-only.md': section('only') });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('spec.json: 1 chapter, 1 section, 0 examples');
    expect(run.stdout).toContain('examples.jsonl: 0 records');
    expect(readFileSync(path.join(run.out, 'examples.jsonl'), 'utf8')).toBe('');
  });

  it('writes one line per record, each ending in a newline', () => {
    const run = exportSpec({ '01-one.md': section('one', example), '02-two.md': section('two') });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('spec.json: 2 chapters, 2 sections, 1 example');
    expect(run.stdout).toContain('examples.jsonl: 1 record');
    const text = readFileSync(path.join(run.out, 'examples.jsonl'), 'utf8');
    expect(text.endsWith('}\n')).toBe(true);
    expect(
      text
        .split('\n')
        .slice(0, -1)
        .map((line) => JSON.parse(line).id),
    ).toEqual(['asks']);
  });

  it('fails on a bad config with the positioned report and no stack trace', () => {
    const run = exportSpec({ '01-only.md': section('only'), 'spec.config.json': '{ "base": "//other.host" }' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/spec\.config\.json:1:11: error: Unexpected string `"\/\/other\.host"` for `base`, expected a plain path/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
