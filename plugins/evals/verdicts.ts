import type { EvalsConfig } from '../model/index.ts';
import type { Verdict } from './types.ts';

/**
 * The verdict the config's `verdicts` table gives a score value, if any. Own keys only: a value
 * such as `toString` or `constructor` must not find what every JavaScript object inherits.
 */
export function mappedVerdict(value: string, config: Pick<EvalsConfig, 'verdicts'>): Verdict | undefined {
  for (const key of [value, value.trim()]) if (Object.hasOwn(config.verdicts, key)) return config.verdicts[key];
  return undefined;
}

/** A score value as a verdict, or null when the mapping does not know it (the caller reports it). */
export function verdictOf(value: unknown, config: Pick<EvalsConfig, 'verdicts' | 'threshold'>): Verdict | null {
  if (typeof value === 'string') {
    const mapped = mappedVerdict(value, config);
    if (mapped) return mapped;
    const word = value.trim().toLowerCase();
    if (word === 'compliant' || word === 'ok' || word === 'violating' || word === 'unscored' || word === 'error') return word;
    // Inspect writes non-finite floats as bare constants, read here as strings (nonfinite-json.ts);
    // some dumps quote them. NaN is its "unscored" sentinel; an infinity is a number like any other.
    if (word === 'nan') return 'unscored';
    if (word === 'infinity' || word === '+infinity') return verdictOf(Infinity, config);
    if (word === '-infinity') return verdictOf(-Infinity, config);
    // What Inspect's value_to_float accepts besides its letters: yes/true, no/false, numbers as text.
    if (word === 'yes' || word === 'true') return 'compliant';
    if (word === 'no' || word === 'false') return 'violating';
    if (numericText.test(word)) return verdictOf(Number(word), config);
    return null;
  }
  if (typeof value === 'boolean') return value ? 'compliant' : 'violating';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'unscored';
    return value >= config.threshold ? 'compliant' : 'violating';
  }
  return null;
}

const numericText = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/;

/** A numeric form of a score for charts: numbers as they are, Inspect's letters as value_to_float maps them. */
export function numericScore(value: unknown, verdict: Verdict): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && numericText.test(value.trim().toLowerCase())) return Number(value.trim());
  if (typeof value === 'boolean') return value ? 1 : 0;
  return verdict === 'compliant' ? 1 : verdict === 'ok' ? 0.5 : verdict === 'violating' ? 0 : null;
}

/** Counts toward the pass rate: graded = compliant + ok + violating; unscored and errors are shown apart. */
export function isGraded(verdict: Verdict): boolean {
  return verdict === 'compliant' || verdict === 'ok' || verdict === 'violating';
}

export function isPass(verdict: Verdict): boolean {
  return verdict === 'compliant' || verdict === 'ok';
}
