import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { closest } from 'fastest-levenshtein';
import type { VFile } from 'vfile';
import type { SpecConfig } from '../model/index.ts';
import { resolveContained, type SpecModel } from '../model/index.ts';
import type { Removals } from '../releases/index.ts';
import { adapterFor } from './adapters/index.ts';
import type { MappedResult, MappedRun, UnmappedResult } from './mapped.ts';
import { type EvalRule, RunReport, sampleName } from './problems.ts';
import { resolveResultId } from './resolve-id.ts';
import type { EvalResult, EvalRun } from './types.ts';

/** One published form of the spec a run can have run against: a release, or the draft. */
export interface EvalTarget {
  /** The version, or `draft`. */
  release: string;
  model: SpecModel;
}

export interface LoadedEvals {
  runs: MappedRun[];
  /** One report per run file (errors and warnings). */
  files: VFile[];
}

/**
 * Reads every run in the evals folder (`evals.dir` of the config), each through its adapter,
 * checks the release it ran against, and places every result on that release's ids. Unknown ids
 * are reported with file and sample and kept as unmapped; nothing is dropped.
 */
export async function loadEvals(contentDir: string, config: SpecConfig, targets: EvalTarget[], removals: Removals): Promise<LoadedEvals> {
  const dir = path.resolve(contentDir, config.evals.dir);
  const runs: MappedRun[] = [];
  const files: VFile[] = [];
  const byRelease = new Map(targets.map((target) => [target.release, target]));
  /** Run ids taken so far, with the file that took each. */
  const ids = new Map<string, string>();
  const listing = listRunFiles(dir, realpathSync(contentDir));
  for (const { path: place, problem, rule } of listing.problems) {
    const report = new RunReport(path.relative(process.cwd(), place) || place);
    files.push(report.file);
    report.error(problem, rule);
  }
  for (const absolute of listing.files) {
    const file = path.relative(contentDir, absolute).split(path.sep).join('/');
    const report = new RunReport(path.relative(process.cwd(), absolute) || absolute);
    files.push(report.file);
    const found = await adapterFor(absolute);
    if ('reason' in found) {
      report.warn(`Unexpected file in the evals folder, ${found.reason}; it is not read`, 'malformed-run');
      continue;
    }
    let read;
    try {
      read = await found.adapter({ path: absolute, file, report, config: config.evals });
    } catch (error) {
      // An adapter reports what it understands; anything else still names the file and stops nothing else.
      report.error(`Unexpected failure reading the run (${(error as Error).message}), expected a readable run file`, 'unreadable-run');
      continue;
    }
    const inFolder = path.relative(dir, absolute).split(path.sep).join('/');
    for (const run of read) {
      const release = (Object.hasOwn(config.evals.runs, inFolder) ? config.evals.runs[inFolder]!.release : undefined) ?? run.release ?? config.evals.release;
      if (!release) {
        report.error(
          `Unexpected run of \`${run.model}\` that names no spec release, expected \`spec_release\` in its metadata (written by \`npm run evals:export\`) or \`evals.runs["${inFolder}"].release\` in spec.config.json (one of ${[...byRelease.keys()].join(', ')})`,
          'missing-release',
        );
        continue;
      }
      const target = byRelease.get(release);
      if (!target) {
        const known = [...byRelease.keys()];
        const hint = known.length ? closest(release, known) : undefined;
        report.error(
          `Unexpected release \`${release}\` for the run of \`${run.model}\`, expected one of ${known.map((name) => `\`${name}\``).join(', ')}${hint ? `; did you mean \`${hint}\`?` : ''}`,
          'unknown-release',
        );
        continue;
      }
      runs.push(placeRun({ ...run, id: uniqueId(run, ids, report), release }, target, removals, report));
    }
  }
  return { runs, files };
}

/**
 * A run's id, unique among the runs read so far. Ids are URL slugs of file names (plus the model,
 * for a promptfoo file with several), so two can meet (`run a.eval`, `run-a.eval`, names in other
 * scripts): the later one, in file order, gets `-2`, `-3`… and its file says so, rather than one
 * run's page showing the other's numbers.
 */
function uniqueId(run: EvalRun, ids: Map<string, string>, report: RunReport): string {
  let id = run.id;
  for (let n = 2; ids.has(id); n++) id = `${run.id}-${n}`;
  if (id !== run.id) {
    report.warn(
      `Unexpected run id \`${run.id}\` for the run of \`${run.model}\`, already used by the run in ${ids.get(run.id)}; expected run ids unique (they name the run pages): this one is \`${id}\` (rename one of the files to choose)`,
      'duplicate-run-id',
    );
  }
  ids.set(id, run.file);
  return id;
}

/** Unmapped results printed per run; all of them are on the evals page and in evals.json. */
const shownUnmapped = 20;

function placeRun(
  run: Omit<MappedRun, 'results' | 'unmapped'> & { results: EvalResult[] },
  target: EvalTarget,
  removals: Removals,
  report: RunReport,
): MappedRun {
  const results: MappedResult[] = [];
  const unmapped: UnmappedResult[] = [];
  for (const result of run.results) {
    const resolved = resolveResultId(result.key, target.model, removals);
    // What could not be read is an error of the run (as its warning says), on no section.
    if (resolved.kind === 'unknown' && result.unreadable) {
      results.push({ ...result, example: null, section: null, via: null });
      continue;
    }
    if (resolved.kind === 'unknown') {
      unmapped.push({ run: run.id, file: run.file, sample: result.sample, epoch: result.epoch, key: result.key, place: result.place, reason: resolved.reason });
      if (unmapped.length > shownUnmapped) continue;
      report.warn(
        `Unmapped result for ${sampleName(result.sample, result.epoch, result.place)}: ${resolved.reason} (release ${target.release}); counted as unmapped`,
        'unmapped-result',
      );
      continue;
    }
    results.push({ ...result, example: resolved.kind === 'example' ? resolved.id : null, section: resolved.section, via: resolved.via });
  }
  if (unmapped.length > shownUnmapped) {
    report.warn(
      `Unmapped results of \`${run.model}\`: ${unmapped.length - shownUnmapped} more beyond the first ${shownUnmapped} are not printed here; every one is listed on the evals page and in evals.json`,
      'unmapped-result',
    );
  }
  return { ...run, release: target.release, results, unmapped };
}

/**
 * Run files in the folder and its subfolders, sorted; hidden and `_` entries are skipped. A
 * symbolic link is followed while it stays inside the content folder; one that leads out, or
 * nowhere, is a problem (its target is never read), as is an evals folder that is no folder.
 */
function listRunFiles(dir: string, realContent: string): { files: string[]; problems: Array<{ path: string; problem: string; rule: EvalRule }> } {
  const files: string[] = [];
  const problems: Array<{ path: string; problem: string; rule: EvalRule }> = [];
  if (!existsSync(dir)) return { files, problems };
  if (!statSync(dir).isDirectory()) {
    problems.push({
      path: dir,
      problem: 'Unexpected file as the evals folder (`evals.dir` in spec.config.json), expected a folder of run files',
      rule: 'unreadable-run',
    });
    return { files, problems };
  }
  const visited = new Set<string>();
  const walk = (folder: string) => {
    const real = realpathSync(folder);
    if (visited.has(real)) return;
    visited.add(real);
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.') || entry.name.startsWith('_')) continue;
      const full = path.join(folder, entry.name);
      let directory = entry.isDirectory();
      let file = entry.isFile();
      if (entry.isSymbolicLink()) {
        const contained = resolveContained(realContent, full);
        if (!contained.inside) {
          problems.push({
            path: full,
            problem: contained.real
              ? `Unexpected symbolic link to \`${contained.real}\` outside the content folder, expected run files inside it (the link is not followed)`
              : 'Unexpected broken symbolic link, expected a run file or folder inside the content folder',
            rule: 'outside-content',
          });
          continue;
        }
        const target = statSync(full);
        directory = target.isDirectory();
        file = target.isFile();
      }
      if (directory) walk(full);
      else if (file) files.push(full);
    }
  };
  walk(dir);
  return { files, problems };
}
