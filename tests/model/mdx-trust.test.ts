import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { VFile } from 'vfile';
import { afterAll, describe, expect, it } from 'vitest';
import type { MdxPolicy } from '../../plugins/model/index.ts';
import { readChapter } from '../../plugins/model/index.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'mdx-trust-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes the chapter, reads it on the loader's one road (`readChapter`), and returns its messages. */
function check(name: string, source: string, policy: MdxPolicy, sources = ['mdx-trust']): string[] {
  const filePath = path.join(dir, name);
  writeFileSync(filePath, source);
  const file = new VFile({ path: filePath, value: readFileSync(filePath, 'utf8') });
  readChapter(file, /\.mdx$/i.test(name) ? 'mdx' : 'md', policy);
  return file.messages.map((message) => {
    expect(sources).toContain(message.source);
    return `${message.line}:${message.column} ${message.fatal ? 'error' : 'warning'} ${message.reason} [${message.ruleId}]`;
  });
}

const withEsm = `import Chart from './chart.jsx'

export const meta = { title: 'x' }

# Title

<Chart data={[1, 2]} />
`;

const unsafe = `# Title

<script>alert(1)</script>

<button onClick={() => alert(1)} type="button">Go</button>

<div dangerouslySetInnerHTML={{ __html: '<b>x</b>' }} />

A <a href="javascript:alert(1)">link</a>, <a href="java\tscript:x()">another</a>, <a href={"javascript:" + 1}>a third</a>, <a href="https://example.com">fine</a>.
`;

describe('checkMdxTrust', () => {
  it('"refuse": one error at 1:1 for any .mdx chapter, whatever it holds', () => {
    expect(check('02-components.mdx', '# Just text\n', 'refuse')).toEqual([
      expect.stringMatching(
        /^1:1 error Unexpected MDX chapter `02-components\.mdx`, expected `\.md` chapters only: this spec's config sets `"mdx": "refuse"` .* \[mdx-refused\]$/,
      ),
    ]);
    expect(check('03-upper.MDX', '# Just text\n', 'refuse')).toHaveLength(1);
  });

  it('"no-esm": an error at each import and export block', () => {
    expect(check('02-esm.mdx', withEsm, 'no-esm')).toEqual([
      '1:1 error Unexpected `import` (`import Chart from \'./chart.jsx\'`), expected no `import` or `export` in chapters: this spec\'s config sets `"mdx": "no-esm"` [mdx-esm]',
      '3:1 error Unexpected `export` (`export const meta = { title: \'x\' }`), expected no `import` or `export` in chapters: this spec\'s config sets `"mdx": "no-esm"` [mdx-esm]',
    ]);
    expect(check('02-esm.mdx', withEsm, 'allow')).toEqual([]);
    // Lines with no blank line between them are one block, so one error.
    expect(check('03-block.mdx', "import A from './a.js'\nimport B from './b.js'\n\n# T\n", 'no-esm')).toEqual([
      expect.stringMatching(/^1:1 error Unexpected `import`/),
    ]);
  });

  it('warns about inline script in JSX in every mode that reads the file', () => {
    for (const policy of ['allow', 'no-esm'] as const) {
      expect(check('04-unsafe.mdx', unsafe, policy)).toEqual([
        "3:1 warning Unexpected `<script>` element, expected no scripts in chapters: it would run in every reader's browser [mdx-script]",
        "5:9 warning Unexpected event handler `onClick` on `<button>`, expected no inline script in chapters: it would run in every reader's browser [mdx-event-handler]",
        '7:6 warning Unexpected `dangerouslySetInnerHTML` on `<div>`, expected content as Markdown or JSX children: raw HTML put this way is not escaped [mdx-inner-html]',
        '9:6 warning Unexpected `javascript:` URL in `href` on `<a>`, expected an http(s) or relative URL: it would run script when followed [mdx-javascript-url]',
        expect.stringMatching(/^9:\d+ warning Unexpected `javascript:` URL in `href`/),
        expect.stringMatching(/^9:\d+ warning Unexpected `javascript:` URL in `href`/),
      ]);
    }
  });

  it('leaves .md chapters alone: their HTML is text', () => {
    expect(check('05-plain.md', '# Title\n', 'refuse')).toEqual([]);
  });

  // Real chapters carry `::section{#id}` lines: the check must read them (it once gave up on them).
  const chapter = (body: string) => `# Rules\n::section{#rules authority=guideline}\n\nProse.\n\n${body}\n\n## More\n::section{#more}\n\nText {1 + 1}.\n`;

  it('reads chapters with section directives: exports, scripts, handlers and javascript: URLs are found', () => {
    expect(check('06-real.mdx', chapter("export const x = require('node:fs').writeFileSync('/tmp/pwned', 'x')"), 'no-esm')).toEqual([
      expect.stringMatching(/^6:1 error Unexpected `export` .* \[mdx-esm\]$/),
    ]);
    expect(
      check('07-real.mdx', chapter('<script>alert(1)</script>\n\n<img src="x" onError="alert(1)" />\n\n<a href="javascript:alert(1)">x</a>'), 'allow'),
    ).toEqual([
      expect.stringMatching(/^6:1 warning .*\[mdx-script\]$/),
      expect.stringMatching(/^8:14 warning .*\[mdx-event-handler\]$/),
      expect.stringMatching(/^10:4 warning .*\[mdx-javascript-url\]$/),
    ]);
  });

  it('fails closed: a chapter remark-mdx cannot read is refused at the place it stops', () => {
    for (const policy of ['allow', 'no-esm'] as const) {
      expect(check('08-broken.mdx', chapter('A comment <!-- hidden --> and <b>unclosed'), policy, ['remark-spec'])).toEqual([
        expect.stringMatching(/^6:\d+ error Unexpected text MDX cannot read \(.*\), expected valid MDX.* \[mdx-unreadable\]$/),
      ]);
    }
  });
});
