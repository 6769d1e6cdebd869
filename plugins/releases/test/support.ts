import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
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
