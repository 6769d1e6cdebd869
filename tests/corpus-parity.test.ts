import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildSite, projectRoot } from '../scripts/harness/build-site.ts';

// The real Model Spec releases beside the project (never copied in). Figures read off the
// official renderings (../shared/corpus/model-spec/README.md). The README counts commentary
// twice (each block's `div.admonition` and its icon div); the true block counts, verified
// against rendered.html by the importer's corpus test, are half of its figures.
const corpus = path.resolve(projectRoot, '../shared/corpus/model-spec');
const releases = [
  { name: '2025-02-12', examples: 154, good: 168, bad: 162, ok: 7, badges: 51, commentary: 20 },
  { name: '2025-04-11', examples: 154, good: 168, bad: 162, ok: 7, badges: 51, commentary: 20 },
  { name: '2025-09-12', examples: 173, good: 186, bad: 186, ok: 7, badges: 57, commentary: 27 },
];

function htmlPages(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 's' || name === 'pagefind' || name === '_astro' ? [] : htmlPages(full);
    return name.endsWith('.html') && !['404.html'].includes(name) ? [full] : [];
  });
}

const count = (html: string, pattern: RegExp) => html.match(pattern)?.length ?? 0;

describe.skipIf(!existsSync(corpus))('importing and building the real Model Spec releases', () => {
  for (const release of releases) {
    test(`${release.name}: the built site has the official numbers, and every source id is an anchor`, { timeout: 240_000 }, () => {
      const work = mkdtempSync(path.join(tmpdir(), `ms-corpus-${release.name}-`));
      const content = path.join(work, 'content');
      const source = path.join(corpus, release.name, 'model_spec.md');
      const imported = spawnSync(process.execPath, [path.join(projectRoot, 'scripts/import-model-spec.ts'), source, '--out', content], { encoding: 'utf8' });
      expect(imported.status, imported.stderr).toBe(0);

      const built = buildSite({ contentDir: content, outDir: path.join(work, 'dist') });
      expect(built.status, built.output.slice(-3000)).toBe(0);

      // Chapter pages only: /all/ repeats them and /s/ holds redirects.
      const chapters = htmlPages(built.outDir).filter((file) => !/[\\/](all|levels|search)[\\/]index\.html$/.test(file) && path.dirname(file) !== built.outDir);
      const html = chapters.map((file) => readFileSync(file, 'utf8')).join('\n');
      const spec = JSON.parse(readFileSync(path.join(built.outDir, 'spec.json'), 'utf8'));
      const conversations = Object.values<any>(spec.examples).filter((example) => example.kind === 'example' || !example.attributes.group);

      const found = {
        examples: conversations.length,
        good: count(html, /class="ms-turn ms-turn--assistant ms-response ms-response--compliant"/g),
        bad: count(html, /class="ms-turn ms-turn--assistant ms-response ms-response--violating"/g),
        ok: count(html, /class="ms-turn ms-turn--assistant ms-response ms-response--ok"/g),
        badges: count(html, /<div class="ms-section-meta"[^>]*><span class="ms-badge /g),
        commentary: count(html, /<aside class="ms-commentary"/g),
      };
      const expected = {
        examples: release.examples,
        good: release.good,
        bad: release.bad,
        ok: release.ok,
        badges: release.badges,
        commentary: release.commentary,
      };
      expect(
        found,
        `differences: ${
          Object.keys(expected)
            .filter((key) => found[key as keyof typeof found] !== expected[key as keyof typeof expected])
            .join(', ') || 'none'
        }`,
      ).toEqual(expected);
      expect(count(html, /<article [^>]*class="ms-example /g)).toBe(Object.keys(spec.examples).length);

      // The eval dataset holds the same graded responses as the pages.
      const records = readFileSync(path.join(built.outDir, 'examples.jsonl'), 'utf8')
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line));
      const grades = { compliant: 0, violating: 0, ok: 0 } as Record<string, number>;
      for (const record of records) for (const response of record.responses) grades[response.grade]!++;
      expect(grades).toEqual({ compliant: release.good, violating: release.bad, ok: release.ok });

      const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]));
      const sourceIds = [...readFileSync(source, 'utf8').matchAll(/\{#([A-Za-z0-9_-]+)/g)].map((match) => match[1]!);
      expect(sourceIds.length).toBeGreaterThan(50);
      expect(
        sourceIds.filter((id) => !ids.has(id)),
        'source ids missing as anchors',
      ).toEqual([]);
    });
  }
});
