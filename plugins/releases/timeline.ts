import type { VFile } from 'vfile';
import { SpecError, formatMessages } from '../model/index.ts';
import { checkContinuity, idTargets, publishedIds, publishedIdResolver, type PublishedRelease } from './continuity.ts';
import { diffReleases } from './diff.ts';
import type { ReleaseDiff } from './diff-types.ts';
import { buildHistory, type ItemHistory } from './history.ts';
import { loadVersion, type VersionedSpec } from './load.ts';
import { checkReleases } from './read.ts';
import { checkRemovals } from './removals.ts';
import { loadSpecConfig } from '../model/index.ts';
import type { Release, Removals } from './types.ts';

/** Everything the site needs about releases, computed once per build. */
export interface ReleaseTimeline {
  /** Verified releases, oldest first; the last is the latest. */
  releases: Release[];
  /** Each release's data, in the same order. */
  versions: VersionedSpec[];
  /** The draft's data (version `draft`), when asked for. */
  draft?: VersionedSpec;
  removals: Removals;
  /** Consecutive comparisons: release 1 → 2, …, and latest → draft when the draft is loaded. */
  diffs: ReleaseDiff[];
  history: Map<string, ItemHistory>;
  /** Every release's published ids with their places. */
  published: PublishedRelease[];
  /** Where an id lands in the latest release (self, alias or removed, and when it went). */
  resolveInLatest: ReturnType<typeof publishedIdResolver>;
  /** Warnings (fatal problems throw). */
  warnings: VFile[];
}

/** The verified releases and declared removals of a content folder; any error throws one SpecError listing all. */
export function readTimelineInputs(contentDir: string): { releases: Release[]; removals: Removals } {
  const { releases, problems } = checkReleases(contentDir);
  const { removals, problem } = checkRemovals(contentDir);
  if (problem) problems.push(problem);
  fatalCheck(problems);
  return { releases, removals };
}

/**
 * Diffs the releases in order (and the latest against the draft, when given), and checks that
 * every published id still resolves, from data already loaded.
 */
export function buildTimeline(input: {
  releases: Release[];
  versions: VersionedSpec[];
  draft?: VersionedSpec;
  removals: Removals;
  log?: (text: string) => void;
}): ReleaseTimeline {
  const { releases, versions, draft, removals } = input;
  const sequence = draft ? [...versions, draft] : versions;
  const diffs = sequence.slice(1).map((version, index) => diffReleases(sequence[index]!, version));
  const published = releases.map((release, index) => publishedIds(release.version, versions[index]!.spec, release.displayDir));
  const latest = versions.at(-1);
  const warnings = latest
    ? checkContinuity({
        releases: published,
        latest: { version: latest.version, targets: idTargets(latest.spec) },
        ...(draft ? { draft: idTargets(draft.spec) } : {}),
        removals,
      })
    : [];
  fatalCheck(warnings);
  if (warnings.length > 0) (input.log ?? console.warn)(formatMessages(warnings));
  return {
    releases,
    versions,
    ...(draft ? { draft } : {}),
    removals,
    diffs,
    history: buildHistory(diffs),
    published,
    resolveInLatest: publishedIdResolver({ releases: published, targets: latest ? idTargets(latest.spec) : { ids: new Set(), aliases: new Map() }, removals }),
    warnings,
  };
}

/**
 * Reads and verifies every release, loads each and the draft through the adapter, diffs them in
 * order, and checks that every published id still resolves (for scripts; the site loads each
 * release once and calls `buildTimeline`).
 */
export function loadTimeline(contentDir: string, options: { draft?: boolean; log?: (text: string) => void } = {}): ReleaseTimeline {
  const { releases, removals } = readTimelineInputs(contentDir);
  // The draft's (maintainers') `mdx` policy governs every release read, not the release's own.
  const policy = loadSpecConfig(contentDir).mdx;
  const versions = releases.map((release) => loadVersion(release.dir, release.version, options.log, policy));
  const draft = options.draft ? loadVersion(contentDir, 'draft', options.log) : undefined;
  return buildTimeline({ releases, versions, ...(draft ? { draft } : {}), removals, ...(options.log ? { log: options.log } : {}) });
}

function fatalCheck(files: VFile[]): void {
  if (files.some((file) => file.messages.some((message) => message.fatal))) throw new SpecError(formatMessages(files), files);
}
