// Turns the spec into a ready eval suite for the tools people already use:
//   npm run evals:export -- --format inspect|promptfoo --out DIR [--content content] [--release <version> | --draft]
// Every sample carries our ids and the release in its metadata, so results come straight back:
// put the log (.eval, results.json) into content/evals/ and build.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, SpecError } from '../plugins/model/index.ts';
import { loadEdition } from '../plugins/releases/index.ts';
import { inspectExport } from '../plugins/evals/index.ts';
import { promptfooExport } from '../plugins/evals/index.ts';
import { evalRecords, exportNotes } from '../plugins/evals/index.ts';

const { values } = parseArgs({
  options: {
    format: { type: 'string' },
    out: { type: 'string' },
    content: { type: 'string', default: 'content' },
    release: { type: 'string' },
    draft: { type: 'boolean', default: false },
  },
});

try {
  if (values.format !== 'inspect' && values.format !== 'promptfoo')
    throw new ConfigError(`Unexpected --format ${values.format === undefined ? '(none)' : `\`${values.format}\``}, expected \`inspect\` or \`promptfoo\``, []);
  if (!values.out) throw new ConfigError('Unexpected command without --out, expected the folder to write the suite into (`--out evals-suite`)', []);
  const { spec, name } = loadEdition(values.content!, { release: values.release, draft: values.draft });
  const files = values.format === 'inspect' ? inspectExport(spec, name) : promptfooExport(spec, name);
  mkdirSync(values.out, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(values.out, file), text);
  console.log(
    `${values.format}: ${evalRecords(spec).length} samples from ${name === 'draft' ? 'the draft' : `release ${name}`} in ${values.out}/ (${Object.keys(files).join(', ')})`,
  );
  // Written all the same (the conversation is the spec's), but some providers will not take them.
  const notes = exportNotes(spec);
  if (notes.length > 0) {
    console.warn(`note: ${notes.length} sample${notes.length === 1 ? '' : 's'} some providers will not take as written:`);
    for (const note of notes.slice(0, 20)) console.warn(`  ${note}`);
    if (notes.length > 20) console.warn(`  … and ${notes.length - 20} more`);
  }
  console.log(
    values.format === 'inspect'
      ? `run: cd ${values.out} && inspect eval spec_eval.py --model <provider/model>`
      : `run: cd ${values.out} && npx promptfoo@latest eval --output results.json (set the provider in promptfooconfig.yaml)`,
  );
} catch (error) {
  if (error instanceof SpecError || error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
