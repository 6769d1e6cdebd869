import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { writeAnchorLock } from '../plugins/model/anchor-lock.ts';
import { loadSpec, SpecError } from '../plugins/model/loader.ts';

function spec(chapter: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ms-lock-'));
  writeFileSync(path.join(dir, '01-rules.md'), chapter);
  return dir;
}

const published = '# Rules\n::section{#rules}\n\n## Keep secrets\n::section{#keep_secrets authority=root}\n\nText.\n';

test('a published id that disappears fails the build, naming its line in the lock', () => {
  const dir = spec(published);
  writeAnchorLock(dir, loadSpec(dir).targets);
  writeFileSync(path.join(dir, '01-rules.md'), published.replace('#keep_secrets', '#protect_secrets'));
  let error: unknown;
  try {
    loadSpec(dir);
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(SpecError);
  expect((error as SpecError).message).toMatch(
    /anchors\.lock\.json:3:5: error: Unexpected removal of the published id `keep_secrets`.*oldids="keep_secrets".*\[model-spec-site:removed-anchor\]/,
  );
});

test('an id kept as an alias through oldids passes, and its link lands on the renamed section', () => {
  const dir = spec(published);
  writeAnchorLock(dir, loadSpec(dir).targets);
  writeFileSync(path.join(dir, '01-rules.md'), published.replace('#keep_secrets', '#protect_secrets oldids="keep_secrets"'));
  const loaded = loadSpec(dir);
  expect(loaded.targets.get('keep_secrets')?.href).toBe('/rules/#protect_secrets');
});
