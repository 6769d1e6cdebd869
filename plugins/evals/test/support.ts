import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { parseSpecConfig, type SpecConfig } from '../../model/index.ts';
import { loadSpec } from '../../model/index.ts';
import type { Removals } from '../../releases/index.ts';
import { VFile } from 'vfile';
import { RunReport } from '../problems.ts';

export const fixtures = path.join(import.meta.dirname, 'fixtures');
export const fixtureModel = loadSpec(path.join(fixtures, 'spec'));

/** A config with the evals key given (the rest defaults), checked by the real schema. */
export function configWith(evals: Record<string, unknown> = {}): SpecConfig {
  const file = new VFile({ path: 'spec.config.json' });
  const config = parseSpecConfig(JSON.stringify({ evals }), file);
  if (!config) throw new Error(String(file.messages[0]));
  return config;
}

export const removals: Removals = new Map([
  ['gone_example', { id: 'gone_example', see: null, reason: 'No longer a rule.', place: { file: 'removals.json', line: 1, column: 1 } }],
  ['replaced_example', { id: 'replaced_example', see: 'scaling', reason: 'Merged.', place: { file: 'removals.json', line: 2, column: 1 } }],
]);

/** A temporary content folder with an `evals/` folder; removed after the file's tests. */
export function tempContent(): { dir: string; evals: string; put(name: string, from?: string, text?: string | Uint8Array): string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'evals-test-'));
  const evals = path.join(dir, 'evals');
  mkdirSync(evals);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return {
    dir,
    evals,
    put(name, from, text) {
      const target = path.join(evals, name);
      if (from) copyFileSync(path.join(fixtures, from), target);
      else writeFileSync(target, text ?? '');
      return target;
    },
  };
}

export const report = (name = 'run') => new RunReport(name);

/** Every message of a report as `rule: reason`. */
export const messages = (r: RunReport) =>
  r.file.messages.map((message) => `${message.fatal ? 'error' : 'warning'} ${message.ruleId}: ${message.reason}${message.line ? ` @${message.line}` : ''}`);
