import { existsSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import type { VFile } from 'vfile';
import { SpecError, formatMessages, readJsonDocument } from '../model/index.ts';
import { idMessage, idProblem } from '../remark-spec/index.ts';
import type { Removals } from './types.ts';

export const removalsName = 'removals.json';

export const removalsSchema = {
  type: 'object',
  additionalProperties: {
    type: 'object',
    required: ['see', 'reason'],
    additionalProperties: false,
    properties: {
      see: { type: ['string', 'null'] },
      reason: { type: 'string', minLength: 1 },
    },
  },
} as const;

// Checked against the meta-schema by test/schemas.test.ts, not on every build. Compiled when first
// needed: most builds have no such file to check, and compiling costs about 15 ms.
let compiled: ValidateFunction | undefined;
const validateRemovals = () => (compiled ??= new Ajv2020({ allErrors: true, strict: true, validateSchema: false }).compile(removalsSchema));

const expectedShape = '{ "old_id": { "see": "new_id" | null, "reason": "…" } }';

/** `content/removals.json`, checked; problems land on the returned file (undefined: no problems). */
export function checkRemovals(contentDir: string): { removals: Removals; problem?: VFile } {
  const removals: Removals = new Map();
  const full = path.resolve(contentDir, removalsName);
  if (!existsSync(full)) return { removals };
  const document = readJsonDocument(full, {
    source: 'model-spec-site',
    ruleId: 'removals',
    expected: expectedShape,
    validate: validateRemovals(),
    describe: (error) => ({ reason: shapeReason(error) }),
  });
  const { file } = document;
  const raw = document.raw;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { removals, problem: file };
  const entries = Object.entries(raw as Record<string, { see?: unknown; reason: string }>);
  // The id rule of every id in the spec (pattern, length, reserved names), for the id and its `see`.
  for (const [id, entry] of entries) {
    const problem = idProblem(id);
    if (problem) document.fail(idMessage('removed id', id, problem), [id], 'removals', true);
    const see = typeof entry === 'object' && entry !== null ? entry.see : undefined;
    const seeProblem = typeof see === 'string' ? idProblem(see) : undefined;
    if (seeProblem) document.fail(idMessage('`see` id', see as string, seeProblem), [id, 'see'], 'removals');
  }
  if (file.messages.some((message) => message.fatal)) return { removals, problem: file };
  for (const [id, entry] of entries) {
    removals.set(id, {
      id,
      see: entry.see as string | null,
      reason: entry.reason,
      place: { file: String(file.path), ...lineColumn(document.place([id], true).start) },
    });
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
    case 'required':
      return `Unexpected ${where} without \`${(error.params as { missingProperty: string }).missingProperty}\`, expected ${expectedShape}`;
    case 'additionalProperties':
      return `Unexpected field \`${(error.params as { additionalProperty: string }).additionalProperty}\` in ${where}, expected only \`see\` and \`reason\``;
    case 'type':
      return error.instancePath.endsWith('/see')
        ? `Unexpected \`see\` at ${where}, expected the id of a section or example, or null`
        : `Unexpected value at ${where}, expected ${expectedShape}`;
    case 'minLength':
      return `Unexpected empty reason at ${where}, expected a sentence saying why the id went away`;
    default:
      return `Unexpected value at ${where}, expected ${expectedShape} (${error.message ?? ''})`;
  }
}

function lineColumn(point: { line: number; column: number }): { line: number; column: number } {
  return { line: point.line, column: point.column };
}
