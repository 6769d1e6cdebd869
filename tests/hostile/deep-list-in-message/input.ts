import { maxNestingDepth } from '../../../plugins/remark-spec/index.ts';
import { chapter, marker } from '../generate.ts';

/** A numbered list nested 300 levels deep inside a message. */
export default function source(): string {
  const items = Array.from({ length: 300 }, (_, depth) => `${depth === maxNestingDepth ? marker : ''}${'  '.repeat(depth)}1. step qx${5000 + depth}`);
  return `${chapter}::::example[Deep list]{#deep_list}\n:::user\n${items.join('\n')}\n:::\n:::compliant[Ok]\nFine qx5999.\n:::\n::::\n`;
}
