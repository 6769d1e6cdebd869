import { pseudoRandomBytes } from '../generate.ts';

/** 64 KB of random bytes read as UTF-8 (invalid sequences become U+FFFD). */
export default function source(): string {
  return new TextDecoder('utf-8').decode(pseudoRandomBytes(64 * 1024, 7));
}
