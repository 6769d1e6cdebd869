import { Ajv } from 'ajv';
import { VFile } from 'vfile';
import { parseJsonDocument } from '../model/index.ts';
import { idMessage, idProblem } from '../remark-spec/index.ts';
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
      { type: 'string' },
      {
        type: 'object',
        required: ['removed', 'see'],
        additionalProperties: false,
        properties: {
          removed: { type: 'string', pattern: '^[^\\n]*\\S[^\\n]*$' },
          see: { type: ['null', 'string'] },
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

/** Where each key of the mapping is written. */
export type MappingPlace = (key: string) => { line: number; column: number };

/** Reads a mapping file; every problem is one line `file:line:col: Unexpected …, expected …`. */
export function readMapping(text: string, label: string): { entries: Map<string, MappingEntry>; problems: string[]; place: MappingPlace } {
  const document = parseJsonDocument(new VFile({ path: label, value: text }), {
    source: 'import-model-spec',
    ruleId: 'import-map',
    expected: `an object of old id → ${expectedEntry}`,
    validate,
    describe: (error, raw) => {
      const key = error.instancePath.split('/')[1];
      if (key === undefined) return { reason: `Unexpected ${describe(raw)}, expected an object of old id → ${expectedEntry}`, segments: [] };
      const name = key.replace(/~1/g, '/').replace(/~0/g, '~');
      const value = (raw as Record<string, unknown>)[name];
      const emptyReason = typeof value === 'object' && value !== null && (value as { removed?: unknown }).removed === '';
      return {
        reason: emptyReason
          ? `Unexpected empty \`removed\` for \`${name}\`, expected one line saying why it was removed`
          : `Unexpected ${describe(value)} for \`${name}\`, expected ${expectedEntry}`,
        segments: [name],
        key: true,
      };
    },
  });
  const place: MappingPlace = (key) => {
    const { line, column } = document.place([key], true).start;
    return { line, column };
  };
  if (document.value !== undefined) {
    // The id rule of the whole spec (pattern, length, reserved names) for old ids and targets.
    for (const [key, entry] of Object.entries(document.value as Record<string, MappingEntry>)) {
      const problem = idProblem(key);
      if (problem) document.fail(idMessage('old id', key, problem), [key], 'import-map', true);
      const target = typeof entry === 'string' ? entry : entry.see;
      const targetProblem = target === null ? undefined : idProblem(target);
      if (targetProblem) document.fail(idMessage('target id', target!, targetProblem), typeof entry === 'string' ? [key] : [key, 'see'], 'import-map');
    }
  }
  // Ajv reports each branch of `oneOf`: one line per place is enough.
  const problems = [...new Set(document.file.messages.map((message) => `${label}:${message.line ?? 1}:${message.column ?? 1}: ${message.reason}`))];
  if (problems.length > 0) return { entries: new Map(), problems, place };
  return { entries: new Map(Object.entries(document.value as Record<string, MappingEntry>)), problems: [], place };
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
  mapping: { place: MappingPlace; label: string } | null,
  /** Removals already declared in the content folder (a `see` chain may run through them). */
  declared: ReadonlyMap<string, string | null> = new Map(),
): ResolvedMapping {
  const result: ResolvedMapping = { oldIds: new Map(), removals: {}, uncovered: [], carried: [], problems: [] };
  const at = (key: string) => {
    if (!mapping) return '';
    const place = mapping.place(key);
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
        const what =
          found?.kind === 'example'
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
      result.problems.push(
        `${at(oldId)}Unexpected \`see\` \`${removal.see}\` for \`${oldId}\`: it vanished and the mapping gives it no new home, expected an id of the new import or null`,
      );
    }
  }

  // A chain of `see` that returns to where it started sends readers in a circle: refused before anything is written.
  const seeOf = (id: string): string | null | undefined => (id in result.removals ? result.removals[id]!.see : declared.get(id));
  for (const start of Object.keys(result.removals)) {
    const visited = new Set<string>([start]);
    for (let id = seeOf(start); id !== null && id !== undefined; id = seeOf(id)) {
      if (id === start) {
        result.problems.push(`${at(start)}Unexpected cycle of \`see\` (${[...visited, start].join(' → ')}), expected a chain that ends at a live id or null`);
        break;
      }
      if (visited.has(id)) break;
      visited.add(id);
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
