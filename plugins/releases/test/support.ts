import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { freezeRelease } from '../freeze.ts';
import { loadVersion, type VersionedSpec } from '../load.ts';

export const fixtures = path.join(import.meta.dirname, 'fixtures');

/** A fixture spec (v1, v2, v3) loaded through the release adapter. */
export function fixture(name: string, version = name): VersionedSpec {
  return loadVersion(path.join(fixtures, name), version);
}

/** A fresh temporary folder, removed after the file's tests. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `releases-${prefix}-`));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A content folder whose draft is a copy of a fixture. */
export function draftFrom(name: string, prefix = name): string {
  const content = path.join(tempDir(prefix), 'content');
  cpSync(path.join(fixtures, name), content, { recursive: true });
  return content;
}

/** Replaces the draft's chapters and config by a fixture's. */
export function replaceDraft(content: string, name: string): void {
  for (const entry of readdirSync(content)) if (/\.mdx?$/.test(entry)) rmSync(path.join(content, entry));
  for (const entry of readdirSync(path.join(fixtures, name))) cpSync(path.join(fixtures, name, entry), path.join(content, entry));
}

/** The removals v2 needs: v1's `going_away` and `ex_doomed` have no successor. */
export const v2Removals = {
  going_away: { see: 'parent_b', reason: 'Folded into Parent B.' },
  ex_doomed: { see: null, reason: 'No longer relevant.' },
};

/**
 * A content folder with v1 released as 2025-01-01, v2 as 2025-02-01, and v3 as the draft, with
 * no removals.json: the ids v2 dropped no longer resolve until a test declares them.
 */
export function threeVersions(prefix: string): string {
  const content = draftFrom('v1', prefix);
  freezeRelease(content, '2025-01-01');
  replaceDraft(content, 'v2');
  writeFileSync(path.join(content, 'removals.json'), JSON.stringify(v2Removals, null, 2));
  freezeRelease(content, '2025-02-01');
  rmSync(path.join(content, 'removals.json'));
  replaceDraft(content, 'v3');
  return content;
}
