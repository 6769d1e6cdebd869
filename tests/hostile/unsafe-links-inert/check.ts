import { expect } from 'vitest';
import type { HostileResult } from '../case.ts';

/** Safe links stay links; unsafe ones are marked text in every syntax. */
export default function check(result: HostileResult): void {
  expect(result.html).toContain('href="https://example.com"');
  expect(result.html).toContain('class="ms-unsafe-link"');
  expect(result.html).not.toMatch(/<[a-z][^<>]*\s(?:href|src)="(?:javascript|vbscript|data):/i);
}
