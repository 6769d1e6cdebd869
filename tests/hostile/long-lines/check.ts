import { expect } from 'vitest';
import type { HostileResult } from '../case.ts';

export default function check(result: HostileResult): void {
  expect(result.text).toContain('x'.repeat(10_000));
}
