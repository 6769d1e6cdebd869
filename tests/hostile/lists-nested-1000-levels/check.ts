import { expect } from 'vitest';
import { maxNestingDepth } from '../../../plugins/remark-spec/index.ts';
import type { HostileResult } from '../case.ts';

export const timeLimit = 10_000;

export default function check(result: HostileResult): void {
  expect(result.messages[0]!.reason).toBe(
    `Unexpected list or quote nested ${maxNestingDepth + 1} levels deep, expected at most ${maxNestingDepth} levels (the file is shown as plain text until this is fixed)`,
  );
  expect(result.ms).toBeLessThan(5_000);
}
