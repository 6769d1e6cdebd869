import { expect } from 'vitest';
import type { HostileResult } from '../case.ts';

export const timeLimit = 30_000;

export default function check(result: HostileResult, source: string): void {
  expect(source.length).toBeGreaterThan(1_000_000);
  expect(result.text.length).toBeGreaterThan(1_000_000);
}
