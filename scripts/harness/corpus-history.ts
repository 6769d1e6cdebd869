import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from './build-site.ts';

/**
 * The upstream releases of a corpus folder imported oldest first into `content` as releases of one
 * spec, the way a fork records upstream's history. Ids upstream dropped without an alias take the
 * importer's proposed mapping (a removal it could not place gets a generic reason). Returns the
 * versions imported and what the importer printed.
 */
export function importCorpusHistory(corpus: string, content: string, options: { site?: string } = {}): { versions: string[]; output: string } {
  const script = path.join(projectRoot, 'scripts/import-model-spec.ts');
  const work = path.dirname(path.resolve(content));
  mkdirSync(content, { recursive: true });
  const versions = readdirSync(corpus)
    .filter((name) => /^\d{4}-\d{2}-\d{2}$/.test(name))
    .sort();
  let output = '';
  for (const version of versions) {
    const run = (extra: string[]) =>
      spawnSync(
        process.execPath,
        [
          script,
          path.join(corpus, version, 'model_spec.md'),
          '--out',
          content,
          '--force',
          '--release',
          version,
          ...(options.site ? ['--site', options.site] : []),
          ...extra,
        ],
        {
          cwd: work,
          encoding: 'utf8',
        },
      );
    let result = run([]);
    const template = path.join(work, `import-map-${version}.json`);
    if (result.status !== 0 && existsSync(template)) {
      const mapping = JSON.parse(readFileSync(template, 'utf8')) as Record<string, string | { removed: string; see: string | null }>;
      for (const [id, entry] of Object.entries(mapping))
        if (typeof entry !== 'string' && !entry.removed) mapping[id] = { ...entry, removed: 'Dropped upstream.' };
      writeFileSync(template, JSON.stringify(mapping, null, 2));
      result = run(['--map', template]);
    }
    if (result.status !== 0) throw new Error(`importing ${version} failed:\n${result.stdout}\n${result.stderr}`);
    output += `${result.stdout}${result.stderr}`;
  }
  return { versions, output };
}
