import { expect } from 'vitest';
import type { HostileResult } from '../case.ts';

/** The author's HTML reaches the reader as text. */
export default function check(result: HostileResult): void {
  for (const literal of ['<script>alert("qx8004")</script>', '<div onclick="alert(1)">qx8005</div>', '<img src=x onerror=alert(1)>']) {
    expect(result.text).toContain(literal);
  }
}
