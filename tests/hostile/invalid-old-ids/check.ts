import { expect } from 'vitest';
import type { HostileResult } from '../case.ts';

/** Only the valid old id becomes an anchor; the others are reported, not written into the page. */
export default function check(result: HostileResult): void {
  expect(result.html).toContain('id="good_old_id"');
  for (const bad of ['a/b', '.', '..', '?', '#', 'constructor', 'ms-search-input']) expect(result.html).not.toContain(`id="${bad}"`);
}
