// Helpers for cases whose input is generated (too large or too binary to keep as a file).

/** The chapter heading generated inputs start with (3 lines). */
export const chapter = '# Hostile input\n::section{#hostile}\n\n';

/** Marks the place a message is expected, as in the `input.md` files. */
export const marker = '⟪!⟫';

/** Deterministic bytes (a linear congruential generator), so a failure can be replayed. */
export function pseudoRandomBytes(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let index = 0; index < length; index++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    bytes[index] = state >>> 24;
  }
  return bytes;
}
