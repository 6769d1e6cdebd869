// Records every id the spec has now in content/anchors.lock.json (run when publishing a release):
//   npm run anchors [-- --content content]
import { parseArgs } from 'node:util';
import { writeAnchorLock } from '../plugins/model/anchor-lock.ts';
import { loadSpec, SpecError } from '../plugins/model/loader.ts';

const { values } = parseArgs({ options: { content: { type: 'string', default: 'content' } } });
try {
  const spec = loadSpec(values.content!, { ignoreAnchorLock: true });
  const count = writeAnchorLock(spec.contentDir, spec.targets);
  console.log(`${values.content}/anchors.lock.json: ${count} ids across ${spec.chapters.length} chapters`);
} catch (error) {
  if (error instanceof SpecError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
