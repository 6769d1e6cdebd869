import type { SpecModel } from '../model/index.ts';
import { addCounts, addVerdict, emptyCounts, type Counts } from './counts.ts';
import type { MappedRun } from './mapped.ts';

/** One run's results summed per example, per section (own and inherited, up the tree), per chapter and per authority level. */
export interface RunAggregate {
  total: Counts;
  examples: Map<string, Counts>;
  /** Per section: its own results, its examples' and every subsection's. */
  sections: Map<string, Counts>;
  /** Per chapter slug. */
  chapters: Map<string, Counts>;
  /** Per authority level of the example's section (inherited); `none` without one. */
  authorities: Map<string, Counts>;
}

/**
 * Sums a run's results over the tree of the release it ran against: a result on an example
 * counts for the example, its section and every ancestor, like authority badges aggregate.
 */
export function aggregateRun(run: MappedRun, model: SpecModel): RunAggregate {
  const total = emptyCounts();
  const examples = new Map<string, Counts>();
  const sections = new Map<string, Counts>();
  const chapters = new Map<string, Counts>();
  const authorities = new Map<string, Counts>();
  const bump = (map: Map<string, Counts>, key: string, verdict: MappedRun['results'][number]['verdict']) => {
    let counts = map.get(key);
    if (!counts) map.set(key, (counts = emptyCounts()));
    addVerdict(counts, verdict);
  };
  for (const result of run.results) {
    addVerdict(total, result.verdict);
    if (result.example) bump(examples, result.example, result.verdict);
    let section = result.section;
    const chapter = section ? model.sections.get(section)?.chapter.slug : undefined;
    if (chapter) bump(chapters, chapter, result.verdict);
    // A result on no section (an unreadable line) counts for the run only.
    if (!section) continue;
    const authority = result.example ? model.examples.get(result.example)?.example.authority : inheritedAuthority(model, section);
    bump(authorities, authority ?? 'none', result.verdict);
    // Up the tree; a guard against a cycle in malformed data.
    for (let depth = 0; section && depth < 64; depth++) {
      bump(sections, section, result.verdict);
      section = model.sections.get(section)?.section.parent ?? null;
    }
  }
  return { total, examples, sections, chapters, authorities };
}

function inheritedAuthority(model: SpecModel, id: string): string | null {
  let section: string | null = id;
  for (let depth = 0; section && depth < 64; depth++) {
    const entry = model.sections.get(section);
    if (!entry) return null;
    if (entry.section.authority) return entry.section.authority;
    section = entry.section.parent;
  }
  return null;
}

/** Sum of several counts (for a model over runs). */
export function sum(list: Counts[]): Counts {
  const out = emptyCounts();
  for (const counts of list) addCounts(out, counts);
  return out;
}
