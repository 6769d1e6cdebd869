/**
 * The releases' front door: everything outside `plugins/releases/` imports from here. Releases
 * freeze the draft, read frozen releases back, diff them in order and keep every published id
 * leading somewhere. They build on the model and know nothing of the site.
 */
export { checkContinuity, idTargets, publishedIds, type IdTargets, type PublishedId, type PublishedRelease } from './continuity.ts';
export { changesJson, changesSchemaVersion, diffReleases, type ChangesJson } from './diff.ts';
export type { DiffPart, ExamplePlace, ExampleRef, ReleaseDiff, SectionPlace, SectionRef } from './diff-types.ts';
export { FreezeError, freezeRelease, type FreezeOptions, type FrozenRelease } from './freeze.ts';
export { badgeFor, buildHistory, type HistoryEvent, type ItemHistory } from './history.ts';
export { loadEdition, loadVersion, type VersionedSpec } from './load.ts';
export { manifestName, notesName } from './manifest.ts';
export { checkReleases, readReleases } from './read.ts';
export { readRemovals, removalsName } from './removals.ts';
export { buildTimeline, loadTimeline, readTimelineInputs, type ReleaseTimeline } from './timeline.ts';
export type { Release, ReleaseManifest, Removal, Removals } from './types.ts';
export { compareVersions, isReleaseVersion } from './version.ts';
export { checkFreezable, withLock } from './freeze.ts';
export { parseManifest } from './manifest.ts';
export { checkRemovals } from './removals.ts';
export { summarizeChanges, type SummaryLine } from './change-summary.ts';
