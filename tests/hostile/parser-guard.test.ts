// The pre-parse guard: inputs that hit the Markdown parser's quadratic paths are refused, in
// linear time, before the parser sees them.
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { readChapter } from '../../plugins/model/index.ts';
import { findDeepNesting, findSlowInline, maxDelimitersPerParagraph } from '../../plugins/remark-spec/index.ts';

const read = (value: string) => {
  const file = new VFile({ path: 'x.md', value });
  const started = performance.now();
  const tree = readChapter(file, 'md');
  return { file, tree, ms: performance.now() - started };
};

describe('slow inline paths are refused before parsing', () => {
  for (const [name, paragraph] of [
    ['alternating markers', '_*'.repeat(30_000)],
    ['strong openers', '**a'.repeat(30_000)],
    ['link openers', '[a]('.repeat(30_000)],
    ['nested brackets', '['.repeat(30_000) + 'a' + ']'.repeat(30_000)],
    ['backtick runs that never close', Array.from({ length: 2500 }, (_, index) => '`'.repeat(index + 1)).join(' ')],
    [
      'a few unclosed backtick runs in a very long paragraph',
      Array.from({ length: 8 }, (_, index) => '`'.repeat(index + 1)).join(' ') + ' word'.repeat(1_000_000),
    ],
    ['a table row of 40,000 cells', `|${'a|'.repeat(40_000)}\n|${'-|'.repeat(40_000)}`],
  ] as const) {
    it(name, () => {
      const { file, tree } = read(`# T\n\nIntro.\n\n${paragraph}\n`);
      expect(file.messages.map((message) => `${message.line} ${message.ruleId}`)).toEqual(['5 pathological-markup']);
      // Kept whole as text: nothing lost.
      expect(tree.children).toEqual([expect.objectContaining({ type: 'code', value: expect.stringContaining(paragraph) })]);
    });
  }

  it('leaves real prose alone: many paragraphs, lists and table rows each under the limit', () => {
    const prose = Array.from({ length: 50 }, () => `Some *emphasis*, __strong__ and [a link](x) ${'_a_ '.repeat(200)}`).join('\n\n');
    const list = Array.from({ length: 2000 }, (_, index) => `- item *${index}* [x](y)`).join('\n');
    const table = '| a | b |\n| - | - |\n' + Array.from({ length: 2000 }, () => '| *x* | _y_ |').join('\n');
    const code = Array.from({ length: 50 }, () => `Call \`run()\`, then \`\`a \` b\`\` and \`stop()\` ${'word '.repeat(1000)}`).join('\n\n');
    const wide = `|${' a |'.repeat(200)}\n|${' - |'.repeat(200)}\n`;
    for (const text of [prose, list, table, code, wide]) expect(findSlowInline(text)).toBeUndefined();
    expect(findSlowInline('```\n' + '_*'.repeat(10_000) + '\n```\n')).toBeUndefined();
  });
});

describe('the guard is linear (n against 4n)', () => {
  const cost = (run: () => unknown) => {
    const times = [];
    for (let index = 0; index < 5; index++) {
      const started = performance.now();
      run();
      times.push(performance.now() - started);
    }
    return Math.min(...times);
  };
  it('findSlowInline and findDeepNesting', () => {
    // Paragraphs just under the limit: the worst case that still passes.
    const doc = (n: number) => Array.from({ length: n }, () => '_*'.repeat(maxDelimitersPerParagraph / 2 - 1)).join('\n\n');
    const small = doc(500);
    const large = doc(2_000);
    cost(() => findSlowInline(small));
    const ratio = cost(() => findSlowInline(large)) / cost(() => findSlowInline(small));
    expect(ratio).toBeLessThan(8);
    const nested = (n: number) => Array.from({ length: n }, () => '> '.repeat(90) + 'x').join('\n');
    const nestSmall = nested(2_000);
    const nestLarge = nested(8_000);
    cost(() => findDeepNesting(nestSmall));
    expect(cost(() => findDeepNesting(nestLarge)) / cost(() => findDeepNesting(nestSmall))).toBeLessThan(8);
  });
});
