// evals.json as published: valid against its schema in every edition, runs against older
// releases shown on that release's pages, and the changes page noting results on changed examples.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, inject, test } from 'vitest';
import schema from '../public/schemas/evals.schema.json' with { type: 'json' };
import ownSchema from '../public/schemas/spec-eval-results.schema.json' with { type: 'json' };

const dist = inject('builtSite');
const read = (file: string) => JSON.parse(readFileSync(path.join(dist, file), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

describe('evals.json', () => {
  test.each(['evals.json', '2026-11-23/evals.json', '2026-07-15/evals.json', '2026-03-02/evals.json', 'draft/evals.json'])('%s matches its schema', (file) => {
    const data = read(file);
    expect(validate(data), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(data.coverage.length).toBeGreaterThan(0);
  });

  test('each run shows on the release it ran against; the older run is compared with the newer one', () => {
    const latest = read('evals.json');
    const older = read('2026-07-15/evals.json');
    expect(latest.runs.map((run: { release: string }) => run.release)).toEqual(latest.runs.map(() => '2026-11-23'));
    expect(older.runs.map((run: { model: string; release: string }) => [run.model, run.release])).toEqual([['fictional/nova-1', '2026-07-15']]);
    expect(read('2026-03-02/evals.json').runs).toEqual([]);
    const across = latest.comparisons.find(
      (comparison: { from: { release: string }; to: { release: string } }) =>
        comparison.from.release === '2026-07-15' && comparison.to.release === '2026-11-23',
    );
    expect(across.model).toBe('fictional/nova-1');
    expect(across.regressions.length).toBeGreaterThan(0);
    // Regressions first, worst first.
    const deltas = across.regressions.map((change: { delta: number }) => change.delta);
    expect(deltas).toEqual([...deltas].sort((a, b) => a - b));
    expect(deltas.every((delta: number) => delta < 0)).toBe(true);
    // The older release's pages carry its own run's bars.
    const html = readFileSync(path.join(dist, '2026-07-15', 'chain-of-command', 'index.html'), 'utf8');
    expect(html).toContain('fictional/nova-1');
    expect(html).not.toContain('fictional/quill-2');
    expect(existsSync(path.join(dist, '2026-07-15', 'evals', older.runs[0].id, 'index.html'))).toBe(true);
  });

  test('the changes page of a release notes eval results on its changed and added examples', () => {
    const html = readFileSync(path.join(dist, '2026-11-23', 'changes', 'index.html'), 'utf8');
    const notes = html.match(/<p class="changes__evals">[\s\S]*?<\/p>/g) ?? [];
    expect(notes.length).toBeGreaterThan(0);
    expect(notes[0]).toMatch(/fictional\/(nova-1|quill-2)<\/a> \d+% \(n=\d+\)/);
  });

  test('the own format schema accepts the documented example files', () => {
    const validateOwn = new Ajv2020({ allErrors: true, strict: false }).compile(ownSchema);
    const json = JSON.parse(readFileSync(path.join(import.meta.dirname, '..', 'plugins', 'evals', 'test', 'fixtures', 'own-results.json'), 'utf8'));
    expect(validateOwn(json), JSON.stringify(validateOwn.errors)).toBe(true);
    expect(validateOwn({ format: 'spec-eval-results/1', run: { model: 'm' }, results: [{ example: 'x', verdict: 'great' }] })).toBe(false);
  });
});
