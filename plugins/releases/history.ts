import type { ExampleAspect, ExamplePlace, ReleaseDiff, SectionPlace } from './diff-types.ts';

/** One thing that happened to a section or example in one release. */
export type HistoryEvent = { version: string } & (
  | { kind: 'added' }
  | { kind: 'removed' }
  | { kind: 'renamed'; from: string; to: string }
  | { kind: 'title'; from: string; to: string }
  | { kind: 'authority'; from: string | null; to: string | null }
  | { kind: 'text'; wordsAdded: number; wordsRemoved: number }
  | { kind: 'moved'; from: SectionPlace | ExamplePlace; to: SectionPlace | ExamplePlace }
  | { kind: 'changed'; aspects: ExampleAspect[] }
);

/** The history of one id (its current id: events of ids it was renamed from are folded in). */
export interface ItemHistory {
  id: string;
  kind: 'section' | 'example';
  /** The release that (last) added it; null when it is as old as the first release compared. */
  addedIn: string | null;
  /** Releases that changed it in any way (text, title, authority, place, id, example turns), in order. */
  changedIn: string[];
  /** The release that removed it, when it is gone (renamed ids are not removed). */
  removedIn: string | null;
  /** Ids it had before, oldest first. */
  formerIds: string[];
  events: HistoryEvent[];
}

/**
 * Per id, what each release did to it, from the diffs of consecutive releases in order (the
 * draft may come last as `draft`): for "New in X" / "Changed in X" badges and history lists.
 */
export function buildHistory(diffs: readonly ReleaseDiff[]): Map<string, ItemHistory> {
  const items = new Map<string, ItemHistory>();
  const order = new Map(diffs.map((diff, index) => [diff.to, index]));
  const item = (id: string, kind: ItemHistory['kind']) => {
    let found = items.get(id);
    if (!found) items.set(id, (found = { id, kind, addedIn: null, changedIn: [], removedIn: null, formerIds: [], events: [] }));
    return found;
  };
  for (const diff of diffs) {
    const version = diff.to;
    const { sections: s, examples: e } = diff;
    // Renames first, so the other events of this release land on the new id.
    for (const { from, to } of s.renamed) {
      const previous = items.get(from.id);
      const next = item(to.id, 'section');
      items.delete(from.id);
      if (previous) {
        next.events = [...previous.events, ...next.events].sort((a, b) => order.get(a.version)! - order.get(b.version)!);
        next.formerIds = [...previous.formerIds, ...next.formerIds];
      }
      next.formerIds.push(from.id);
      next.events.push({ version, kind: 'renamed', from: from.id, to: to.id });
    }
    for (const section of s.added) item(section.id, 'section').events.push({ version, kind: 'added' });
    for (const section of s.removed) item(section.id, 'section').events.push({ version, kind: 'removed' });
    for (const { id, from, to } of s.retitled) item(id, 'section').events.push({ version, kind: 'title', from, to });
    for (const { id, from, to } of s.authorityChanged) item(id, 'section').events.push({ version, kind: 'authority', from, to });
    for (const { id, from, to } of s.moved) item(id, 'section').events.push({ version, kind: 'moved', from, to });
    for (const { id, wordsAdded, wordsRemoved } of s.textChanged) item(id, 'section').events.push({ version, kind: 'text', wordsAdded, wordsRemoved });
    for (const example of e.added) item(example.id, 'example').events.push({ version, kind: 'added' });
    for (const example of e.removed) item(example.id, 'example').events.push({ version, kind: 'removed' });
    for (const { id, aspects } of e.changed) item(id, 'example').events.push({ version, kind: 'changed', aspects });
    for (const { id, from, to } of e.moved) item(id, 'example').events.push({ version, kind: 'moved', from, to });
  }
  // The summary fields, from the events once every rename has been folded in.
  for (const history of items.values()) {
    for (const event of history.events) {
      if (event.kind === 'added') {
        history.addedIn = event.version;
        history.removedIn = null;
      } else if (event.kind === 'removed') {
        history.removedIn = event.version;
      } else if (!history.changedIn.includes(event.version)) {
        history.changedIn.push(event.version);
      }
    }
  }
  return items;
}

/** The badge an item shows on the pages of `version`: new there, changed there, or none. */
export function badgeFor(history: ItemHistory | undefined, version: string): 'new' | 'changed' | null {
  if (!history) return null;
  if (history.addedIn === version) return 'new';
  return history.changedIn.includes(version) ? 'changed' : null;
}
