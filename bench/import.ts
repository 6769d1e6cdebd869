// Import + build of a real Model Spec release: wall time and peak memory, median of N runs.
//   node bench/import.ts [release=2025-09-12] [runs=3]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { median } from './stats.ts';

const root = path.resolve(import.meta.dirname, '..');
const [release = '2025-09-12', runsArgument = '3'] = process.argv.slice(2);
const source = path.resolve(root, '../shared/corpus/model-spec', release, 'model_spec.md');
if (!existsSync(source)) {
  console.error(`No corpus at ${source}: this benchmark needs ../shared/corpus beside the project.`);
  process.exit(1);
}

/** Runs a command under GNU time when available, for its maximum resident set size. */
function measure(command: string[], env: Record<string, string> = {}) {
  const started = performance.now();
  const useTime = existsSync('/usr/bin/time');
  const argv = useTime ? ['/usr/bin/time', '-v', ...command] : command;
  const result = spawnSync(argv[0]!, argv.slice(1), {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
    maxBuffer: 256 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`${command.join(' ')} failed:\n${result.stderr.slice(-2000)}`);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr)?.[1];
  return { seconds, peakMiB: rss ? Number(rss) / 1024 : Number.NaN };
}

const runs = Number(runsArgument);
const imports: ReturnType<typeof measure>[] = [];
const builds: ReturnType<typeof measure>[] = [];
for (let run = 0; run < runs; run++) {
  const work = mkdtempSync(path.join(tmpdir(), 'ms-bench-import-'));
  const content = path.join(work, 'content');
  imports.push(measure([process.execPath, 'scripts/import-model-spec.ts', source, '--out', content]));
  builds.push(
    measure([process.execPath, 'node_modules/astro/bin/astro.mjs', 'build', '--force', '--outDir', path.join(work, 'dist')], { SPEC_CONTENT_DIR: content }),
  );
  rmSync(work, { recursive: true, force: true });
}

const size = readFileSync(source).length;
console.log(`Import + build of the ${release} Model Spec (${(size / 1024).toFixed(0)} KB source), ${runs} run(s), median`);
console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model.trim()}), shared; Node ${process.versions.node}`);
console.log(`| step | wall (s) | peak RSS (MiB) |`);
console.log(`| --- | --- | --- |`);
console.log(`| import | ${median(imports.map((m) => m.seconds)).toFixed(2)} | ${median(imports.map((m) => m.peakMiB)).toFixed(0)} |`);
console.log(`| build (cold, --force) | ${median(builds.map((m) => m.seconds)).toFixed(2)} | ${median(builds.map((m) => m.peakMiB)).toFixed(0)} |`);
