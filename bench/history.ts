// Release-history benchmark: `npm run bench:history [-- --runs 3 --corpus ../shared/corpus/model-spec]`.
//
// Imports every upstream release in the corpus, oldest first, into one content folder as releases
// of one spec (accepting the importer's proposed mapping for ids upstream dropped without an
// alias), then times, as whole processes: cold builds (fresh cache), warm rebuilds with nothing
// changed, and rebuilds after an edit to the draft (frozen releases come from the cache).
// Prints medians and writes bench/results/history.json.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { median } from './stats.ts';

const projectRoot = path.resolve(import.meta.dirname, '..');
const { values: options } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    corpus: { type: 'string', default: path.resolve(projectRoot, '../shared/corpus/model-spec') },
    out: { type: 'string', default: path.join(projectRoot, 'bench/results') },
  },
});
const runs = Math.max(1, Number(options.runs));
const versions = existsSync(options.corpus)
  ? readdirSync(options.corpus)
      .filter((name) => /^\d{4}-\d{2}-\d{2}$/.test(name))
      .sort()
  : [];
if (versions.length < 2) {
  console.log(`bench:history: no corpus of releases at ${options.corpus}; nothing to measure`);
  process.exit(0);
}

const work = mkdtempSync(path.join(os.tmpdir(), 'ms-history-'));
const content = path.join(work, 'content');
mkdirSync(content);

const npm = (args: string[]) => spawnSync('npm', ['run', '-s', ...args], { cwd: projectRoot, encoding: 'utf8' });
for (const version of versions) {
  const source = path.join(options.corpus, version, 'model_spec.md');
  const base = ['import', '--', source, '--examples', path.join(options.corpus, version, 'examples'), '--out', content, '--force', '--release', version];
  let result = npm(base);
  const template = path.join(work, `import-map-${version}.json`);
  if (result.status !== 0 && existsSync(template)) {
    // Accept the importer's proposals; a removal it could not place gets a generic reason.
    const mapping = JSON.parse(readFileSync(template, 'utf8')) as Record<string, string | { removed: string; see: string | null }>;
    for (const [id, entry] of Object.entries(mapping))
      if (typeof entry !== 'string' && !entry.removed) mapping[id] = { ...entry, removed: 'Dropped upstream.' };
    writeFileSync(template, JSON.stringify(mapping, null, 2));
    result = npm([...base, '--map', template]);
  }
  if (result.status !== 0) throw new Error(`importing ${version} failed:\n${result.stdout}\n${result.stderr}`);
}

interface Run {
  wallMs: number;
  peakRssMb: number;
}

const astro = path.join(projectRoot, 'node_modules/astro/bin/astro.mjs');
const cacheDir = path.join(work, 'cache');
function build(): Run {
  const started = performance.now();
  const result = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, astro, 'build', '--outDir', path.join(work, 'dist')], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', SPEC_CONTENT_DIR: content, SPEC_CACHE_DIR: cacheDir },
    maxBuffer: 256 * 1024 * 1024,
  });
  const wallMs = performance.now() - started;
  if (result.status !== 0) throw new Error(`build failed:\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`);
  const peakKb = Number(result.stderr.trim().split('\n').at(-1));
  return { wallMs, peakRssMb: peakKb / 1024 };
}

const draftChapter = path.join(
  content,
  readdirSync(content)
    .filter((name) => name.endsWith('.md'))
    .sort()[0]!,
);
const original = readFileSync(draftChapter, 'utf8');
const figures = { cold: [] as Run[], warm: [] as Run[], draftEdit: [] as Run[] };
for (let run = 0; run < runs; run++) {
  rmSync(cacheDir, { recursive: true, force: true });
  writeFileSync(draftChapter, original);
  figures.cold.push(build());
  figures.warm.push(build());
  writeFileSync(draftChapter, `${original}\nAn edit to the draft, run ${run}.\n`);
  figures.draftEdit.push(build());
}
writeFileSync(draftChapter, original);

const pages = readdirSync(path.join(work, 'dist'), { recursive: true }).filter((name) => String(name).endsWith('.html')).length;
const summary = Object.fromEntries(
  Object.entries(figures).map(([name, list]) => [
    name,
    { wallS: median(list.map((run) => run.wallMs)) / 1000, peakRssMb: median(list.map((run) => run.peakRssMb)) },
  ]),
);
const report = {
  machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
  releases: versions,
  pages,
  runs,
  ...summary,
};
mkdirSync(options.out, { recursive: true });
writeFileSync(path.join(options.out, 'history.json'), JSON.stringify(report, null, 2) + '\n');
console.log(`releases ${versions.join(', ')} as one site: ${pages} pages, ${runs} run(s), medians on ${report.machine}`);
for (const [name, figure] of Object.entries(summary)) console.log(`  ${name.padEnd(10)} ${figure.wallS.toFixed(2)} s  ${Math.round(figure.peakRssMb)} MiB`);
console.log(
  `  warm / cold ${(summary.warm!.wallS / summary.cold!.wallS).toFixed(2)}, draft edit / cold ${(summary.draftEdit!.wallS / summary.cold!.wallS).toFixed(2)}`,
);
rmSync(work, { recursive: true, force: true });
