import type { SpecId } from './published-ids.ts';

/**
 * Example ids are positional (`ex_<slug>`, `_2`, `_3` on a repeated cut slug) and so are prompt ids
 * (`prompt_<group>_<N>`): an example upstream inserts before others of the same slug shifts every
 * later id, and a published anchor would silently name other content. With the latest release's
 * ids at hand, each id it published keeps naming what it named, where the import still has it.
 */
export interface ReleaseHistory {
  /** The latest release (for messages). */
  version: string;
  /** The ids the latest release defines (`indexIds` of its chapters). */
  latest: ReadonlyMap<string, SpecId>;
  /** Every id any release published: a fresh id must not be one of them. */
  published: ReadonlySet<string>;
}

/** One example or prompt id as the import claimed it by position. */
export interface Claim {
  id: string;
  /** The id asked for before de-duplication (`ex_<slug>`, `prompt_<group>_<N>`). */
  wanted: string;
  line: number;
  file: string | undefined;
}

export interface KeptIds {
  /** Positional id → the id written, where they differ. */
  moves: Map<string, string>;
  /** Positional id → what to report on that example. */
  notes: Map<string, string>;
}

/** What an id names, compared across releases: the title (or, untitled, the text) within its group. */
function contentKey(entry: SpecId): string {
  const untitled = entry.title === 'Untitled example' || entry.title === entry.id;
  return `${entry.group ?? ''}\u0000${untitled ? `text:${normalize(entry.text ?? '')}` : normalize(entry.title)}`;
}

/** Retyped punctuation (`---` for `—`, curly quotes) and case do not change what a title names. */
function normalize(text: string): string {
  return text.normalize('NFKC').replace(/---/g, '—').replace(/--/g, '–').replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * Decides the id of every example and prompt: one whose content the latest release published
 * under some id gets that id back (when no example holding it by position names the same
 * content); one whose positional id the latest release published for other content then takes a
 * fresh id, never published. An id whose old content is gone stays where it is, with a warning.
 */
export function keepPublishedMeaning(
  history: ReleaseHistory,
  claims: readonly Claim[],
  current: ReadonlyMap<string, SpecId>,
  /** Every id the import claimed by position (sections too). */
  used: ReadonlySet<string>,
): KeptIds {
  const oldKeys = new Map<string, string>();
  const byKey = new Map<string, string[]>();
  for (const [id, entry] of history.latest) {
    if (entry.kind !== 'example' || entry.aliasOf) continue;
    const key = contentKey(entry);
    oldKeys.set(id, key);
    byKey.set(key, [...(byKey.get(key) ?? []), id]);
  }
  const keyOf = new Map<string, string>();
  for (const claim of claims) {
    const entry = current.get(claim.id);
    if (entry?.kind === 'example') keyOf.set(claim.id, contentKey(entry));
  }

  const final = new Map<string, string>();
  const taken = new Set<string>();
  const assign = (claim: Claim, id: string) => {
    final.set(claim.id, id);
    taken.add(id);
  };
  // Ids that already name what they named.
  for (const claim of claims) if (keyOf.has(claim.id) && oldKeys.get(claim.id) === keyOf.get(claim.id)) assign(claim, claim.id);
  // Content the latest release published under another id gets that id back (in order, for repeated titles).
  for (const claim of claims) {
    if (final.has(claim.id) || !keyOf.has(claim.id)) continue;
    const published = byKey.get(keyOf.get(claim.id)!)?.find((id) => !taken.has(id));
    if (published) assign(claim, published);
  }
  // The others keep their positional id unless it went to the content it was published for.
  const rest = claims.filter((claim) => !final.has(claim.id));
  for (const claim of rest) if (!taken.has(claim.id)) assign(claim, claim.id);

  const claimed = new Set(claims.map((claim) => claim.id));
  const free = (id: string) => !taken.has(id) && !history.published.has(id) && !(used.has(id) && !claimed.has(id));
  const result: KeptIds = { moves: new Map(), notes: new Map() };
  const holder = (id: string) => claims.find((claim) => final.get(claim.id) === id);
  const kind = (claim: Claim) => (current.get(claim.id)?.group ? 'Prompt' : 'Example');
  const title = (id: string, map: ReadonlyMap<string, SpecId>) => JSON.stringify(map.get(id)?.title ?? id);
  const oldTitle = (id: string) => title(id, history.latest);
  const newTitle = (claim: Claim) => title(claim.id, current);
  for (const claim of rest) {
    if (final.has(claim.id)) continue;
    let fresh = '';
    if (current.get(claim.id)?.group) {
      const stem = claim.wanted.replace(/_\d+$/, '');
      for (let n = 1; !fresh; n++) if (free(`${stem}_${n}`)) fresh = `${stem}_${n}`;
    } else {
      for (let n = 1; !fresh; n++) if (free(n === 1 ? claim.wanted : `${claim.wanted}_${n}`)) fresh = n === 1 ? claim.wanted : `${claim.wanted}_${n}`;
    }
    assign(claim, fresh);
  }

  for (const claim of claims) {
    const id = final.get(claim.id)!;
    const was = oldKeys.get(claim.id);
    if (id !== claim.id) result.moves.set(claim.id, id);
    if (id !== claim.id && oldKeys.get(id) === keyOf.get(claim.id)) {
      result.notes.set(
        claim.id,
        `${kind(claim)} ${newTitle(claim)} keeps \`${id}\`, the id release ${history.version} published it under ` +
          `(by position it would be \`${claim.id}\`${was !== undefined ? `, which ${history.version} published for ${oldTitle(claim.id)}` : ''}); links to it follow`,
      );
    } else if (id !== claim.id) {
      const keeper = holder(claim.id);
      result.notes.set(
        claim.id,
        `${kind(claim)} ${newTitle(claim)} would be \`${claim.id}\` by position, but release ${history.version} published that id for ${oldTitle(claim.id)}` +
          `${keeper ? ` (kept on it, line ${keeper.line})` : ''}; this one takes the new id \`${id}\` so the published anchor keeps its meaning, and links to it follow`,
      );
    } else if (was !== undefined && was !== keyOf.get(claim.id)) {
      result.notes.set(
        claim.id,
        `Unexpected ${kind(claim).toLowerCase()} id \`${id}\` naming ${newTitle(claim)}, expected ${oldTitle(id)} as release ${history.version} published it ` +
          `(no ${kind(claim).toLowerCase()} of this import has that title): the published anchor \`#${id}\` now names other content`,
      );
    }
  }
  return result;
}
