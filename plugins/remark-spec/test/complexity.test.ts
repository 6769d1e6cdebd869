// Cost must grow linearly with input size: each shape is run at size n and 4n and the time ratio
// compared with slack (linear is about 4, quadratic about 16). No absolute times are asserted.
import { describe, expect, test } from 'vitest';
import { growth, maxRatio } from './cost.ts';

const chapter = '# Chapter\n::section{#chapter}\n\n';

const example = (body: string) => `${chapter}::::example[Case]{#case}\n:::user\n${body}\n:::\n:::compliant[Ok]\nFine.\n:::\n::::\n`;

const shapes: Record<string, { shape: (n: number) => string; n: number; path?: string }> = {
  'a long line of prose': { shape: (n) => `${chapter}${'word '.repeat(n)}\n`, n: 4_000 },
  'a long line of spaces before text': { shape: (n) => `${chapter}x${' '.repeat(n)}y\n`, n: 20_000 },
  'a long settings line': { shape: (n) => example(`Hi.\n:::settings\nkey${' '.repeat(n)}value ${':'.repeat(10)}\n:::`), n: 20_000 },
  'a long settings line without a colon': { shape: (n) => example(`Hi.\n:::settings\n${' x'.repeat(n)}\n:::`), n: 5_000 },
  'many settings lines': {
    shape: (n) => example(`Hi.\n:::settings\n${Array.from({ length: n }, (_, index) => `key_${index}: value ${index}`).join('\n')}\n:::`),
    n: 400,
  },
  'many dangling links': { shape: (n) => `${chapter}${Array.from({ length: n }, (_, index) => `[link](#missing_target_${index})`).join('\n')}\n`, n: 300 },
  'many headings': {
    shape: (n) => Array.from({ length: n }, (_, index) => `## Section ${index}\n::section{#section_${index}}\n\nText ${index}.\n`).join('\n'),
    n: 100,
  },
  'many examples': {
    shape: (n) =>
      `${chapter}${Array.from({ length: n }, (_, index) => `::::example[Case ${index}]{#case_${index}}\n:::user\nHi ${index}.\n:::\n:::compliant[Ok]\nFine.\n:::\n::::\n`).join('\n')}`,
    n: 50,
  },
  'many responses in one example': { shape: (n) => example(`Hi.\n:::\n${':::compliant[Ok]\nFine.\n:::\n'.repeat(n)}:::user\nBye.`), n: 100 },
  'list markers on one line (deep lists)': { shape: (n) => `${chapter}${'- '.repeat(n)}deepest\n`, n: 20_000 },
  'many nested list lines': {
    shape: (n) => `${chapter}${Array.from({ length: n }, (_, index) => `${'  '.repeat(index % 50)}- item ${index}`).join('\n')}\n`,
    n: 300,
  },
  'containers opened and never closed': { shape: (n) => `${chapter}${':::system\ntext\n```\n\n'.repeat(n)}`, n: 100 },
  'many braces in an .mdx message': { shape: (n) => example('{x} '.repeat(n)), n: 1_000, path: 'content/complexity.mdx' },
};

describe('cost grows linearly', () => {
  for (const [name, { shape, n, path }] of Object.entries(shapes)) {
    // Other work on a shared machine can slow one measurement; a real n² fails every retry.
    test(name, { retry: 2, timeout: 120_000 }, () => {
      const ratio = growth(shape, n, path);
      expect(ratio, `time(4n) / time(n) for ${name}`).toBeLessThan(maxRatio);
    });
  }
});
