import { expect } from 'vitest';
import type { HostileResult } from '../case.ts';

/** Every line stays on the page, `__proto__` as an ordinary key. */
export default function check(result: HostileResult): void {
  expect(result.html).toContain('<dt>__proto__</dt><dd>polluted</dd>');
  expect(result.html).toContain('<dt>max_tokens</dt><dd>1024</dd>');
}
