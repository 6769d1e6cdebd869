import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { normalizeSource } from '../source.ts';
import { run } from './processor.ts';

const source = readFileSync(new URL('fixtures/example/input.md', import.meta.url), 'utf8');
const withError = '# Chapter\n::section{#chapter}\n\n## No id\n\n::::example[Closed]{#closed}\n:::user\nHi.\n:::\n:::compliant[Ok]\nFine.\n:::\n::::\n';

const variants: Record<string, (text: string) => string> = {
  CRLF: (text) => text.replace(/\n/g, '\r\n'),
  'CR only': (text) => text.replace(/\n/g, '\r'),
  'BOM and LF': (text) => '\uFEFF' + text,
  'BOM and CRLF': (text) => '\uFEFF' + text.replace(/\n/g, '\r\n'),
};

const printed = (messages: Awaited<ReturnType<typeof run>>['messages']) =>
  messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.reason}`);

describe('line endings and byte-order marks read like LF', () => {
  for (const [name, convert] of Object.entries(variants)) {
    test(name, async () => {
      const plain = await run(source, undefined, 'example.md');
      const converted = await run(convert(source), undefined, 'example.md');
      expect(plain.messages).toEqual([]);
      expect(printed(converted.messages)).toEqual([]);
      expect(converted.html).toBe(plain.html);
      expect(converted.data).toEqual(plain.data);

      const expected = await run(withError);
      const actual = await run(convert(withError));
      expect(printed(expected.messages)).toEqual([
        '4:1 missing-section-id Unexpected heading `No id` without a stable id, expected a `::section{#id}` line right under it, such as `::section{#no_id}`',
      ]);
      expect(printed(actual.messages)).toEqual(printed(expected.messages));
    });
  }

  test('normalizeSource drops the mark and rewrites only line endings', () => {
    expect(normalizeSource('\uFEFFa\r\nb\rc\nd\r\r\n')).toBe('a\nb\nc\nd\n\n');
    expect(normalizeSource('no change\n')).toBe('no change\n');
    expect(normalizeSource('a\uFEFFb')).toBe('a\uFEFFb');
  });
});

test('the plugin reads CR-only trees right even from a parser it did not guard', async () => {
  const { unified } = await import('unified');
  const { default: remarkParse } = await import('remark-parse');
  const { default: remarkDirective } = await import('remark-directive');
  const { default: remarkSpec } = await import('../index.ts');
  const { VFile } = await import('vfile');
  const file = new VFile({ path: 'cr.md', value: source.replace(/\n/g, '\r') });
  const parser = unified().use(remarkParse).use(remarkDirective);
  unified().use(remarkSpec).runSync(parser.parse(file), file);
  expect(file.messages.map(String)).toEqual([]);
  expect(file.data.spec!.examples.length).toBeGreaterThan(0);
});
