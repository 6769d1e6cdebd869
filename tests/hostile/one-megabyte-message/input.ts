import { chapter } from '../generate.ts';

/** Two 500 KB paragraphs of one message, with a distinct word every 10,000 words. */
export default function source(): string {
  const words = Array.from({ length: 100_000 }, (_, index) => (index % 10_000 === 0 ? `qx${2000 + index / 10_000}` : 'lorem')).join(' ');
  const body = words.match(/.{1,100}(?:\s|$)/g)!.join('\n');
  const big = `${body}\n\n${body}`;
  return `${chapter}::::example[A very long message]{#long_message}\n:::user\n${big}\n:::\n\n:::compliant[Short answer]\nNoted qx2100.\n:::\n::::\n`;
}
