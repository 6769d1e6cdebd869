// What `npm run export` and `npm run evals:export` read: the edition chosen by version, the latest
// release or the draft, a release read under the draft's settings, as the build publishes it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ConfigError, SpecError } from '../../model/index.ts';
import { freezeRelease } from '../freeze.ts';
import { loadEdition } from '../load.ts';

const work = mkdtempSync(path.join(tmpdir(), 'load-edition-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function contentWithRelease(): string {
  const content = path.join(work, `content-${Math.random().toString(36).slice(2)}`);
  mkdirSync(content);
  writeFileSync(path.join(content, 'spec.config.json'), JSON.stringify({ site: 'https://old.example.org', mdx: 'allow' }));
  writeFileSync(path.join(content, '01-rules.mdx'), '# Rules\n::section{#rules}\n\nBe kind.\n');
  freezeRelease(content, '2025-01-01', { log: () => {} });
  return content;
}

it('a release is read under the draft\'s site and mdx policy: its own config cannot lift "refuse"', () => {
  const content = contentWithRelease();
  writeFileSync(path.join(content, 'spec.config.json'), JSON.stringify({ site: 'https://new.example.org', mdx: 'allow' }));
  const { spec, name } = loadEdition(content);
  expect(name).toBe('2025-01-01');
  expect(spec.config.site).toBe('https://new.example.org');
  // The maintainers now refuse .mdx: the frozen release, which allowed it, is refused too.
  writeFileSync(path.join(content, 'spec.config.json'), JSON.stringify({ site: 'https://new.example.org', mdx: 'refuse' }));
  expect(() => loadEdition(content)).toThrow(SpecError);
  expect(() => loadEdition(content)).toThrow(/mdx-refused/);
});

it('chooses by version, the draft on request, and names the versions there are for an unknown one', () => {
  const content = contentWithRelease();
  expect(loadEdition(content, { release: '2025-01-01' }).name).toBe('2025-01-01');
  expect(loadEdition(content, { draft: true }).name).toBe('draft');
  expect(() => loadEdition(content, { release: '2024-12-31' })).toThrow(ConfigError);
  expect(() => loadEdition(content, { release: '2024-12-31' })).toThrow(/expected one of 2025-01-01/);
});
