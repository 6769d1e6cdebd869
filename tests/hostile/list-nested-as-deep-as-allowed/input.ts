import { maxNestingDepth } from '../../../plugins/remark-spec/index.ts';
import { chapter } from '../generate.ts';

/** A list exactly as deep as the limit allows. */
export default function source(): string {
  const items = Array.from({ length: maxNestingDepth }, (_, depth) => `${'  '.repeat(depth)}- level qx${6000 + depth}`);
  return `${chapter}${items.join('\n')}\n`;
}
