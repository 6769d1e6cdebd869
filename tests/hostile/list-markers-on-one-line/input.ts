import { chapter, marker } from '../generate.ts';

/** 1,000 list markers chained on one line. */
export default function source(): string {
  return `${chapter}${marker}${'- '.repeat(1000)}deepest qx4999\n`;
}
