import path from 'node:path';
import { VFile } from 'vfile';
import { fail, warn } from './messages.ts';
import type { SpecData } from './load.ts';
import { removalsName } from './removals.ts';
import type { Removals } from './types.ts';

/** An id a release published, and where that release defined it. */
export interface PublishedId {
  id: string;
  kind: 'section' | 'example' | 'oldid';
  /** The frozen file, as messages show it (`content/releases/2025-04-11/02-x.md`). */
  file: string;
  line: number;
  column: number;
}

export interface PublishedRelease {
  version: string;
  ids: PublishedId[];
}

/** What a version's links can land on: its section and example ids, and its old ids. */
export interface IdTargets {
  ids: Set<string>;
  /** Old id → the section id it stands for. */
  aliases: Map<string, string>;
}

/** Every id a release published (sections, examples, old ids) with its place in the snapshot. */
export function publishedIds(version: string, spec: SpecData, displayDir: string): PublishedRelease {
  const place = (source: { file: string; line: number }) => ({ file: path.join(displayDir, source.file), line: source.line, column: 1 });
  const ids: PublishedId[] = [];
  for (const section of spec.sections) {
    ids.push({ id: section.id, kind: 'section', ...place(section.source) });
    for (const oldId of section.oldIds) ids.push({ id: oldId, kind: 'oldid', ...place(section.source) });
  }
  for (const example of Object.values(spec.examples)) ids.push({ id: example.id, kind: 'example', ...place(example.source) });
  return { version, ids };
}

export function idTargets(spec: SpecData): IdTargets {
  return {
    ids: new Set([...spec.sections.map((section) => section.id), ...Object.keys(spec.examples)]),
    aliases: new Map(spec.sections.flatMap((section) => section.oldIds.map((oldId) => [oldId, section.id] as const))),
  };
}

/** Where an id lands in one version, or undefined when it lands nowhere. */
export type Resolution =
  | { kind: 'self'; target: string }
  | { kind: 'alias'; target: string }
  /** Declared removed; `target` is where its `see` lands (null: nowhere to go). */
  | { kind: 'removed'; target: string | null; reason: string };

function landing(id: string, targets: IdTargets): string | undefined {
  return targets.ids.has(id) ? id : targets.aliases.get(id);
}

export function resolveIn(id: string, targets: IdTargets, removals: Removals): Resolution | undefined {
  if (targets.ids.has(id)) return { kind: 'self', target: id };
  const alias = targets.aliases.get(id);
  if (alias) return { kind: 'alias', target: alias };
  const removal = removals.get(id);
  if (!removal) return undefined;
  if (removal.see === null) return { kind: 'removed', target: null, reason: removal.reason };
  const target = landing(removal.see, targets);
  return target ? { kind: 'removed', target, reason: removal.reason } : undefined;
}

export interface ContinuityInput {
  /** Every release, in order. */
  releases: readonly PublishedRelease[];
  latest: { version: string; targets: IdTargets };
  /** The draft's targets, when the draft is checked too. */
  draft?: IdTargets;
  removals: Removals;
}

const fixes = (id: string) =>
  `keep a section or example with this id, add it to a section's \`oldids="${id}"\`, or declare it in content/${removalsName} as { "${id}": { "see": "<id>" | null, "reason": "…" } }`;

/**
 * Published ids are a contract: every id any release published must land in the latest release
 * and in the draft, as itself, through `oldids`, or through a declared removal whose `see` lands.
 * Each lost id is reported once, where the last release that published it defines it; removals
 * that are unused or point nowhere are reported on removals.json.
 */
export function checkContinuity(input: ContinuityInput): VFile[] {
  const files = new Map<string, VFile>();
  const fileOf = (name: string) => {
    let file = files.get(name);
    if (!file) files.set(name, (file = new VFile({ path: name })));
    return file;
  };
  // The last publication of each id: the place its current readers copied the link from.
  const last = new Map<string, { version: string; published: PublishedId }>();
  for (const release of input.releases) for (const published of release.ids) last.set(published.id, { version: release.version, published });

  const versions: Array<[string, IdTargets]> = [[`the latest release ${input.latest.version}`, input.latest.targets]];
  if (input.draft) versions.push(['the draft', input.draft]);
  for (const [id, { version, published }] of last) {
    for (const [where, targets] of versions) {
      if (landing(id, targets) || input.removals.has(id)) continue;
      fail(
        fileOf(published.file),
        `Unexpected loss of the id \`${id}\` published in release ${version}: it does not resolve in ${where}, expected links to it to keep working: ${fixes(id)}`,
        'published-id-lost',
        { line: published.line, column: published.column },
      );
    }
  }

  for (const removal of input.removals.values()) {
    const file = fileOf(removal.place.file);
    const place = { line: removal.place.line, column: removal.place.column };
    if (!last.has(removal.id)) {
      warn(
        file,
        `Unexpected removal of \`${removal.id}\`, which no release published, expected only published ids in ${removalsName} (delete the entry)`,
        'unused-removal',
        place,
      );
    }
    if (input.draft && landing(removal.id, input.draft)) {
      warn(
        file,
        `Unexpected removal of \`${removal.id}\`, which the draft still defines, expected the id gone from the draft (or the entry deleted)`,
        'unused-removal',
        place,
      );
    }
    if (removal.see === null) continue;
    for (const [where, targets] of versions) {
      // A removal is read only where the id itself is gone.
      if (landing(removal.id, targets) || landing(removal.see, targets)) continue;
      fail(
        file,
        `Unexpected \`see\` target \`${removal.see}\` for the removed id \`${removal.id}\`: it does not resolve in ${where}, expected the id of a section or example there (or one of its oldids), or null`,
        'removal-see-unresolved',
        place,
      );
    }
  }
  return [...files.values()].filter((file) => file.messages.length > 0);
}

/**
 * A resolver for published ids in the latest release (or, given the draft's targets and its ids
 * appended to `releases` as `draft`, in the draft), for the notice "removed in 2025-09-12; see …".
 * `removedIn` is the first release after its first publication that no longer has it as its own id.
 */
export function publishedIdResolver(context: { releases: readonly PublishedRelease[]; targets: IdTargets; removals: Removals }) {
  const own = context.releases.map((release) => ({
    version: release.version,
    ids: new Set(release.ids.filter((published) => published.kind !== 'oldid').map((published) => published.id)),
  }));
  return (id: string): { kind: Resolution['kind']; target?: string; removedIn?: string; reason?: string } | undefined => {
    const resolution = resolveIn(id, context.targets, context.removals);
    if (!resolution) return undefined;
    if (resolution.kind === 'self') return { kind: 'self', target: id };
    const first = own.findIndex((release) => release.ids.has(id));
    const removedIn = first < 0 ? undefined : own.slice(first + 1).find((release) => !release.ids.has(id))?.version;
    return {
      kind: resolution.kind,
      ...(resolution.target ? { target: resolution.target } : {}),
      ...(removedIn ? { removedIn } : {}),
      ...(resolution.kind === 'removed' ? { reason: resolution.reason } : {}),
    };
  };
}
