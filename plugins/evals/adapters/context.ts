import { createHash } from 'node:crypto';
import type { EvalsConfig } from '../../model/index.ts';
import type { RunReport } from '../problems.ts';
import type { EvalRun } from '../types.ts';

/** What every adapter gets: the file, where to report, and the config's mapping rules. */
export interface AdapterInput {
  /** Absolute path. */
  path: string;
  /** Path relative to the content folder, for run ids and messages. */
  file: string;
  report: RunReport;
  config: EvalsConfig;
}

/** An adapter reads one file into one or more runs (a promptfoo file holds one per provider). */
export type Adapter = (input: AdapterInput) => Promise<EvalRun[]>;

/** Strings as they are; anything else as JSON, so nothing a tool wrote is hidden. */
export function asText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** The longest run id: it names the run's page folder, and file systems cap a name at 255 bytes. */
const maxRunId = 100;

/**
 * A URL-safe run id from a file path and an optional part (`inspect-demo-eval`,
 * `results-json-model-a`). A longer one (deep folders, long names) keeps its start and ends with
 * a hash of the whole, so it stays unique.
 */
export function runId(file: string, part?: string): string {
  const base = file.replace(/^.*?evals\//, '');
  const id =
    [base, part]
      .filter(Boolean)
      .join('-')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'run';
  if (id.length <= maxRunId) return id;
  const hash = createHash('sha256').update(id).digest('hex').slice(0, 10);
  return `${id.slice(0, maxRunId - hash.length - 1).replace(/-+$/, '')}-${hash}`;
}
