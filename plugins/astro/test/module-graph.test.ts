// vitest-project: unit (one short child process)
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');

// The files worker starts with every build and loads what it imports in its own thread. Through
// the model's front door that was the whole Markdown pipeline: half a second and about 50 MB of
// a cold build, for a thread that only draws images and writes files.
test("the files worker's imports leave the model and the site out", () => {
  const worker = pathToFileURL(path.join(root, 'plugins/astro/files-worker.ts')).href;
  const script = `import { registerHooks } from 'node:module';
const loaded = [];
registerHooks({ resolve(specifier, context, next) { const result = next(specifier, context); loaded.push(result.url); return result; } });
const { Worker } = await import('node:worker_threads');
// The worker's own imports, resolved in the worker: hooks registered here do not reach it, so it registers its own.
const hooked = ${JSON.stringify(`import { registerHooks } from 'node:module'; import { parentPort } from 'node:worker_threads';
registerHooks({ resolve(specifier, context, next) { const result = next(specifier, context); parentPort.postMessage({ url: result.url }); return result; } });
await import(${JSON.stringify(worker)}); parentPort.postMessage({ done: true });`)};
const thread = new Worker(hooked, { eval: true });
await new Promise((resolve, reject) => {
  thread.on('message', (message) => (message.done ? resolve() : loaded.push(message.url)));
  thread.on('error', reject);
});
await thread.terminate();
console.log(JSON.stringify(loaded.filter((url) => url.startsWith('file:') && !url.includes('/node_modules/'))));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
  expect(run.stderr).toBe('');
  const ours = (JSON.parse(run.stdout) as string[]).map((url) => path.relative(root, new URL(url).pathname));
  expect(ours).toContain('plugins/astro/social-images.ts');
  expect(ours.filter((file) => !file.startsWith('plugins/astro/'))).toEqual([]);
});

// The build's own thread never draws a social image; satori, resvg and the fonts are the worker's.
test("the config's imports leave the drawing code out", () => {
  const config = pathToFileURL(path.join(root, 'astro.config.mjs')).href;
  const script = `import { registerHooks } from 'node:module';
const loaded = [];
registerHooks({ resolve(specifier, context, next) { const result = next(specifier, context); loaded.push(result.url); return result; } });
await import(${JSON.stringify(config)});
console.log(JSON.stringify(loaded));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
  expect(run.stderr).toBe('');
  const loaded = JSON.parse(run.stdout) as string[];
  expect(loaded.some((url) => url.endsWith('/plugins/astro/integration.ts'))).toBe(true);
  expect(loaded.filter((url) => /\/(satori|@resvg)\/|\/social-images\.ts$/.test(url))).toEqual([]);
});
