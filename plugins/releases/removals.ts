import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import { VFile } from 'vfile';
import { SpecError, formatMessages } from '../model/index.ts';
import { idPattern } from '../remark-spec/index.ts';
import { jsonPlace } from './json-place.ts';
import { fail } from './messages.ts';
import type { Removals } from './types.ts';

export const removalsName = 'removals.json';

const removalsSchema = {
  type: 'object',
  propertyNames: { pattern: idPattern.source },
  additionalProperties: {
    type: 'object',
    required: ['see', 'reason'],
    additionalProperties: false,
    properties: {
      see: { anyOf: [{ type: 'string', pattern: idPattern.source }, { type: 'null' }] },
      reason: { type: 'string', minLength: 1 },
    },
  },
} as const;

const validateRemovals = new Ajv2020({ allErrors: true, strict: true }).compile(removalsSchema);

const expectedShape = '{ "old_id": { "see": "new_id" | null, "reason": "…" } }';

/** `content/removals.json`, checked; problems land on the returned file (undefined: no problems). */
export function checkRemovals(contentDir: string): { removals: Removals; problem?: VFile } {
  const removals: Removals = new Map();
  const full = path.resolve(contentDir, removalsName);
  if (!existsSync(full)) return { removals };
  const source = readFileSync(full, 'utf8');
  const file = new VFile({ path: path.relative(process.cwd(), full) || full, value: source });
  let raw: unknown;
  try {
    raw = JSON.parse(source);
  } catch (error) {
    fail(file, `Unexpected invalid JSON (${(error as Error).message}), expected ${expectedShape}`, 'removals');
    return { removals, problem: file };
  }
  if (!validateRemovals(raw)) {
    for (const error of validateRemovals.errors ?? []) {
      // One message per mistake: Ajv also reports the branches of `anyOf` and the pattern inside `propertyNames`.
      if ((error.keyword === 'pattern' && error.instancePath === '') || (error.instancePath.endsWith('/see') && error.keyword !== 'anyOf')) continue;
      const propertyName = (error.params as { propertyName?: string }).propertyName;
      fail(file, shapeReason(error), 'removals', jsonPlace(source, error.instancePath || (propertyName ? `/${propertyName}` : '')));
    }
    return { removals, problem: file };
  }
  for (const [id, entry] of Object.entries(raw as Record<string, { see: string | null; reason: string }>)) {
    removals.set(id, { id, see: entry.see, reason: entry.reason, place: { file: String(file.path), ...jsonPlace(source, `/${id}`) } });
  }
  return { removals };
}

/** The declared removals; a malformed file throws a SpecError naming each problem. */
export function readRemovals(contentDir: string): Removals {
  const { removals, problem } = checkRemovals(contentDir);
  if (problem) throw new SpecError(formatMessages([problem]), [problem]);
  return removals;
}

function shapeReason(error: ErrorObject): string {
  const where = error.instancePath ? `\`${error.instancePath.slice(1).replace(/\//g, '.')}\`` : 'removals.json';
  switch (error.keyword) {
    case 'propertyNames':
      return `Unexpected id \`${(error.params as { propertyName?: string }).propertyName}\`, expected letters, digits, \`_\` and \`-\`, starting with a letter or digit`;
    case 'required':
      return `Unexpected ${where} without \`${(error.params as { missingProperty: string }).missingProperty}\`, expected ${expectedShape}`;
    case 'additionalProperties':
      return `Unexpected field \`${(error.params as { additionalProperty: string }).additionalProperty}\` in ${where}, expected only \`see\` and \`reason\``;
    case 'anyOf':
      return `Unexpected \`see\` at ${where}, expected the id of a section or example, or null`;
    case 'minLength':
      return `Unexpected empty reason at ${where}, expected a sentence saying why the id went away`;
    default:
      return `Unexpected value at ${where}, expected ${expectedShape} (${error.message ?? ''})`;
  }
}
