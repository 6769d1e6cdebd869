// vitest-project: unit (one short child process)
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
/** Registers a resolve hook that hands each resolved URL to `report` (a script line). */
const recordImports = (report: string) =>
  `import { registerHooks } from 'node:module'; registerHooks({ resolve(specifier, context, next) { const result = next(specifier, context); ${report}; return result; } });`;

/** Runs `script` in a fresh Node and returns what it printed as JSON. */
function run(script: string): unknown {
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
  expect(child.stderr).toBe('');
  return JSON.parse(child.stdout);
}

// The files worker starts with every build and loads what it imports in its own thread. Through
// the model's front door that was the whole Markdown pipeline: half a second and about 50 MB of
// a cold build, for a thread that only draws images and writes files.
test("the files worker's imports leave the model and the site out", () => {
  const worker = pathToFileURL(path.join(root, 'plugins/astro/files-worker.ts')).href;
  const script = `const loaded = [];
${recordImports('loaded.push(result.url)')}
const { Worker } = await import('node:worker_threads');
// The worker's own imports, resolved in the worker: hooks registered here do not reach it, so it registers its own.
const hooked = ${JSON.stringify(`import { parentPort } from 'node:worker_threads'; ${recordImports('parentPort.postMessage({ url: result.url })')}
await import(${JSON.stringify(worker)}); parentPort.postMessage({ done: true });`)};
const thread = new Worker(hooked, { eval: true });
await new Promise((resolve, reject) => {
  thread.on('message', (message) => (message.done ? resolve() : loaded.push(message.url)));
  thread.on('error', reject);
});
await thread.terminate();
console.log(JSON.stringify(loaded.filter((url) => url.startsWith('file:') && !url.includes('/node_modules/'))));`;
  const ours = (run(script) as string[]).map((url) => path.relative(root, new URL(url).pathname));
  expect(ours).toContain('plugins/astro/social-images.ts');
  expect(ours.filter((file) => !file.startsWith('plugins/astro/'))).toEqual([]);
});

// The build's own thread never draws a social image; satori, resvg and the fonts are the worker's.
test("the config's imports leave the drawing code out", () => {
  const config = pathToFileURL(path.join(root, 'astro.config.mjs')).href;
  const script = `const loaded = [];
${recordImports('loaded.push(result.url)')}
await import(${JSON.stringify(config)});
console.log(JSON.stringify(loaded));`;
  const loaded = run(script) as string[];
  expect(loaded.some((url) => url.endsWith('/plugins/astro/integration.ts'))).toBe(true);
  expect(loaded.filter((url) => /\/(satori|@resvg)\/|\/social-images\.ts$/.test(url))).toEqual([]);
});
