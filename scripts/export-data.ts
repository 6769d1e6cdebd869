// Writes spec.json and examples.jsonl from the sources, without building the site:
//   npm run export -- [--content content] [--out data]
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { examplesJsonl, specJson } from '../plugins/model/export.ts';
import { loadSpec, SpecError } from '../plugins/model/loader.ts';

const { values } = parseArgs({ options: { content: { type: 'string', default: 'content' }, out: { type: 'string', default: 'data' } } });
try {
  const spec = loadSpec(values.content!);
  mkdirSync(values.out!, { recursive: true });
  writeFileSync(path.join(values.out!, 'spec.json'), JSON.stringify(specJson(spec), null, 2) + '\n');
  const jsonl = examplesJsonl(spec);
  writeFileSync(path.join(values.out!, 'examples.jsonl'), jsonl);
  console.log(`${values.out}/spec.json: ${spec.chapters.length} chapters, ${spec.sections.size} sections, ${spec.examples.size} examples`);
  console.log(`${values.out}/examples.jsonl: ${jsonl.trimEnd().split('\n').length} records`);
} catch (error) {
  if (error instanceof SpecError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
