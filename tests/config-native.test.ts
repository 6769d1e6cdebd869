// vitest-project: unit (one short child process)
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

// Astro imports astro.config.mjs with Node first and, if that throws, silently again through a
// Vite dev server, which took a cold build about 1 s longer (and made dynamic imports in the
// integration's hooks fail). Anything Node's type stripping cannot run (a parameter property, an
// enum) anywhere the config imports would bring that back without an error: this keeps it loud.
test('astro.config.mjs and everything it imports load with Node alone', () => {
  const script = `const config = (await import(${JSON.stringify(pathToFileURL(path.join(root, 'astro.config.mjs')).href)})).default;
console.log(JSON.stringify(config.integrations.map((integration) => integration.name)));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  expect(JSON.parse(run.stdout)).toContain('model-spec-site');
});
