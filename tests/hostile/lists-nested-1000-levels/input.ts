import { maxNestingDepth } from '../../../plugins/remark-spec/index.ts';
import { chapter, marker } from '../generate.ts';

/** A list nested 1,000 levels deep: refused at the first level past the limit. */
export default function source(): string {
  const items = Array.from({ length: 1000 }, (_, depth) => `${depth === maxNestingDepth ? marker : ''}${'  '.repeat(depth)}- level qx${String(4000 + depth).padStart(4, '0')}`);
  return `${chapter}${items.join('\n')}\n`;
}
