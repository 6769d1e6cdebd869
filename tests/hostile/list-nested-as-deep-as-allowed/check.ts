import { expect } from 'vitest';
import { maxNestingDepth } from '../../../plugins/remark-spec/index.ts';
import type { HostileResult } from '../case.ts';

export const timeLimit = 10_000;

/** Still a list, every level of it. */
export default function check(result: HostileResult): void {
  expect(result.html.match(/<ul>/g)).toHaveLength(maxNestingDepth);
}
