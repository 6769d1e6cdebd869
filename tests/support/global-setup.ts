import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite } from '../../scripts/harness/build-site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The default content built once for this run: tests read and serve it. */
    builtSite: string;
  }
}

/** Builds the default spec once per run, so every site test checks the code as it is now. */
export default function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), 'ms-site-'));
  const outDir = path.join(dir, 'dist');
  const result = buildSite({ outDir });
  if (result.status !== 0) throw new Error(`The default site did not build:\n${result.output.slice(-4000)}`);
  project.provide('builtSite', outDir);
  return () => rmSync(dir, { recursive: true, force: true });
}
