import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { projectRoot } from '../scripts/harness/build-site.ts';

const work = mkdtempSync(path.join(tmpdir(), 'ms-dev-'));
const content = path.join(work, 'content');
cpSync(path.join(import.meta.dirname, 'fixtures/mdx-site'), content, { recursive: true });
const port = 4600 + Math.floor(Math.random() * 300);
let server: ChildProcess | undefined;

afterAll(() => {
  // The dev server runs in its own process group; end all of it.
  if (server?.pid) process.kill(-server.pid, 'SIGTERM');
});

/** The environment a user's shell would give `astro dev`: without vitest's `NODE_ENV=test` and flags. */
function userEnvironment(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('VITEST') || key === 'NODE_ENV' || key === 'TEST') delete env[key];
  return env;
}

async function page(pathname: string): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${port}${pathname}`);
  return response.text();
}

test('`astro dev` shows a section renamed in one file in the cross-references of another', { timeout: 120_000 }, async () => {
  server = spawn(process.execPath, [path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: projectRoot,
    detached: true,
    stdio: 'ignore',
    env: { ...userEnvironment(), ASTRO_TELEMETRY_DISABLED: '1', SPEC_CONTENT_DIR: content, SPEC_CACHE_DIR: path.join(work, '.astro-cache') },
  });
  const xref = /data-target="mdx_rule">([^<]*)</;
  await expect.poll(async () => xref.exec(await page('/plain/').catch(() => ''))?.[1], { timeout: 60_000, interval: 500 }).toBe('A rule in MDX');

  const file = path.join(content, '02-components.mdx');
  writeFileSync(file, readFileSync(file, 'utf8').replace('## A rule in MDX', '## A renamed rule'));
  await expect.poll(async () => xref.exec(await page('/plain/'))?.[1], { timeout: 30_000, interval: 500 }).toBe('A renamed rule');
});
