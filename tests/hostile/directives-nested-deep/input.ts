import { maxNestingDepth } from '../../../plugins/remark-spec/index.ts';
import { chapter, marker } from '../generate.ts';

/** Directive containers opened 1,000 times and never closed: refused past the limit, text kept. */
export default function source(): string {
  const lines = Array.from({ length: 1000 }, (_, depth) => `${depth === maxNestingDepth ? marker : ''}:::system\nline qx${String(8000 + depth).padStart(4, '0')}`);
  return `${chapter}${lines.join('\n')}\n`;
}
