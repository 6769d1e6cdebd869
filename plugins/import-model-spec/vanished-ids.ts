import { distance } from 'fastest-levenshtein';
import type { PublishedId, SpecId } from './published-ids.ts';

/** A place a vanished id might have gone, with the reason it is proposed. */
export interface Candidate {
  id: string;
  kind: 'section' | 'example';
  why: string;
}

export interface VanishedId {
  id: string;
  /** The id as the last release that published it had it. */
  was: PublishedId;
  /** Where it was an old id of a section that the new import still has: it stays one, no question asked. */
  carried: string | null;
  candidates: Candidate[];
}

/** How close two names must be (edit distance over the longer length) to be proposed. */
const similarEnough = 0.4;
const maxCandidates = 5;

/**
 * Ids published in a release that the new import no longer has (not as an id, not as an old id)
 * and that `content/removals.json` does not declare removed. Upstream does not alias renamed
 * sections, so each needs the user's word; the candidates help them give it.
 */
export function findVanished(
  published: ReadonlyMap<string, PublishedId>,
  current: ReadonlyMap<string, SpecId>,
  declaredRemoved: ReadonlySet<string>,
): VanishedId[] {
  const examplesByTitle = new Map<string, SpecId[]>();
  for (const entry of current.values()) {
    if (entry.kind !== 'example') continue;
    const key = titleKey(entry.title);
    examplesByTitle.set(key, [...(examplesByTitle.get(key) ?? []), entry]);
  }
  const sections = [...current.values()].filter((entry) => entry.kind === 'section' && !entry.aliasOf);
  const examples = [...current.values()].filter((entry) => entry.kind === 'example');
  const sectionOf = (id: string | undefined) => {
    const entry = id ? current.get(id) : undefined;
    return entry?.kind === 'section' ? (entry.aliasOf ?? entry.id) : undefined;
  };

  const vanished: VanishedId[] = [];
  for (const was of published.values()) {
    if (current.has(was.id) || declaredRemoved.has(was.id)) continue;
    const carried = was.aliasOf && sectionOf(was.aliasOf) ? sectionOf(was.aliasOf)! : null;
    const candidates: Candidate[] = [];
    const add = (candidate: Candidate) => {
      if (!candidates.some((entry) => entry.id === candidate.id)) candidates.push(candidate);
    };

    if (was.kind === 'section' && !was.aliasOf) {
      // Where its examples went: the sections now holding most of them; sections of its own level
      // first (a chapter's examples all sit in some chapter), then the innermost on a tie.
      const holders = new Map<string, number>();
      for (const example of was.examples ?? []) {
        const now = current.get(example.id) ?? examplesByTitle.get(titleKey(example.title))?.[0];
        for (const holder of now?.kind === 'example' ? (now.sections ?? []) : []) holders.set(holder, (holders.get(holder) ?? 0) + 1);
      }
      const depth = (id: string) => current.get(id)?.depth ?? 0;
      const otherLevel = (id: string) => (depth(id) === was.depth ? 0 : 1);
      const ranked = [...holders].sort((a, b) => otherLevel(a[0]) - otherLevel(b[0]) || b[1] - a[1] || depth(b[0]) - depth(a[0]) || a[0].localeCompare(b[0]));
      for (const [holder, count] of ranked) {
        add({ id: holder, kind: 'section', why: `holds ${count} of its ${was.examples!.length} examples` });
      }
      for (const similar of mostSimilar(was, sections, true)) add({ ...similar, kind: 'section' });
    } else if (was.kind === 'section') {
      add({ id: was.aliasOf!, kind: 'section', why: 'the section it was an old id of' });
    } else {
      const home = (was.sections ?? []).map(sectionOf).find(Boolean);
      if (home) add({ id: home, kind: 'section', why: home === was.sections?.[0] ? 'the section it was in' : 'the nearest section around it that remains' });
      for (const same of examplesByTitle.get(titleKey(was.title)) ?? []) {
        if (same.sections?.[0]) add({ id: same.sections[0], kind: 'section', why: `holds an example with the same title (\`${same.id}\`)` });
        add({ id: same.id, kind: 'example', why: 'same title' });
      }
      // Example ids are made from titles, and prompt ids from footnote names: only titles compare.
      for (const similar of mostSimilar(was, examples, false)) add({ ...similar, kind: 'example' });
    }
    vanished.push({ id: was.id, was, carried, candidates: candidates.slice(0, maxCandidates) });
  }
  return vanished.sort((a, b) => a.id.localeCompare(b.id));
}

/** Entries whose title (and, for sections, id) is within edit distance of the vanished one, closest first. */
function mostSimilar(was: SpecId, pool: readonly SpecId[], compareIds: boolean): Array<{ id: string; why: string }> {
  const scored: Array<{ id: string; score: number; why: string }> = [];
  for (const entry of pool) {
    const byTitle = ratio(titleKey(was.title), titleKey(entry.title));
    const byId = compareIds ? ratio(was.id, entry.id) : Infinity;
    const score = Math.min(byId, byTitle);
    if (score > similarEnough) continue;
    scored.push({ id: entry.id, score, why: byTitle <= byId ? `similar title "${entry.title}"` : 'similar id' });
  }
  return scored.sort((a, b) => a.score - b.score || a.id.localeCompare(b.id)).slice(0, 3);
}

function ratio(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 0 : distance(a, b) / longer;
}

function titleKey(title: string): string {
  return title.toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' ').trim();
}

/** What the mapping file says for one vanished id. */
export type MappingEntry = string | { removed: string; see: string | null };

/**
 * A mapping file to fill in: the best section candidate where there is one (to confirm or change),
 * otherwise a removal whose reason is left empty, which the importer refuses until it is written.
 */
export function mappingTemplate(vanished: readonly VanishedId[]): Record<string, MappingEntry> {
  const template: Record<string, MappingEntry> = {};
  for (const entry of vanished) {
    const section = entry.candidates.find((candidate) => candidate.kind === 'section');
    template[entry.id] = section ? section.id : { removed: '', see: entry.candidates[0]?.id ?? null };
  }
  return template;
}
