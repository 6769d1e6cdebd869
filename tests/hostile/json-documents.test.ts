// Hostile JSON documents (config, release manifests, removals, import maps): all read by
// `readJsonDocument`, so each mistake is one positioned message, never a raw JSON error.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { VFile } from 'vfile';
import { afterAll, describe, expect, it } from 'vitest';
import { readMapping } from '../../plugins/import-model-spec/index.ts';
import { readSpecConfig } from '../../plugins/model/index.ts';
import { parseJsonDocument } from '../../plugins/model/index.ts';
import { parseManifest } from '../../plugins/releases/index.ts';
import { checkRemovals } from '../../plugins/releases/index.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'json-doc-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}
const printed = (file: VFile) => file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.reason}`);

describe('repeated keys are errors with their line', () => {
  it('in spec.config.json: a later key cannot lift an earlier policy', () => {
    const { config, file } = readSpecConfig(
      folder({ 'spec.config.json': '{\n  "title": "T",\n  "mdx": "refuse",\n  "typography": "none",\n  "mdx": "allow"\n}\n' }),
    );
    expect(config).toBeNull();
    expect(printed(file)).toEqual([expect.stringMatching(/^5:3 duplicate-json-key Unexpected second key `mdx` \(first on line 3\)/)]);
    expect(file.messages[0]!.fatal).toBe(true);
  });

  it('nested, in release.json and removals.json', () => {
    const manifest = new VFile({
      path: 'release.json',
      value: '{"version":"1.0.0","date":"2025-01-01","files":{"a.md":"' + 'a'.repeat(64) + '",\n"a.md":"' + 'b'.repeat(64) + '"}}',
    });
    expect(parseManifest(manifest, '1.0.0').manifest).toBeUndefined();
    expect(printed(manifest)).toEqual([expect.stringMatching(/^2:1 duplicate-json-key Unexpected second key `a.md` \(first on line 1\)/)]);
    const { problem } = checkRemovals(folder({ 'removals.json': '{ "x": { "see": null, "reason": "r" },\n  "x": { "see": "y", "reason": "s" } }' }));
    expect(printed(problem!)).toEqual([expect.stringMatching(/^2:3 duplicate-json-key Unexpected second key `x`/)]);
  });

  it('in an import map', () => {
    const { problems } = readMapping('{\n "old": "new",\n "old": { "removed": "gone", "see": null }\n}', 'map.json');
    expect(problems).toEqual([expect.stringMatching(/^map\.json:3:2: Unexpected second key `old` \(first on line 2\)/)]);
  });
});

describe('odd names get one positioned message each', () => {
  it('a BOM in removals.json is read, with columns as the author sees them', () => {
    const { removals, problem } = checkRemovals(folder({ 'removals.json': '\uFEFF{ "gone": { "see": null, "reason": "merged" } }' }));
    expect(problem).toBeUndefined();
    expect(removals.get('gone')?.place).toMatchObject({ line: 1, column: 3 });
  });

  it('a 300-character removal id, a reserved name, a bad `see`', () => {
    const long = 'r'.repeat(300);
    const { problem } = checkRemovals(
      folder({
        'removals.json': JSON.stringify(
          { [long]: { see: null, reason: 'x' }, constructor: { see: null, reason: 'x' }, content: { see: 'no spaces', reason: 'x' } },
          null,
          1,
        ),
      }),
    );
    expect(printed(problem!)).toEqual([
      expect.stringMatching(/^2:2 removals Unexpected removed id `r{40}…` of 300 characters, expected at most 100/),
      expect.stringMatching(/^6:2 removals Unexpected removed id `constructor`, expected a name the site does not use itself/),
      expect.stringMatching(/^10:2 removals Unexpected removed id `content`, expected a name the site does not use itself/),
      expect.stringMatching(/^11:3 removals Unexpected `see` id `no spaces`, expected letters/),
    ]);
  });

  it('a 215-character version in release.json', () => {
    const version = '1.0.0-' + 'a'.repeat(209);
    const file = new VFile({
      path: 'release.json',
      value: JSON.stringify({ version, date: '2025-01-01', files: { 'a.md': 'a'.repeat(64) }, previous: null, checksum: 'a'.repeat(64) }),
    });
    expect(parseManifest(file, version).manifest).toBeUndefined();
    expect(printed(file)).toEqual([
      expect.stringMatching(/^1:2 release-manifest Unexpected version `1\.0\.0-a+… \(215 characters\)`, expected .* at most 64 characters/),
    ]);
  });

  it('an import-map key that breaks the id rule', () => {
    const { problems } = readMapping(JSON.stringify({ ['k'.repeat(120)]: 'x', 'a b': 'x', ok: 'prototype' }, null, 1), 'map.json');
    expect(problems).toEqual([
      expect.stringMatching(/^map\.json:2:2: Unexpected old id `k{40}…` of 120 characters/),
      expect.stringMatching(/^map\.json:3:2: Unexpected old id `a b`, expected letters/),
      expect.stringMatching(/^map\.json:4:2: Unexpected target id `prototype`, expected a name the site does not use itself/),
    ]);
  });
});

describe('the JSON position finder is linear', () => {
  const validate = new Ajv2020({ allErrors: true }).compile({ type: 'object', additionalProperties: { type: 'object', required: ['see'] } });
  const run = (n: number) => {
    const value = Object.fromEntries(Array.from({ length: n }, (_, index) => [`id_${index}`, { reason: 'no see' }]));
    const text = JSON.stringify(value, null, 2);
    const started = performance.now();
    const document = parseJsonDocument(new VFile({ path: 'x.json', value: text }), { source: 't', ruleId: 't', expected: 'x', validate });
    // Every entry is wrong: one message, at its own place, per entry.
    expect(document.file.messages).toHaveLength(n);
    expect(document.file.messages.at(-1)!.line).toBe(n * 3 - 1);
    for (let index = 0; index < n; index++) document.place([`id_${index}`], true);
    return performance.now() - started;
  };
  it('4× the entries cost well under 16× the time (n = 5,000 vs 20,000)', () => {
    run(2_000);
    const small = Math.min(run(5_000), run(5_000));
    const large = Math.min(run(20_000), run(20_000));
    expect(large / small).toBeLessThan(8);
  });
});
