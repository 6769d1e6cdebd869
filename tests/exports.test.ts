import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { projectRoot } from '../scripts/harness/build-site.ts';

const dist = inject('builtSite');
const read = (file: string) => readFileSync(path.join(dist, file), 'utf8');

function validator(schemaFile: string) {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  ajv.addFormat('uri', /^https?:\/\/\S+$/);
  return ajv.compile(JSON.parse(read(`schemas/${schemaFile}`)));
}

describe('spec.json and examples.jsonl of the default site', () => {
  let spec: any;
  let records: any[];
  beforeAll(() => {
    spec = JSON.parse(read('spec.json'));
    records = read('examples.jsonl')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
  });

  test('validate against the published schemas', () => {
    const validSpec = validator('spec.schema.json');
    expect(validSpec(spec), JSON.stringify(validSpec.errors, null, 2)).toBe(true);
    const validRecord = validator('examples.schema.json');
    for (const record of records) expect(validRecord(record), `${record.id}: ${JSON.stringify(validRecord.errors)}`).toBe(true);
  });

  test('the schemas reject a broken record', () => {
    const validRecord = validator('examples.schema.json');
    expect(validRecord({ ...records[0], responses: [{ grade: 'great', rationale: '', content: '' }] })).toBe(false);
  });

  test('every example card on the pages is in the data with the same grades, and nothing else is', () => {
    const cards = new Map<string, string>();
    for (const chapter of spec.chapters) {
      const html = read(`${chapter.slug}/index.html`);
      for (const [tag] of html.matchAll(/<article [^>]*class="ms-example[^>]*>/g)) {
        const id = /\sid="([^"]+)"/.exec(tag)![1]!;
        const grades = /data-grades="([^"]*)"/.exec(tag)?.[1] ?? '';
        cards.set(id, grades.split(' ').filter(Boolean).sort().join(' '));
      }
    }
    expect(cards.size).toBeGreaterThanOrEqual(12);
    expect([...cards.keys()].sort()).toEqual(Object.keys(spec.examples).sort());
    for (const [id, grades] of cards) {
      const fromData = [...new Set(spec.examples[id].turns.filter((turn: any) => turn.kind === 'response').map((turn: any) => turn.grade))];
      expect(fromData.sort().join(' '), id).toBe(grades);
    }
  });

  test('examples.jsonl has one record per graded point, with the conversation before it', () => {
    for (const example of Object.values<any>(spec.examples)) {
      const comparisons = new Set(example.turns.filter((turn: any) => turn.kind === 'response').map((turn: any) => turn.comparison));
      const mine = records.filter((record) => record.example === example.id);
      expect(mine.length, example.id).toBe(Math.max(1, comparisons.size));
      for (const record of mine) {
        const responses = example.turns.filter((turn: any) => turn.kind === 'response' && turn.comparison === record.comparison);
        expect(record.responses.map((response: any) => response.grade)).toEqual(responses.map((turn: any) => turn.grade));
        // The context ends with the message right before the graded point.
        const firstResponse = example.turns.indexOf(responses[0]);
        if (firstResponse > 0) expect(record.messages.at(-1).content).toBe(example.turns[firstResponse - 1].content);
      }
    }
  });

  test('message content is the author’s text verbatim', () => {
    const sources = new Map<string, string>();
    for (const chapter of spec.chapters) sources.set(chapter.file, readFileSync(path.join(projectRoot, 'content', chapter.file), 'utf8'));
    let checked = 0;
    for (const example of Object.values<any>(spec.examples)) {
      for (const turn of example.turns) {
        if (turn.content.includes(':::')) continue; // nested :::untrusted blocks are kept with their fences
        expect(sources.get(example.source.file), `${example.id}: ${turn.content.slice(0, 60)}`).toContain(turn.content);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(40);
    const all = JSON.stringify(spec);
    expect(all).toContain('<script>alert(1)</script>');
    expect(all).not.toContain('&lt;script');
  });
});

test('`npm run export` writes the same data without building the site', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'ms-export-'));
  const result = spawnSync(process.execPath, [path.join(projectRoot, 'scripts/export-data.ts'), '--out', out], { cwd: projectRoot, encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  expect(readdirSync(out).sort()).toEqual(['examples.jsonl', 'spec.json']);
  expect(readFileSync(path.join(out, 'spec.json'), 'utf8')).toBe(read('spec.json'));
  expect(readFileSync(path.join(out, 'examples.jsonl'), 'utf8')).toBe(read('examples.jsonl'));
});
