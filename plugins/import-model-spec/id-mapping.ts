import { Ajv, type ErrorObject } from 'ajv';
import { idPattern } from './ids.ts';
import type { SpecId } from './published-ids.ts';
import type { MappingEntry, VanishedId } from './vanished-ids.ts';

/**
 * The user's word on ids upstream dropped without an alias (`--map FILE`):
 *
 *     { "old_id": "new_section_id",                                  → oldids="old_id" on that section
 *       "other_id": { "removed": "one line of why", "see": "x" | null } }  → content/removals.json
 */
const schema = {
  type: 'object',
  additionalProperties: {
    oneOf: [
      { type: 'string', pattern: idPattern.source },
      {
        type: 'object',
        required: ['removed', 'see'],
        additionalProperties: false,
        properties: {
          removed: { type: 'string', pattern: '^[^\\n]*\\S[^\\n]*$' },
          see: { oneOf: [{ type: 'null' }, { type: 'string', pattern: idPattern.source }] },
        },
      },
    ],
  },
};

const expectedEntry = 'a section id, or { "removed": "one line of why", "see": "other_id" | null }';
const validate = new Ajv({ allErrors: true }).compile(schema);

/** One entry of `content/removals.json` (release layout in BRIEF / docs). */
export interface Removal {
  see: string | null;
  reason: string;
}

/** Reads a mapping file; every problem is one line `file:line:col: Unexpected …, expected …`. */
export function readMapping(text: string, label: string): { entries: Map<string, MappingEntry>; problems: string[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const at = /position (\d+)/.exec((error as Error).message);
    const place = at ? positionAt(text, Number(at[1])) : { line: 1, column: 1 };
    return { entries: new Map(), problems: [`${label}:${place.line}:${place.column}: Unexpected invalid JSON (${(error as Error).message}), expected an object of old id → ${expectedEntry}`] };
  }
  if (!validate(raw)) {
    const problems = new Set<string>();
    const errors = (validate.errors ?? []) as ErrorObject[];
    if (errors.some((error) => error.instancePath === '')) {
      problems.add(`${label}:1:1: Unexpected ${describe(raw)}, expected an object of old id → ${expectedEntry}`);
    }
    for (const key of new Set(errors.map((error) => error.instancePath.split('/')[1]).filter((key): key is string => !!key))) {
      const name = key.replace(/~1/g, '/').replace(/~0/g, '~');
      const place = keyPosition(text, name);
      const value = (raw as Record<string, unknown>)[name];
      const emptyReason = typeof value === 'object' && value !== null && (value as { removed?: unknown }).removed === '';
      problems.add(
        emptyReason
          ? `${label}:${place.line}:${place.column}: Unexpected empty \`removed\` for \`${name}\`, expected one line saying why it was removed`
          : `${label}:${place.line}:${place.column}: Unexpected ${describe(value)} for \`${name}\`, expected ${expectedEntry}`,
      );
    }
    return { entries: new Map(), problems: [...problems] };
  }
  return { entries: new Map(Object.entries(raw as Record<string, MappingEntry>)), problems: [] };
}

export interface ResolvedMapping {
  /** Section id → old ids to add to its `oldids`. */
  oldIds: Map<string, string[]>;
  /** Old id → removal, to merge into `content/removals.json`. */
  removals: Record<string, Removal>;
  /** Vanished ids neither the mapping nor an earlier alias covers. */
  uncovered: VanishedId[];
  /** Old ids kept on the section they were an old id of in the last release (no question asked). */
  carried: Array<{ id: string; section: string }>;
  problems: string[];
}

/**
 * Checks the mapping against what vanished and what the new import holds, and turns it into
 * old ids per section and removals. A target must be a section of the new import (examples take
 * no old ids); a removal's `see` must resolve in it.
 */
export function resolveMapping(
  entries: ReadonlyMap<string, MappingEntry>,
  vanished: readonly VanishedId[],
  current: ReadonlyMap<string, SpecId>,
  mapping: { text: string; label: string } | null,
): ResolvedMapping {
  const result: ResolvedMapping = { oldIds: new Map(), removals: {}, uncovered: [], carried: [], problems: [] };
  const at = (key: string) => {
    if (!mapping) return '';
    const place = keyPosition(mapping.text, key);
    return `${mapping.label}:${place.line}:${place.column}: `;
  };
  const vanishedIds = new Map(vanished.map((entry) => [entry.id, entry]));
  const sectionOf = (id: string) => {
    const entry = current.get(id);
    return entry?.kind === 'section' && !entry.aliasOf ? entry : undefined;
  };

  for (const [oldId, entry] of entries) {
    const gone = vanishedIds.get(oldId);
    if (!gone) {
      const why = current.has(oldId) ? 'the new import still has it' : 'no earlier release published it, or it is already declared removed';
      result.problems.push(`${at(oldId)}Unexpected mapping for \`${oldId}\` (${why}), expected only ids that vanished`);
      continue;
    }
    if (typeof entry === 'string') {
      if (sectionOf(entry)) {
        result.oldIds.set(entry, [...(result.oldIds.get(entry) ?? []), oldId]);
      } else {
        const found = current.get(entry);
        const hint = gone.candidates.length > 0 ? ` (candidates: ${gone.candidates.map((candidate) => candidate.id).join(', ')})` : '';
        const what = found?.kind === 'example'
          ? `the example \`${entry}\` (examples take no old ids; name its section \`${found.sections?.[0]}\`, or write { "removed": "…", "see": "${entry}" })`
          : found?.aliasOf
            ? `\`${entry}\`, an old id of \`${found.aliasOf}\``
            : `\`${entry}\`, which the new import does not have`;
        result.problems.push(`${at(oldId)}Unexpected target ${what} for \`${oldId}\`, expected a section id of the new import${hint}`);
      }
      continue;
    }
    if (entry.see !== null && !current.has(entry.see) && !vanishedIds.has(entry.see)) {
      result.problems.push(`${at(oldId)}Unexpected \`see\` \`${entry.see}\` for \`${oldId}\`, expected an id of the new import or null`);
      continue;
    }
    result.removals[oldId] = { see: entry.see, reason: entry.removed.trim() };
  }

  // `see` may name another vanished id the same mapping sends to a section: that resolves too.
  for (const [oldId, removal] of Object.entries(result.removals)) {
    if (removal.see === null || current.has(removal.see)) continue;
    const mapped = entries.get(removal.see);
    if (typeof mapped !== 'string' && !result.removals[removal.see]) {
      result.problems.push(`${at(oldId)}Unexpected \`see\` \`${removal.see}\` for \`${oldId}\`: it vanished and the mapping gives it no new home, expected an id of the new import or null`);
    }
  }

  for (const gone of vanished) {
    if (entries.has(gone.id)) continue;
    if (gone.carried) {
      result.oldIds.set(gone.carried, [...(result.oldIds.get(gone.carried) ?? []), gone.id]);
      result.carried.push({ id: gone.id, section: gone.carried });
    } else {
      result.uncovered.push(gone);
    }
  }
  for (const list of result.oldIds.values()) list.sort();
  return result;
}

/** Adds `oldids="…"` to the `::section{#id …}` lines the importer wrote. */
export function addOldIds<T extends { path: string; content: string }>(files: readonly T[], oldIds: ReadonlyMap<string, readonly string[]>): T[] {
  if (oldIds.size === 0) return [...files];
  return files.map((file) => ({
    ...file,
    content: file.content.replace(/^(::section\{#)([^\s}]+)([^\n]*)\}$/gm, (line, open: string, id: string, rest: string) => {
      const ids = oldIds.get(id);
      return ids && ids.length > 0 ? `${open}${id} oldids="${ids.join(' ')}"${rest}}` : line;
    }),
  }));
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return `the object ${JSON.stringify(value).slice(0, 80)}`;
  return JSON.stringify(value);
}

/** Line and column of `"key":` in the JSON text (1:1 when it cannot be found). */
function keyPosition(text: string, key: string): { line: number; column: number } {
  const match = new RegExp(`${JSON.stringify(key).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*:`).exec(text);
  return match ? positionAt(text, match.index) : { line: 1, column: 1 };
}

function positionAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}
