import { chapter, pseudoRandomBytes } from '../generate.ts';

/** NUL and other control bytes, invalid UTF-8, but no newlines: the example's structure stays. */
export default function source(): string {
  const garbage = new TextDecoder('utf-8').decode(pseudoRandomBytes(16 * 1024, 11).map((byte) => (byte === 10 || byte === 13 ? 32 : byte)));
  return `${chapter}::::example[Garbage in a message]{#garbage}\n:::user\nBefore qx3001.\n\n${garbage}\n\nAfter qx3002.\n:::\n\n:::compliant[Copes]\nThat looks like binary data qx3003.\n:::\n::::\n`;
}
