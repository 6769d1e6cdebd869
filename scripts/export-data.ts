// Writes spec.json and examples.jsonl from the sources, without building the site:
//   npm run export -- [--content content] [--out data] [--release <version> | --draft]
// By default the data is what the site publishes at its root: the latest release, or the draft
// while nothing is released.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, exampleRecords, examplesJsonl, specJson, SpecError } from '../plugins/model/index.ts';
import { loadEdition } from '../plugins/releases/index.ts';

const { values } = parseArgs({
  options: {
    content: { type: 'string', default: 'content' },
    out: { type: 'string', default: 'data' },
    release: { type: 'string' },
    draft: { type: 'boolean', default: false },
  },
});

/** `1 example`, `0 examples`. */
const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

try {
  // A release is published where the site is now, as the build does it.
  const { spec, name } = loadEdition(values.content!, { release: values.release, draft: values.draft });
  mkdirSync(values.out!, { recursive: true });
  writeFileSync(path.join(values.out!, 'spec.json'), JSON.stringify(specJson(spec), null, 2) + '\n');
  const records = exampleRecords(spec);
  writeFileSync(path.join(values.out!, 'examples.jsonl'), examplesJsonl(spec, records));
  const examples = [...spec.examples.values()];
  const conversations = examples.filter(({ example }) => example.kind === 'example').length;
  console.log(
    `${name === 'draft' ? name : `release ${name}`}: ${values.out}/spec.json: ${count(spec.chapters.length, 'chapter')}, ${count(spec.sections.size, 'section')}, ${count(conversations, 'example')}, ${count(examples.length - conversations, 'eval prompt')}`,
  );
  console.log(`${values.out}/examples.jsonl: ${count(records.length, 'record')}`);
} catch (error) {
  if (error instanceof SpecError || error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
