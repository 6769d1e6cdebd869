// vitest-project: unit (it names the markers of the other projects in its strings)
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkRooms } from '../../scripts/lint/rooms.ts';
import { projectOf } from '../support/projects.ts';

/** A small project tree: `files` maps project-relative paths to their text. */
function project(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'ms-rooms-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

describe('rooms lint', () => {
  test('passes imports through front doors and down the layers', () => {
    const root = project({
      'plugins/model/index.ts': "export * from './loader.ts';\n",
      'plugins/model/loader.ts': "import { x } from '../remark-spec/index.ts';\n",
      'plugins/remark-spec/index.ts': 'export const x = 1;\n',
      'src/page.ts': "import { x } from '../plugins/model/index.ts';\n",
    });
    expect(checkRooms(root, ['plugins/model/index.ts', 'plugins/model/loader.ts', 'src/page.ts'])).toEqual([]);
  });

  test('reports an import past a front door, an arrow back up and a cast to never, with file:line:col', () => {
    const root = project({
      // (`as` and `never` apart, so this file does not trip the rule it tests)
      'plugins/model/loader.ts': `\nimport { y } from '../releases/diff.ts';\nconst z = y as ${'never'};\n`,
      'src/page.ts': "import { x } from '../plugins/model/loader.ts';\n",
    });
    const found = checkRooms(root, ['plugins/model/loader.ts', 'src/page.ts']).map((v) => `${v.file}:${v.line}:${v.column} ${v.rule}`);
    expect(found).toEqual([
      'plugins/model/loader.ts:2:20 front-door',
      'plugins/model/loader.ts:2:20 layer',
      'plugins/model/loader.ts:3:13 as-never',
      'src/page.ts:1:20 front-door',
    ]);
  });

  test('a folder of plugins/ without a place in the layers fails', () => {
    const root = project({ 'plugins/newroom/index.ts': 'export {};\n' });
    expect(checkRooms(root, ['plugins/newroom/index.ts']).map((v) => v.rule)).toEqual(['layer']);
  });

  test('the project itself passes', () => {
    expect(checkRooms()).toEqual([]);
  });
});

describe('test projects', () => {
  test('a file that reads the built demo or drives Chromium lands in a project with the global setup', () => {
    expect(projectOf('tests/new.test.ts', "const dist = inject('builtSite');")).toBe('build');
    expect(projectOf('plugins/model/test/x.test.ts', 'const site = siteInBrowser(dist);')).toBe('browser');
    expect(projectOf('tests/browser/plain.test.ts', '')).toBe('browser');
    expect(projectOf('tests/x.test.ts', 'spawnSync(process.execPath, [cli])')).toBe('build');
  });

  test('corpus, property and hostile tests are stress; the rest is unit', () => {
    expect(projectOf('plugins/x/test/corpus.test.ts', '')).toBe('stress');
    expect(projectOf('tests/hostile/new.test.ts', '')).toBe('stress');
    expect(projectOf('tests/x.test.ts', "import fc from 'fast-check';")).toBe('stress');
    expect(projectOf('tests/model/x.test.ts', "import { loadSpecConfig } from '../../plugins/model/index.ts';")).toBe('unit');
  });

  test('a declared project wins, and a misspelt one fails', () => {
    expect(projectOf('tests/x.test.ts', "// vitest-project: browser\ninject('builtSite')")).toBe('browser');
    expect(() => projectOf('tests/x.test.ts', '// vitest-project: unti')).toThrow(/unknown `\/\/ vitest-project: unti`/);
  });
});
