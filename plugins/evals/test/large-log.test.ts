// vitest-project: stress
// A 100 MB Inspect log (a long eval with model events) loads without holding the file in memory.
import { spawnSync } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseInspectJson } from '../adapters/nonfinite-json.ts';
import { fixtures, tempContent } from './support.ts';

const evalsDir = path.join(import.meta.dirname, '..');
const heapCapMiB = 64;
const release = '2026-11-23';
const dump = parseInspectJson(readFileSync(path.join(fixtures, 'inspect-log-dump.json'), 'utf8')) as { eval: Record<string, unknown> };

describe('a large log', () => {
  test('a 100 MB Inspect log loads in a Node whose heap is capped at 64 MiB (it streams)', async () => {
    const content = tempContent();
    const file = path.join(content.evals, 'big.json');
    const out = createWriteStream(file);
    const events = JSON.stringify(Array.from({ length: 40 }, (_, index) => ({ event: 'model', text: 'x'.repeat(1200) + index })));
    out.write(`{"version":2,"status":"success","eval":${JSON.stringify(dump.eval)},"samples":[`);
    let size = 0;
    let count = 0;
    while (size < 100 * 1024 * 1024) {
      const text = `${count ? ',' : ''}{"id":"s${count}","epoch":1,"input":"hi","target":"","messages":[],"output":{"choices":[{"message":{"role":"assistant","content":"ok"}}]},"scores":{"model_graded_qa":{"value":${count % 5 === 0 ? 'NaN' : '"C"'}}},"metadata":{"example_id":"tutor_guides"},"events":${events}}`;
      if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      size += text.length;
      count++;
    }
    await new Promise<void>((resolve) => out.end(']}', () => resolve()));
    // A child Node whose old-generation heap is capped below the file's size: reading the file whole
    // (its 100 MB text, then its objects) cannot fit, so the load only finishes if it streams. A cap
    // is a bound garbage-collection timing cannot blur, unlike sampling heapUsed in this process.
    const script = `
      import { loadEvals } from ${JSON.stringify(path.join(evalsDir, 'load.ts'))};
      import { loadSpec, parseSpecConfig } from ${JSON.stringify(path.join(evalsDir, '../model/index.ts'))};
      import { VFile } from 'vfile';
      const config = parseSpecConfig(JSON.stringify({ evals: {} }), new VFile({ path: 'spec.config.json' }));
      const targets = [{ release: ${JSON.stringify(release)}, model: loadSpec(${JSON.stringify(path.join(fixtures, 'spec'))}) }];
      const { runs } = await loadEvals(${JSON.stringify(content.dir)}, config, targets, new Map());
      const results = runs[0].results;
      console.log(JSON.stringify({ count: results.length, unscored: results.filter((r) => r.verdict === 'unscored').length }));
    `;
    const run = spawnSync(process.execPath, [`--max-old-space-size=${heapCapMiB}`, '--input-type=module', '-e', script], {
      cwd: evalsDir,
      encoding: 'utf8',
    });
    expect(run.stderr).not.toMatch(/heap out of memory/i);
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout.trim().split('\n').at(-1)!)).toEqual({ count, unscored: Math.ceil(count / 5) });
    expect(size).toBeGreaterThan(heapCapMiB * 1024 * 1024);
  }, 120_000);
});
