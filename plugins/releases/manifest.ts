import { createHash } from 'node:crypto';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import type { VFile } from 'vfile';
import { parseJsonDocument, type JsonDocument } from '../model/index.ts';
import { fail } from './messages.ts';
import type { ReleaseManifest } from './types.ts';
import { isReleaseDate, isReleaseVersion, shortVersion, versionExpectation } from './version.ts';

export const manifestName = 'release.json';
export const notesName = 'notes.md';

/** The sha256 of a file's bytes, hex: what release.json records per file. */
export function checksum(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const sha256 = { type: 'string', pattern: '^[0-9a-f]{64}$' } as const;

export const manifestSchema = {
  type: 'object',
  required: ['version', 'date', 'files', 'previous', 'checksum'],
  additionalProperties: false,
  properties: {
    version: { type: 'string' },
    date: { type: 'string' },
    notes: { const: notesName },
    files: { type: 'object', additionalProperties: sha256 },
    previous: {
      anyOf: [
        { type: 'null' },
        { type: 'object', required: ['version', 'checksum'], additionalProperties: false, properties: { version: { type: 'string' }, checksum: sha256 } },
      ],
    },
    checksum: sha256,
  },
} as const;

/**
 * The sha256 of everything that decides what a release is and where it stands: version, date,
 * notes, every file's checksum, and the release before it (so editing an old release's date or
 * order breaks this checksum, or the next release's `previous`).
 */
export function manifestChecksum(manifest: Omit<ReleaseManifest, 'checksum'>): string {
  const files = Object.entries(manifest.files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return checksum(JSON.stringify([manifest.version, manifest.date, manifest.notes ?? null, files, manifest.previous]));
}

// Checked against the meta-schema by test/schemas.test.ts, not on every build. Compiled when first
// needed: most builds have no such file to check, and compiling costs about 15 ms.
let compiled: ValidateFunction | undefined;
const validateManifest = () => (compiled ??= new Ajv2020({ allErrors: true, strict: true, validateSchema: false }).compile(manifestSchema));

/**
 * Reads release.json of the snapshot folder `folder`, reporting every problem on `file` at the
 * place it concerns. Returns the manifest, or undefined when it cannot be trusted.
 */
export function parseManifest(file: VFile, folder: string): { manifest: ReleaseManifest | undefined; place: JsonDocument['place'] } {
  const document = parseJsonDocument(file, {
    source: 'model-spec-site',
    ruleId: 'release-manifest',
    expected: '{ "version", "date", "files": { … } }',
    validate: validateManifest(),
    describe: (error) => ({ reason: shapeReason(error) }),
  });
  if (document.value === undefined) return { manifest: undefined, place: document.place };
  const manifest = document.value as ReleaseManifest;
  const at = (pointer: string) => document.place([pointer]).start;
  let valid = true;
  if (!isReleaseVersion(manifest.version)) {
    fail(file, `Unexpected version \`${shortVersion(manifest.version)}\`, expected ${versionExpectation}`, 'release-manifest', at('version'));
    valid = false;
  } else if (manifest.version !== folder) {
    fail(
      file,
      `Unexpected version \`${shortVersion(manifest.version)}\` in the folder \`${shortVersion(folder)}\`, expected the version to match its folder's name`,
      'release-manifest',
      at('version'),
    );
    valid = false;
  }
  if (!isReleaseDate(manifest.date)) {
    fail(file, `Unexpected date \`${manifest.date}\`, expected a calendar date written YYYY-MM-DD`, 'release-manifest', at('date'));
    valid = false;
  }
  if (manifest.notes && !(manifest.notes in manifest.files)) {
    fail(file, `Unexpected notes \`${manifest.notes}\` without a checksum, expected \`files\` to list it`, 'release-manifest', at('notes'));
    valid = false;
  }
  if (!Object.keys(manifest.files).some((name) => /\.mdx?$/i.test(name))) {
    fail(
      file,
      `Unexpected release ${shortVersion(manifest.version)} without chapters, expected at least one \`.md\` chapter in \`files\``,
      'release-manifest',
      at('files'),
    );
    valid = false;
  }
  if (isReleaseVersion(manifest.version) && isReleaseDate(manifest.version) && isReleaseDate(manifest.date) && manifest.version < manifest.date) {
    fail(
      file,
      `Unexpected version ${manifest.version} earlier than its date ${manifest.date}, expected a date version no earlier than the release date`,
      'release-manifest',
      at('version'),
    );
    valid = false;
  }
  if (valid && manifestChecksum(manifest) !== manifest.checksum) {
    fail(
      file,
      `Unexpected change to release.json (its \`checksum\` no longer matches its version, date, notes, files and previous release), expected published releases never to change; restore it from version control`,
      'frozen-release',
      at('checksum'),
    );
    valid = false;
  }
  return { manifest: valid ? manifest : undefined, place: document.place };
}

/** An Ajv error in the project's "Unexpected X, expected Y" form. */
function shapeReason(error: ErrorObject): string {
  const where = error.instancePath ? `\`${error.instancePath.slice(1).replace(/\//g, '.')}\`` : 'release.json';
  switch (error.keyword) {
    case 'required':
      return `Unexpected ${where} without \`${(error.params as { missingProperty: string }).missingProperty}\`, expected { "version", "date", "files": { … } }`;
    case 'additionalProperties':
      return `Unexpected field \`${(error.params as { additionalProperty: string }).additionalProperty}\` in ${where}, expected only version, date, notes, files, previous and checksum`;
    case 'pattern':
      return `Unexpected checksum at ${where}, expected 64 lower-case hex digits (sha256)`;
    case 'const':
      return `Unexpected notes file at ${where}, expected "${notesName}"`;
    default:
      return `Unexpected value at ${where}, expected it to ${error.message ?? 'match the release.json shape'}`;
  }
}
