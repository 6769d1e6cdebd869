import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { indexIds, readChapters } from '../published-ids.ts';

/**
 * Example and prompt ids are positional. A synthetic two-release history in a temp folder: the
 * newer release inserts an example before others whose titles cut to the same slug, and a prompt
 * before others of its file. Each id the older release published must keep naming what it named.
 */
const script = path.resolve(import.meta.dirname, '../../../scripts/import-model-spec.ts');
const work = mkdtempSync(path.join(tmpdir(), 'import-anchors-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const content = path.join(work, 'content');

const stem = 'ex_when_subtle_stylistic_differences_in_refusals';
const refusal = (n: string) =>
  `**Example**: when subtle stylistic differences in refusals matter (${n})\n\n~~~xml\n<user>\nask ${n}\n</user>\n<comparison>\n<assistant> <!-- GOOD -->\nanswer ${n}\n</assistant>\n</comparison>\n~~~\n`;
const prompt = (title: string) => `**Example**: ${title}\n\n~~~xml\n<user>\n${title}?\n</user>\n~~~\n`;

function writeRelease(version: string, spec: string, examples: Record<string, string>) {
  const dir = path.join(work, 'upstream', version);
  mkdirSync(path.join(dir, 'examples'), { recursive: true });
  writeFileSync(path.join(dir, 'model_spec.md'), spec);
  for (const [name, text] of Object.entries(examples)) writeFileSync(path.join(dir, 'examples', `${name}.md`), text);
  return path.join(dir, 'model_spec.md');
}

function importRelease(source: string, version: string) {
  const result = spawnSync(process.execPath, [script, source, '--out', 'content', '--release', version], { cwd: work, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Id → title of every example and prompt of a folder of chapters. */
function titles(dir: string): Record<string, string> {
  const names = readdirSync(dir).filter((name) => name.endsWith('.md'));
  const entries = [...indexIds(readChapters(dir, names)).values()].filter((entry) => entry.kind === 'example');
  return Object.fromEntries(entries.map((entry) => [entry.id, entry.title]));
}

describe('--release: published example and prompt ids keep naming the same content', { timeout: 300_000 }, () => {
  it('gives inserted examples fresh ids, keeps the published ones on their examples, links follow, and warns where the old content is gone', () => {
    const first = writeRelease('2025-01-01', `# Refusals {#refusals}\n\nText.[^ab12] And more.[^cd34]\n\n${refusal('0')}\n${refusal('1')}\n${refusal('2')}`, {
      ab12: `Examples for [^ab12] in Refusals:\n\n${prompt('first')}\n${prompt('second')}`,
      cd34: `Examples for [^cd34] in Refusals:\n\n${prompt('alpha')}\n${prompt('beta')}`,
    });
    const one = importRelease(first, '2025-01-01');
    expect(one.stderr).toBe('');
    expect(one.status).toBe(0);
    expect(titles(content)).toMatchObject({
      [stem]: 'When subtle stylistic differences in refusals matter (0)',
      [`${stem}_2`]: 'When subtle stylistic differences in refusals matter (1)',
      [`${stem}_3`]: 'When subtle stylistic differences in refusals matter (2)',
      prompt_ab12_1: 'First',
      prompt_ab12_2: 'Second',
      prompt_cd34_1: 'Alpha',
      prompt_cd34_2: 'Beta',
    });

    // Upstream inserts "(new)" and "inserted" first; "alpha" is replaced by "gamma". The links name
    // positional ids of this source: `#${stem}` is "(new)" by position, `_3` is "(1)".
    const second = writeRelease(
      '2025-02-01',
      `# Refusals {#refusals}\n\nText.[^ab12] And more.[^cd34] See [?](#${stem}) and [?](#${stem}_3).\n\n${refusal('new')}\n${refusal('0')}\n${refusal('1')}\n${refusal('2')}`,
      {
        ab12: `Examples for [^ab12] in Refusals:\n\n${prompt('inserted')}\n${prompt('first')}\n${prompt('second')}`,
        cd34: `Examples for [^cd34] in Refusals:\n\n${prompt('gamma')}\n${prompt('beta')}`,
      },
    );
    const two = importRelease(second, '2025-02-01');
    expect(two.stderr).toBe('');
    expect(two.status).toBe(0);
    const draft = titles(content);
    expect(draft).toEqual({
      [stem]: 'When subtle stylistic differences in refusals matter (0)',
      [`${stem}_2`]: 'When subtle stylistic differences in refusals matter (1)',
      [`${stem}_3`]: 'When subtle stylistic differences in refusals matter (2)',
      [`${stem}_4`]: 'When subtle stylistic differences in refusals matter (new)',
      prompt_ab12_1: 'First',
      prompt_ab12_2: 'Second',
      prompt_ab12_3: 'Inserted',
      // No prompt of the new file is "alpha": the id stays by position, with a warning.
      prompt_cd34_1: 'Gamma',
      prompt_cd34_2: 'Beta',
    });
    expect(titles(path.join(content, 'releases', '2025-02-01'))).toEqual(draft);
    // Links follow the examples they named by position.
    expect(readFileSync(path.join(content, '01-refusals.md'), 'utf8')).toContain(`See [?](#${stem}_4) and [?](#${stem}_2).`);

    expect(two.stdout).toContain(
      `model_spec.md:5: Example "When subtle stylistic differences in refusals matter (new)" would be \`${stem}\` by position, but release 2025-01-01 published that id for "When subtle stylistic differences in refusals matter (0)" (kept on it, line 18); this one takes the new id \`${stem}_4\``,
    );
    expect(two.stdout).toContain(
      `model_spec.md:18: Example "When subtle stylistic differences in refusals matter (0)" keeps \`${stem}\`, the id release 2025-01-01 published it under (by position it would be \`${stem}_2\`, which 2025-01-01 published for "When subtle stylistic differences in refusals matter (1)"); links to it follow`,
    );
    expect(two.stdout).toContain('ab12.md:3: Prompt "Inserted" would be `prompt_ab12_1` by position');
    expect(two.stdout).toContain(
      'cd34.md:3: Unexpected prompt id `prompt_cd34_1` naming "Gamma", expected "Alpha" as release 2025-01-01 published it (no prompt of this import has that title): the published anchor `#prompt_cd34_1` now names other content',
    );
  });
});
