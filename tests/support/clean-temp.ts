import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { afterAll } from 'vitest';

/**
 * Every folder a test file makes with `mkdtempSync` under the system's temporary folder is removed
 * after that file's tests (and after its own `afterAll`). One rule for every test, instead of a
 * cleanup each file must remember: a file that forgets leaves nothing behind.
 */
const state = ((globalThis as { __msTempFolders?: { made: string[] } }).__msTempFolders ??= { made: [] });
const wrapped = Symbol.for('ms-site.mkdtempSync');

if (!(wrapped in fs.mkdtempSync)) {
  const original = fs.mkdtempSync;
  const tracked = ((prefix: string, options?: fs.EncodingOption) => {
    const dir = original(prefix, options);
    if (dir.startsWith(tmpdir())) state.made.push(dir);
    return dir;
  }) as typeof fs.mkdtempSync;
  Object.defineProperty(tracked, wrapped, { value: true });
  fs.mkdtempSync = tracked;
  // Named imports (`import { mkdtempSync } from 'node:fs'`) see the tracked function too.
  syncBuiltinESMExports();
}

afterAll(() => {
  for (const dir of state.made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
