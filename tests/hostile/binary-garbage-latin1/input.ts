import { pseudoRandomBytes } from '../generate.ts';

/** The same 64 KB of random bytes read as Latin-1 (every byte a character, NUL included). */
export default function source(): string {
  return Buffer.from(pseudoRandomBytes(64 * 1024, 7)).toString('latin1');
}
