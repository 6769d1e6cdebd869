// The dev server parses an edited chapter piece by piece (heading to heading) and reuses the
// pieces an edit did not touch. The tree must be exactly the one parsing the whole file gives,
// positions included, whatever the file holds. A file's first read is whole; pieces are kept
// from its second read on.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Root } from 'mdast';
import { VFile } from 'vfile';
import { expect, test } from 'vitest';
import { ParsedPieces, specParser } from '../../plugins/model/index.ts';

const whole = specParser('md').freeze();

function reader() {
  const pieces = new ParsedPieces();
  const parsed: string[] = [];
  const parse = (document: string) => {
    parsed.push(document);
    return whole.parse(new VFile({ value: document })) as Root;
  };
  return { parsed, read: (document: string) => pieces.parse(document, new VFile({ value: document }), parse) };
}

const expectSame = (read: (document: string) => Root, document: string) =>
  expect(read(document), JSON.stringify(document)).toStrictEqual(whole.parse(new VFile({ value: document })));

test('the project’s chapters read the same, first from scratch and then from the pieces', () => {
  const dir = path.resolve('content');
  const { read } = reader();
  for (const name of readdirSync(dir).filter((file) => file.endsWith('.md'))) {
    const document = readFileSync(path.join(dir, name), 'utf8');
    for (let time = 0; time < 3; time++) expectSame(read, document);
  }
});

test('an edit parses only the piece it touched', () => {
  const document = ['# One\n\nFirst.', '# Two\n\n- a list\n- of items', '# Three\n\n:::note\ninside\n:::', '# Four\n\nLast.\n'].join('\n\n');
  const { read, parsed } = reader();
  read(document);
  expect(parsed).toEqual([document]);
  parsed.length = 0;
  read(document);
  expect(parsed).toHaveLength(4);
  parsed.length = 0;
  const edited = document.replace('of items', 'of three items\n\nand a paragraph more');
  expectSame(read, edited);
  expect(parsed).toEqual(['# Two\n\n- a list\n- of three items\n\nand a paragraph more\n\n']);
});

test.each([
  ['a code fence left open', '# A\n\n```\ncode\n\n# Not a heading\n'],
  ['a longer fence closed by a short one', '# A\n\n````\n```\n\n# Still code\n````\n'],
  ['a math block left open', '# A\n\n$$\nx\n\n# Still math\n'],
  ['a directive container', '# A\n\n:::note\ntext\n\n# A heading inside it\n\n:::\n\n# After\n'],
  ['nested containers', '# A\n\n::::note\n:::aside\nx\n:::\n\n# Inside the outer\n\n::::\n'],
  ['a fence in a list item', '# A\n\n- ```\n  code\n\n# B\n'],
  ['a link definition used before it', '# A\n\nSee [the site][s].\n\n# B\n\n[s]: https://example.com\n'],
  ['a footnote', '# A\n\nText[^1].\n\n# B\n\n[^1]: The note.\n'],
  ['an HTML comment across a heading', '# A\n\n<!-- a comment\n\n# hidden\n-->\n\n# B\n'],
  ['an HTML block without a blank line', '# A\n\n<div>\n# in the block\n</div>\n\n# B\n'],
  ['a heading without a blank line before it', '# A\ntext\n# B\n\n# C\n'],
  ['tabs and spaces on the blank line', '# A\n\nx\n \t\n# B\n'],
  ['headings of every level and an empty one', '# A\n\n## B\n\n###### C\n\n#\n\n# \n\n#hashtag\n'],
])('%s reads as the whole file does', (_name, document) => {
  const { read } = reader();
  for (let time = 0; time < 3; time++) expectSame(read, document);
});

test('a piece seen last, then followed by a heading, is checked for what it left open', () => {
  const { read } = reader();
  const first = '# A\n\nx\n\n# B\n\n```\ncode\n\n';
  expectSame(read, first);
  expectSame(read, first);
  expectSame(read, `${first}# C\n`);
});

test('memory keeps the pieces of each file as last read, and nothing of a file read once', () => {
  const pieces = new ParsedPieces();
  const parse = (document: string) => whole.parse(new VFile({ value: document })) as Root;
  const kept = () => (pieces as unknown as { files: Map<string, Map<string, unknown> | null> }).files;
  pieces.parse('# A\n\nx\n\n# B\n', new VFile({ path: 'once.md' }), parse);
  expect(kept().get('once.md')).toBeNull();
  for (const body of ['one', 'two', 'three']) pieces.parse(`# A\n\n${body}\n\n# B\n`, new VFile({ path: 'edited.md' }), parse);
  expect([...kept().get('edited.md')!.keys()]).toEqual(['# A\n\nthree\n\n', '# B\n']);
});

test('random documents and edits of them read as whole files do', () => {
  const atoms = [
    '\n',
    '\n\n',
    '\n\n# H\n',
    '\n\n## H2 x\n',
    'text ',
    '- item\n',
    '  - sub\n',
    '> quote\n',
    '```\n',
    '~~~\n',
    '    indented\n',
    ':::example{#e}\n',
    ':::\n',
    '::::\n',
    '$$\n',
    '| a | b |\n| - | - |\n',
    '<div>\n',
    '1. one\n',
    '***\n',
    '===\n',
    '---\n',
    '#hashtag\n',
    '*em* ',
    '[x](#y) ',
    '`c` ',
    '\n\n#\n',
    '::section{#s}\n',
    '> ```\n',
    '- ```\n',
    '  ```\n',
    'http://x.y/z?a&b ',
  ];
  let seed = 7;
  const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const { read } = reader();
  let mismatches = 0;
  for (let run = 0; run < 400; run++) {
    let document = '';
    for (let count = 3 + Math.floor(random() * 30); count > 0; count--) document += atoms[Math.floor(random() * atoms.length)];
    for (const version of [document, `${document}\n\n# Next\n`, document.slice(0, document.length >> 1)])
      if (!isDeepStrictEqual(read(version), whole.parse(new VFile({ value: version })))) mismatches++;
  }
  expect(mismatches).toBe(0);
});
