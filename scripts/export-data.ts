// Writes spec.json and examples.jsonl from the sources, without building the site:
//   npm run export -- [--content content] [--out data]
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError } from '../plugins/model/config.ts';
import { exampleRecords, examplesJsonl, specJson } from '../plugins/model/export.ts';
import { loadSpec, SpecError } from '../plugins/model/loader.ts';

const { values } = parseArgs({ options: { content: { type: 'string', default: 'content' }, out: { type: 'string', default: 'data' } } });

/** `1 example`, `0 examples`. */
const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

try {
  const spec = loadSpec(values.content!);
  mkdirSync(values.out!, { recursive: true });
  writeFileSync(path.join(values.out!, 'spec.json'), JSON.stringify(specJson(spec), null, 2) + '\n');
  const records = exampleRecords(spec);
  writeFileSync(path.join(values.out!, 'examples.jsonl'), examplesJsonl(spec, records));
  console.log(`${values.out}/spec.json: ${count(spec.chapters.length, 'chapter')}, ${count(spec.sections.size, 'section')}, ${count(spec.examples.size, 'example')}`);
  console.log(`${values.out}/examples.jsonl: ${count(records.length, 'record')}`);
} catch (error) {
  if (error instanceof SpecError || error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
