/** Evals on the spec: runs read from the eval tools' own formats, placed on the spec's ids, shown on its pages. */
export { evalOverlay, type SiteEvals } from './overlay.ts';
export { writeEvalsStore, readEvalsStore } from './store.ts';
export { failingFilter, failingFilterKey } from './search-filter.ts';
export { evalsJson, evalsFormat, type EditionEvals, type RunData } from './data.ts';
export { loadEvals, type EvalTarget, type LoadedEvals } from './load.ts';
export { graded, passed, passRate, type Counts } from './counts.ts';
export type { RunComparison, ExampleChange } from './regressions.ts';
export type { SectionCoverage } from './coverage.ts';
export type { MappedResult, MappedRun, UnmappedResult } from './mapped.ts';
export type { EvalRun, EvalResult, Verdict } from './types.ts';
export { inspectExport } from './export/inspect-dataset.ts';
export { promptfooExport } from './export/promptfoo-tests.ts';
export { criterion, evalRecords, exportNotes, sampleMetadata, type ExampleRecord } from './export/records.ts';
export { inspectEvalZip, inspectLogJson, writeInspectEval, type InspectLogInput } from './write/inspect-log.ts';
export { promptfooOutputFile } from './write/promptfoo-output.ts';
