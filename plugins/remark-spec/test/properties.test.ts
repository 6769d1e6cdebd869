// Property-based tests: random mixtures of the format's constructs never throw out of the
// pipeline, every message is positioned and carries a rule id, and cost stays linear.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { rules } from '../rules.ts';
import { grades, roles } from '../vocabulary.ts';
import { growth, maxRatio } from './cost.ts';
import { run } from './processor.ts';

const names = [...roles, ...grades, 'example', 'prompt', 'commentary', 'untrusted', 'settings', 'section', 'warning', '__proto__'];
const idLike = fc.oneof(
  fc.constantFrom('intro', 'be_honest', 'a/b', '.', '..', '?', '#', '__proto__', 'constructor', 'content', 'ms-x', '', 'x'.repeat(120)),
  fc.stringMatching(/^[a-z][a-z0-9_-]{0,12}$/),
);
const word = fc.constantFrom(
  'text',
  'Hello',
  '{x}',
  '<b>',
  '<script>',
  '10:30',
  ':',
  '::',
  '[?](#intro)',
  '[link](#nowhere)',
  '$$x$$',
  '*',
  '_',
  '`',
  '\\',
  '—',
  '\u0000',
  '\uFEFF',
  '⟪!⟫',
);
const text = fc.array(word, { minLength: 1, maxLength: 6 }).map((words) => words.join(' '));
const attributes = fc
  .array(
    fc.oneof(
      idLike.map((id) => `#${id}`),
      fc
        .tuple(fc.constantFrom('authority', 'oldids', 'tags', 'title', 'id', 'recipient', '__proto__', 'class'), fc.oneof(idLike, text))
        .map(([key, value]) => `${key}="${value.replace(/"/g, '')}"`),
    ),
    { maxLength: 3 },
  )
  .map((parts) => (parts.length ? `{${parts.join(' ')}}` : ''));

/** One line of a spec source: any construct of the format, well-formed or not. */
const line = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 7 }), text).map(([depth, title]) => `${'#'.repeat(depth)} ${title}`),
  attributes.map((attrs) => `::section${attrs}`),
  fc
    .tuple(fc.integer({ min: 2, max: 6 }), fc.constantFrom(...names), fc.option(text), attributes)
    .map(([colons, name, label, attrs]) => `${':'.repeat(colons)}${name}${label === null ? '' : `[${label}]`}${attrs}`),
  fc.integer({ min: 3, max: 6 }).map((colons) => ':'.repeat(colons)),
  fc.constantFrom('```', '~~~', '```js', '', '', '> quote', '- item', '  - nested', '1. step', '---', '| a | b |', '| --- | --- |'),
  fc.tuple(fc.constantFrom('key', 'max_tokens', '__proto__', ''), text).map(([key, value]) => `${key}: ${value}`),
  fc.tuple(fc.constantFrom('', '  ', '> ', '- '), text).map(([prefix, value]) => prefix + value),
);

const source = fc
  .tuple(fc.array(line, { maxLength: 40 }), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean())
  .map(([lines, ending, bom]) => (bom ? '\uFEFF' : '') + lines.join(ending) + ending);

describe('random mixtures of the format', () => {
  test('never throw; every message is positioned, has a rule id and names the plugin', async () => {
    await fc.assert(
      fc.asyncProperty(source, fc.constantFrom('content/random.md', 'content/random.mdx'), async (text, path) => {
        const { messages, data } = await run(text, undefined, path);
        for (const message of messages) {
          expect(message.line, String(message)).toBeGreaterThan(0);
          expect(message.column, String(message)).toBeGreaterThan(0);
          expect(Object.keys(rules), String(message)).toContain(message.ruleId);
          expect(message.source).toBe('remark-spec');
        }
        // Everything the data holds as an id follows the id rule.
        const ids = [...data.sections.flatMap((section) => [section.id, ...section.oldIds]), ...data.examples.map((example) => example.id)];
        for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/);
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  // Measured after parsing: the Markdown parser itself slows superlinearly on thousands of
  // blockquotes (remark-parse 11: 1,000 `> text` blocks 0.4 s, 4,000 blocks 13 s), which no plugin
  // can change; the plugin's own cost on any mixture must stay linear.
  test("the plugin's cost grows linearly when a random document is repeated", { retry: 1, timeout: 300_000 }, () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 5, maxLength: 20 }), (lines) => {
        const block = lines.join('\n') + '\n\n';
        const ratio = growth((n) => block.repeat(n), 50, 'content/random.md', 'after-parse');
        expect(ratio).toBeLessThan(maxRatio);
      }),
      // Each run measures twice at two sizes; a handful of shapes is enough to catch n². The seed is
      // fixed: an unlucky random mixture (thousands of nested quotes) kept the parser busy for
      // minutes before the plugin's cost was even measured, so the suite's time was a lottery.
      { numRuns: 5, seed: 1204 },
    );
  });
});
