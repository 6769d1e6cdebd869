// Freezes the draft in content/ as a published release:
//   npm run release -- <version> [--date YYYY-MM-DD] [--notes FILE] [--content DIR]
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { finishPendingImport } from '../plugins/import-model-spec/index.ts';
import { ConfigError, pendingImportFolder, SpecError } from '../plugins/model/index.ts';
import { FreezeError, freezeRelease, withLock } from '../plugins/releases/index.ts';

const usage = 'Usage: npm run release -- <version> [--date YYYY-MM-DD] [--notes FILE] [--content DIR]';

function fail(message: string): never {
  console.error(`release: ${message}`);
  process.exit(1);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: { date: { type: 'string' }, notes: { type: 'string' }, content: { type: 'string', default: 'content' }, help: { type: 'boolean', short: 'h' } },
  });
} catch (error) {
  fail(`${(error as Error).message}\n${usage}`);
}
if (parsed.values.help) {
  console.log(usage);
  process.exit(0);
}
if (parsed.positionals.length !== 1) fail(`expected exactly one version, got ${parsed.positionals.length}\n${usage}`);

try {
  // An import stopped after its commit point is finished first: the draft is whole again, and the
  // release the import was making exists before this one is checked against it.
  const content = parsed.values.content!;
  if (existsSync(path.join(content, pendingImportFolder)) && withLock(content, () => finishPendingImport(content))) {
    console.log(`Finished an interrupted import into ${content}/ first.`);
  }
  const release = freezeRelease(parsed.values.content!, parsed.positionals[0]!, { date: parsed.values.date, notesFile: parsed.values.notes });
  const count = Object.keys(release.files).length;
  console.log(
    `${path.relative(process.cwd(), release.dir) || release.dir}: release ${release.version} (${release.date}), ${count} files frozen with sha256 checksums`,
  );
} catch (error) {
  // The draft's own problems are already one line each, positioned; the rest is one line.
  if (error instanceof SpecError) fail(`the draft does not build, fix it first:\n${error.message}`);
  if (error instanceof FreezeError || error instanceof ConfigError) fail(error.message);
  fail((error as Error).message);
}
