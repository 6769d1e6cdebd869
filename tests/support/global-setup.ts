import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, projectRoot } from '../../scripts/harness/build-site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The default content built once for this run: tests read and serve it. */
    builtSite: string;
  }
}

/**
 * The demo built once per run, shared by every project that sets this file up (build, browser,
 * stress): the first setup builds it, the last teardown removes it. With `MS_TEST_SITE=dist` the
 * run uses a site `npm run build` just made instead (CI builds once), and leaves it in place.
 */
interface Shared {
  outDir: string;
  remove: (() => void) | null;
  users: number;
}
// Each project loads this file through its own module runner: the one build is kept on the process.
const holder = globalThis as { __msBuiltSite?: Shared };

export default function setup(project: TestProject) {
  const shared = (holder.__msBuiltSite ??= { ...prepare(), users: 0 });
  shared.users++;
  project.provide('builtSite', shared.outDir);
  return () => {
    if (--shared.users > 0) return;
    shared.remove?.();
    holder.__msBuiltSite = undefined;
  };
}

function prepare(): { outDir: string; remove: (() => void) | null } {
  const given = process.env.MS_TEST_SITE;
  if (given) {
    const outDir = path.resolve(projectRoot, given);
    if (!existsSync(path.join(outDir, 'index.html')))
      throw new Error(`MS_TEST_SITE=${given}: no built site there (no index.html), expected the output of \`npm run build\``);
    return { outDir, remove: null };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'ms-site-'));
  const outDir = path.join(dir, 'dist');
  const result = buildSite({ outDir });
  if (result.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`The default site did not build:\n${result.output.slice(-4000)}`);
  }
  return { outDir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
