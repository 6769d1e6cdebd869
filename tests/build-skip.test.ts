// vitest-project: build
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { npmBuild } from './support/npm-build.ts';

const skipped = /not rebuilt/;

test('`npm run build` skips a build only when no input changed and the built folder is as it was left', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ms-build-skip-'));
  const content = path.join(dir, 'content');
  const outDir = path.join(dir, 'dist');
  cpSync(path.join(import.meta.dirname, 'fixtures/mdx-site'), content, { recursive: true });
  const chapter = path.join(content, '01-plain.md');
  const page = path.join(outDir, 'plain/index.html');
  const build = npmBuild({ content, outDir, cacheDir: path.join(dir, 'cache') });

  const first = build();
  expect(first.status, first.output.slice(-2000)).toBe(0);
  expect(first.output).not.toMatch(skipped);
  const second = build();
  expect(second.status).toBe(0);
  expect(second.output).toMatch(skipped);

  // One word in one chapter is a change.
  writeFileSync(chapter, readFileSync(chapter, 'utf8').replace('Hello', 'Hello again,'));
  const edited = build();
  expect(edited.output).not.toMatch(skipped);
  expect(readFileSync(page, 'utf8')).toContain('Hello again,');

  // A built file deleted or rewritten by hand is a change too: the build restores it.
  rmSync(page);
  const restored = build();
  expect(restored.output).not.toMatch(skipped);
  expect(existsSync(page)).toBe(true);

  // A build that failed before writing anything leaves the folder as the last good build left it,
  // and says so: after the fix, the inputs are that build's again, and nothing is rebuilt.
  const config = path.join(content, 'spec.config.json');
  const good = readFileSync(config, 'utf8');
  writeFileSync(config, `${good} }`);
  const broken = build();
  expect(broken.status).not.toBe(0);
  // The author sees where: file:line:col, not a stack trace into Astro.
  expect(broken.output).toMatch(/spec\.config\.json:\d+:\d+/);
  writeFileSync(config, good);
  const fixed = build();
  expect(fixed.status, fixed.output.slice(-2000)).toBe(0);
  expect(fixed.output).toMatch(skipped);
  expect(readFileSync(page, 'utf8')).toContain('Hello again,');
  // One that failed with the folder changed (here by hand, as a build that failed halfway would)
  // leaves no stamp: the next build builds, even with the folder put back.
  writeFileSync(config, `${good} }`);
  writeFileSync(path.join(outDir, 'stray.txt'), 'changed while the build failed');
  expect(build().status).not.toBe(0);
  rmSync(path.join(outDir, 'stray.txt'));
  writeFileSync(config, good);
  const rebuilt = build();
  expect(rebuilt.status, rebuilt.output.slice(-2000)).toBe(0);
  expect(rebuilt.output).not.toMatch(skipped);
  expect(build('--force').output).not.toMatch(skipped);
  // An option the wrapper does not take is refused by name, with the ones it takes.
  const unknown = build('--sitee', 'https://example.org');
  expect(unknown.status).toBe(2);
  expect(unknown.output).toMatch(/--sitee[\s\S]*--outDir, --site, --base/);

  rmSync(dir, { recursive: true, force: true });
});
