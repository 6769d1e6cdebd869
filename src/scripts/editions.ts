// The site's editions and how ids carry over between them: the data the build writes to
// `editions.json` and the rules the browser applies to it (version switcher, "latest" banner).
// Shared by build and browser: no Node imports.

export interface EditionEntry {
  /** `2025-04-11`, or null for the draft. */
  version: string | null;
  /** How readers see it named: the version, or "Draft". */
  label: string;
  /** Where it sits under the site's base: `2025-04-11/`, `draft/`, or `` for the root. */
  prefix: string;
  date: string | null;
  latest: boolean;
}

export interface EditionsData {
  editions: EditionEntry[];
  /** Ids that name the same section across editions: an old id (`oldids`) → the id that carries it. */
  renames: Array<{ from: string; to: string }>;
  /** Ids removed on purpose → the id that replaces them (null: none). */
  removals: Array<{ id: string; see: string | null }>;
}

export type Found =
  /** The id itself (or an old id the edition resolves): the same item. */
  | { how: 'same'; id: string; url: string }
  /** The same section under another id, through renames, in either direction. */
  | { how: 'renamed'; id: string; url: string }
  /** The item was removed on purpose, or is new, and this is its replacement or predecessor. */
  | { how: 'replacement'; id: string; url: string }
  /** Only an enclosing section is there. */
  | { how: 'ancestor'; id: string; url: string };

/**
 * Where the reader's place is in another edition. `chain` is the id being read, then its
 * enclosing sections, nearest first; `anchors` the other edition's `anchors.json` (id → URL). Each
 * id is looked up as itself, then through renames (old → new and new → old, any number of steps),
 * then through declared removals (removed id ↔ its replacement); failing that, the next ancestor.
 */
export function findInEdition(
  chain: readonly string[],
  anchors: Readonly<Record<string, string>>,
  data: Pick<EditionsData, 'renames' | 'removals'>,
): Found | null {
  const has = (id: string) => Object.hasOwn(anchors, id);
  const renamed = neighbours(data.renames.map(({ from, to }) => [from, to] as const));
  const replaced = neighbours(data.removals.flatMap(({ id, see }) => (see ? [[id, see] as const] : [])));
  for (const [index, id] of chain.entries()) {
    if (has(id)) return { how: index === 0 ? 'same' : 'ancestor', id, url: anchors[id]! };
    const viaRename = reachable(id, [renamed]).find(has);
    if (viaRename) return { how: index === 0 ? 'renamed' : 'ancestor', id: viaRename, url: anchors[viaRename]! };
    const viaRemoval = reachable(id, [renamed, replaced]).find(has);
    if (viaRemoval) return { how: index === 0 ? 'replacement' : 'ancestor', id: viaRemoval, url: anchors[viaRemoval]! };
  }
  return null;
}

function neighbours(edges: ReadonlyArray<readonly [string, string]>): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const [a, b] of edges) {
    map.set(a, [...(map.get(a) ?? []), b]);
    map.set(b, [...(map.get(b) ?? []), a]);
  }
  return map;
}

/** Every id reachable from `start` over the graphs, nearest first (breadth first), `start` excluded. */
function reachable(start: string, graphs: ReadonlyArray<Map<string, string[]>>): string[] {
  const seen = new Set([start]);
  const order: string[] = [];
  for (let queue = [start]; queue.length > 0; ) {
    const next: string[] = [];
    for (const id of queue) {
      for (const graph of graphs) {
        for (const other of graph.get(id) ?? []) {
          if (seen.has(other)) continue;
          seen.add(other);
          order.push(other);
          next.push(other);
        }
      }
    }
    queue = next;
  }
  return order;
}
