import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Which vitest project a test file runs in, decided from what the file does, so a new file lands
 * in the right one without being listed anywhere (see tests/README.md):
 *
 * - `browser`: drives Chromium (`siteInBrowser`, `launchChromium`) or sits in `tests/browser/`;
 * - `build`: reads the demo built by the global setup (`inject(`), builds a site (`buildSite`), or
 *   runs a command (`spawn`, `spawnSync`, `execFile`);
 * - `stress`: pathological inputs and the real Model Spec corpus (`findCorpus`, `fast-check`,
 *   complexity measures, `tests/hostile/`, a file name with `corpus`);
 * - `unit`: everything else: no global setup, files in parallel, seconds in all.
 *
 * A file can also say it outright with a `// vitest-project: <name>` line; a misspelt name fails.
 */
export const projectNames = ['unit', 'build', 'browser', 'stress'] as const;
export type ProjectName = (typeof projectNames)[number];

const markers: Array<[ProjectName, RegExp]> = [
  ['browser', /\bsiteInBrowser\b|\blaunchChromium\b|\bchromium\b/],
  ['build', /\binject\(|\bbuildSite\b|\bspawnSync\b|\bspawn\(|\bexecFile(Sync)?\b|\bexecSync\b/],
  ['stress', /\bfindCorpus\b|\bfast-check\b|\bmaxRatio\b|\bgrowth\(/],
];

export function projectOf(file: string, text: string): ProjectName {
  const declared = /^\/\/ vitest-project: *(\S+)/m.exec(text)?.[1];
  if (declared !== undefined) {
    if (!(projectNames as readonly string[]).includes(declared)) {
      throw new Error(`${file}: unknown \`// vitest-project: ${declared}\`, expected one of ${projectNames.join(', ')}`);
    }
    return declared as ProjectName;
  }
  if (file.startsWith('tests/browser/')) return 'browser';
  for (const [name, pattern] of markers) if (pattern.test(text)) return name;
  if (file.startsWith('tests/hostile/') || /corpus/.test(path.basename(file))) return 'stress';
  return 'unit';
}

function* testFiles(root: string, dir: string): Generator<string> {
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'fixtures' || entry.name.startsWith('.')) continue;
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) yield* testFiles(root, relative);
    else if (entry.name.endsWith('.test.ts')) yield relative;
  }
}

/** Every test file of the project (`tests/` and `plugins/<folder>/test/`), by project. */
export function classifyTests(root: string): Record<ProjectName, string[]> {
  const projects = Object.fromEntries(projectNames.map((name) => [name, [] as string[]])) as Record<ProjectName, string[]>;
  const files = [...testFiles(root, 'tests'), ...readdirSync(path.join(root, 'plugins')).flatMap((folder) => [...testFiles(root, `plugins/${folder}`)])];
  for (const file of files) projects[projectOf(file, readFileSync(path.join(root, file), 'utf8'))].push(file);
  return projects;
}
