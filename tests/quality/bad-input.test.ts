// Bad input: every rule's positioned message, hostile sources that must not crash, hang, lose
// text or run anything, and one real build that must refuse an invalid spec.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, test } from 'vitest';
import { checkBuiltLinks } from '../../plugins/astro/link-check.ts';
import { maxNestingDepth } from '../../plugins/remark-spec/limits.ts';
import { rules } from '../../plugins/remark-spec/rules.ts';
import { run } from '../../plugins/remark-spec/test/processor.ts';
import type { SpecModel } from '../../plugins/model/model.ts';
import { loadSpec, SpecError } from '../../plugins/model/loader.ts';
import { buildSite, projectRoot } from '../../scripts/harness/build-site.ts';
import type { PipelineRequest, PipelineResult } from './pipeline-worker.ts';

const fixtures = path.join(import.meta.dirname, 'fixtures');

// --- Every rule id: one malformed source, the exact message at the exact place. -------------

interface RuleCase {
  file: string;
  line: number;
  column: number;
  reason: string;
}

const ruleCases: Record<keyof typeof rules, RuleCase> = {
  'unknown-directive': {
    file: 'unknown-directive.md', line: 6, column: 1,
    reason: 'Unexpected `:::warning` directive, expected one of `:::example`, `:::prompt`, `:::commentary`, `::section`',
  },
  'unknown-authority': {
    file: 'unknown-authority.md', line: 5, column: 1,
    reason: 'Unexpected authority `sytem`, expected one of `root`, `system`, `developer`, `user`, `guideline`; did you mean `system`?',
  },
  'missing-section-id': {
    file: 'missing-section-id.md', line: 6, column: 1,
    reason: 'Unexpected heading `Be honest with users` without a stable id, expected a `::section{#id}` line right under it, such as `::section{#be_honest_with_users}`',
  },
  'misplaced-section': {
    file: 'misplaced-section.md', line: 5, column: 1,
    reason: 'Unexpected `::section` line that does not follow a heading, expected it directly under the heading it names',
  },
  'invalid-id': {
    file: 'invalid-id.md', line: 5, column: 1,
    reason: 'Unexpected section id `has spaces`, expected letters, digits, `_` and `-` (starting with a letter or digit)',
  },
  'duplicate-id': {
    file: 'duplicate-id.md', line: 9, column: 1,
    reason: 'Unexpected duplicate id `shared_id`, expected ids unique across the spec (first used at line 4)',
  },
  'example-without-response': {
    file: 'example-without-response.md', line: 4, column: 1,
    reason: 'Unexpected example `only_question` without a graded response, expected at least one of `:::compliant`, `:::violating`, `:::ok` (use `::::prompt` for an ungraded eval prompt)',
  },
  'grade-outside-example': {
    file: 'grade-outside-example.md', line: 4, column: 1,
    reason: 'Unexpected `:::compliant` outside an example, expected it inside `::::example` (if it belongs to the example above, give the example more colons than its messages: `::::example` … `::::`)',
  },
  'message-outside-example': {
    file: 'message-outside-example.md', line: 4, column: 1,
    reason: 'Unexpected `:::user` message outside an example, expected it inside `::::example` (if it belongs to the example above, give the example more colons than its messages)',
  },
  'empty-message': {
    file: 'empty-message.md', line: 9, column: 1,
    reason: 'Unexpected empty `compliant` message, expected its text between the opening and closing fences',
  },
  'malformed-nesting': {
    file: 'malformed-nesting.md', line: 4, column: 1,
    reason: 'Unexpected `:::untrusted` outside a message, expected it inside a `::::user` (or other) message with more colons than it',
  },
  'dangling-reference': {
    file: 'dangling-reference.md', line: 7, column: 5,
    reason: 'Unexpected link to `#be_honset`, expected the id of a section or example; did you mean `#be_honest`?',
  },
  'missing-example-id': {
    file: 'missing-example-id.md', line: 4, column: 1,
    reason: 'Unexpected example without an id, expected `{#id}` after its label; using `greets_the_user` for now, such as `::::example[…]{#greets_the_user}`',
  },
  'missing-rationale': {
    file: 'missing-rationale.md', line: 9, column: 1,
    reason: 'Unexpected `:::compliant` response without a rationale, expected a short reason as its label: `:::compliant[why]`',
  },
  'mdx-unsafe-text': {
    file: 'mdx-unsafe-text.mdx', line: 6, column: 16,
    reason: 'Unexpected `{` in a message of an `.mdx` file (MDX evaluates braces as code), expected a `.md` file (recommended), backticks or `\\{`',
  },
};

describe('each rule reports its id, place and message', () => {
  test('every rule id has a case here', () => {
    expect(Object.keys(ruleCases).sort()).toEqual(Object.keys(rules).sort());
  });

  for (const [ruleId, expected] of Object.entries(ruleCases) as Array<[keyof typeof rules, RuleCase]>) {
    test(ruleId, async () => {
      const source = readFileSync(path.join(fixtures, 'rules', expected.file), 'utf8');
      const { messages } = await run(source, undefined, expected.file);
      const printed = messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.reason}`);
      expect(printed).toEqual([`${expected.line}:${expected.column} ${ruleId} ${expected.reason}`]);
      expect(messages[0]!.fatal).toBe(rules[ruleId] === 'error');
      expect(messages[0]!.source).toBe('remark-spec');
    });
  }
});

describe('rules across files (loadSpec)', () => {
  test('an id defined in two files is a duplicate-id error at the second definition', () => {
    const dir = path.join(fixtures, 'cross-file-duplicate');
    let error: unknown;
    try {
      loadSpec(dir, { log: () => {} });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SpecError);
    const messages = (error as SpecError).files.flatMap((file) => file.messages.map((message) => ({ file: path.basename(file.path), message })));
    const printed = messages.map(({ file, message }) => `${file}:${message.line}:${message.column} ${message.ruleId} ${message.reason}`);
    const first = path.relative(process.cwd(), path.join(dir, '01-first.md'));
    expect(printed).toEqual([
      `02-second.md:7:11 duplicate-id Unexpected duplicate id \`shared_rule\`, expected ids unique across the spec (first used in ${first})`,
    ]);
    expect(messages[0]!.message.fatal).toBe(true);
    // The report the build prints names the file, line and column.
    expect((error as SpecError).message).toContain('02-second.md');
    expect((error as SpecError).message).toContain('7:11');
  });

  test('a reference to an id in another file resolves and is not dangling', () => {
    const spec = loadSpec(path.join(fixtures, 'cross-file-ok'), { log: () => {} });
    const second = spec.chapters.find((chapter) => chapter.slug === 'second')!;
    expect(second.data.references.map((reference) => reference.target)).toEqual(['first_rule']);
    expect(spec.files.flatMap((file) => file.messages)).toEqual([]);
  });
});

// --- Hostile input: each runs in a worker with a hard time limit. ----------------------------

let worker: Worker | undefined;
let nextId = 1;

function startWorker(): Worker {
  return new Worker(new URL('./pipeline-worker.ts', import.meta.url));
}

/** Runs the site pipeline on `source`; a run longer than `limit` ms is killed and fails. */
async function pipeline(source: string, { path: filePath = 'content/hostile.md', limit = 15_000 } = {}): Promise<PipelineResult & { ms: number }> {
  worker ??= startWorker();
  const current = worker;
  const request: PipelineRequest = { id: nextId++, source, path: filePath };
  const started = performance.now();
  return await new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void current.terminate();
      worker = undefined;
      reject(new Error(`The pipeline did not finish within ${limit} ms (a hang) on ${filePath}`));
    }, limit);
    const onMessage = (result: PipelineResult) => {
      if (result.id !== request.id) return;
      clearTimeout(timer);
      current.off('message', onMessage);
      current.off('error', onError);
      resolve({ ...result, ms: performance.now() - started });
    };
    const onError = (error: Error) => {
      clearTimeout(timer);
      worker = undefined;
      reject(error);
    };
    current.on('message', onMessage);
    current.once('error', onError);
    current.postMessage(request);
  });
}

afterAll(async () => {
  await worker?.terminate();
});

/** Distinct words put in message text, so a test can tell that every message reached the page. */
const tokenPattern = /\bqx\d{4}\b/g;

function expectSafeAndComplete(result: PipelineResult, source: string): void {
  expect(result.error, 'the pipeline threw').toBeUndefined();
  expect(result.live, 'something in the output could run').toEqual([]);
  // The serialized page as a browser tokenizes it: its tags, with attribute values unquoted.
  const tags = tagsOf(result.html);
  expect(tags.filter((tag) => tag.name === 'script').length, 'a <script> element in the output').toBe(0);
  const unsafe = tags.flatMap((tag) => Object.entries(tag.attributes).filter(([name, value]) => /^on/i.test(name) || (/^(href|src|action|formaction)$/i.test(name) && /^\s*(javascript|vbscript|data):/i.test(value))));
  expect(unsafe, 'a live handler or unsafe URL in the output').toEqual([]);
  const missing = [...new Set(source.match(tokenPattern) ?? [])].filter((token) => !result.text.includes(token));
  expect(missing, 'message text missing from the output').toEqual([]);
  for (const message of result.messages) expect(message.line, `${message.ruleId} is not positioned`).toBeGreaterThan(0);
}

/** Start tags of serialized HTML, in order; text never holds a raw `<` (it is escaped). */
function tagsOf(html: string): Array<{ name: string; attributes: Record<string, string> }> {
  const tags: Array<{ name: string; attributes: Record<string, string> }> = [];
  const tag = /<([a-zA-Z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>|<\/[a-zA-Z][\w:-]*\s*>|<!--[\s\S]*?-->|<!doctype[^>]*>/gi;
  const attribute = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  let position = 0;
  for (let index = html.indexOf('<'); index !== -1; index = html.indexOf('<', position)) {
    tag.lastIndex = index;
    const match = tag.exec(html);
    expect(match?.index, `unparseable markup at ${html.slice(index, index + 60)}`).toBe(index);
    position = tag.lastIndex;
    if (!match![1]) continue;
    const attributes: Record<string, string> = {};
    for (const [, name, double, single, bare] of match![2]!.matchAll(attribute)) attributes[name!.toLowerCase()] = decodeHtml(double ?? single ?? bare ?? '');
    tags.push({ name: match![1].toLowerCase(), attributes });
  }
  return tags;
}

function decodeHtml(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(Math.min(Number.parseInt(hex, 16), 0x10ffff)))
    .replace(/&#(\d+);?/g, (_, decimal: string) => String.fromCodePoint(Math.min(Number(decimal), 0x10ffff)))
    .replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

const printed = (result: PipelineResult) => result.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`);

const chapter = '# Hostile input\n::section{#hostile}\n\n';

describe('unterminated containers give a positioned error and keep their text', () => {
  test('an example without its closing fence', async () => {
    const source = `${chapter}::::example[Never closed]{#never_closed}\n:::user\nFirst question qx1001.\n:::\n\n:::compliant[Answers]\nAn answer qx1002.\n:::\n\nProse that the example swallowed qx1003.\n`;
    const result = await pipeline(source);
    expectSafeAndComplete(result, source);
    expect(result.messages[0]).toMatchObject({
      line: 4, column: 1, ruleId: 'malformed-nesting', fatal: true,
      reason: 'Unexpected unclosed `example` container (it runs to line 14), expected a closing line of colons as long as its opening fence',
    });
  });

  test('a message without its closing fence', async () => {
    const source = `${chapter}::::example[Message never closed]{#message_open}\n:::user\nA question qx1011.\n\n:::compliant[Answers]\nAn answer qx1012.\n:::\n::::\n`;
    const result = await pipeline(source);
    expectSafeAndComplete(result, source);
    expect(printed(result)).toEqual(['8:1 malformed-nesting', '4:1 example-without-response']);
    expect(result.messages[0]!.reason).toBe('Unexpected `:::compliant` inside the `user` message, expected messages side by side (a message closes with its own `:::` line)');
  });

  test('a commentary without its closing fence', async () => {
    const source = `${chapter}:::commentary\nA note qx1021.\n\n## Next section\n::section{#next}\n\nBody qx1022.\n`;
    const result = await pipeline(source);
    expectSafeAndComplete(result, source);
    expect(printed(result)).toEqual(['4:1 malformed-nesting', '8:1 misplaced-section']);
  });

  test('an example cut off inside a message at the end of the file', async () => {
    const source = `${chapter}::::example[Cut off]{#cut_off}\n:::user\nThe file ends here qx1031`;
    const result = await pipeline(source);
    expectSafeAndComplete(result, source);
    expect(printed(result)).toContain('4:1 malformed-nesting');
  });

  test('an example inside an example', async () => {
    const source = `${chapter}:::::example[Outer]{#outer}\n::::example[Inner]{#inner}\n:::user\nInner question qx1041.\n:::\n:::compliant[Inner answer]\nInner answer qx1042.\n:::\n::::\n:::user\nOuter question qx1043.\n:::\n:::compliant[Outer answer]\nOuter answer qx1044.\n:::\n:::::\n`;
    const result = await pipeline(source);
    expectSafeAndComplete(result, source);
    expect(result.messages[0]).toMatchObject({
      line: 5, column: 1, ruleId: 'malformed-nesting',
      reason: 'Unexpected `example` inside another example, expected examples side by side (close the first with its fence before opening the next)',
    });
  });
});

describe('size and shape extremes neither crash nor hang', () => {
  test('a 1 MB message renders whole, without messages', async () => {
    const words = Array.from({ length: 100_000 }, (_, index) => (index % 10_000 === 0 ? `qx${2000 + index / 10_000}` : 'lorem')).join(' ');
    const body = words.match(/.{1,100}(?:\s|$)/g)!.join('\n');
    expect(body.length).toBeGreaterThan(500_000);
    const big = `${body}\n\n${body}`;
    const source = `${chapter}::::example[A very long message]{#long_message}\n:::user\n${big}\n:::\n\n:::compliant[Short answer]\nNoted qx2100.\n:::\n::::\n`;
    expect(source.length).toBeGreaterThan(1_000_000);
    const result = await pipeline(source, { limit: 30_000 });
    expectSafeAndComplete(result, source);
    expect(result.messages).toEqual([]);
    expect(result.text.length).toBeGreaterThan(1_000_000);
  }, 40_000);

  test('binary garbage as a whole file', async () => {
    const bytes = pseudoRandomBytes(64 * 1024, 7);
    const source = new TextDecoder('utf-8').decode(bytes);
    const result = await pipeline(source);
    expectSafeAndComplete(result, source);
    const latin = await pipeline(Buffer.from(bytes).toString('latin1'));
    expectSafeAndComplete(latin, '');
  });

  test('binary garbage inside a message keeps the text around it', async () => {
    // NUL and other control bytes, invalid UTF-8, but no newlines: the example's structure stays.
    const garbage = new TextDecoder('utf-8').decode(pseudoRandomBytes(16 * 1024, 11).map((byte) => (byte === 10 || byte === 13 ? 32 : byte)));
    const source = `${chapter}::::example[Garbage in a message]{#garbage}\n:::user\nBefore qx3001.\n\n${garbage}\n\nAfter qx3002.\n:::\n\n:::compliant[Copes]\nThat looks like binary data qx3003.\n:::\n::::\n`;
    const result = await pipeline(source);
    expectSafeAndComplete(result, source);
    expect(result.messages.filter((message) => message.fatal)).toEqual([]);
  });

  test(`lists nested 1,000 levels deep are refused at level ${maxNestingDepth + 1}, quickly, text kept`, async () => {
    const items = Array.from({ length: 1000 }, (_, depth) => `${'  '.repeat(depth)}- level qx${String(4000 + depth).padStart(4, '0')}`);
    const source = `${chapter}${items.join('\n')}\n`;
    const result = await pipeline(source, { limit: 10_000 });
    expectSafeAndComplete(result, source);
    expect(result.messages).toEqual([{
      line: 4 + maxNestingDepth, column: 1, ruleId: 'malformed-nesting', fatal: true,
      reason: `Unexpected list or quote nested ${maxNestingDepth + 1} levels deep, expected at most ${maxNestingDepth} levels (the file is shown as plain text until this is fixed)`,
    }]);
    expect(result.ms).toBeLessThan(5_000);
  });

  test('1,000 list markers on one line, and in a message', async () => {
    const chained = `${chapter}${'- '.repeat(1000)}deepest qx4999\n`;
    const result = await pipeline(chained, { limit: 10_000 });
    expectSafeAndComplete(result, chained);
    expect(printed(result)).toEqual(['4:1 malformed-nesting']);

    const inMessage = `${chapter}::::example[Deep list]{#deep_list}\n:::user\n${Array.from({ length: 300 }, (_, depth) => `${'  '.repeat(depth)}1. step qx${5000 + depth}`).join('\n')}\n:::\n:::compliant[Ok]\nFine qx5999.\n:::\n::::\n`;
    const nested = await pipeline(inMessage, { limit: 10_000 });
    expectSafeAndComplete(nested, inMessage);
    expect(printed(nested)).toEqual([`${6 + maxNestingDepth}:1 malformed-nesting`]);
  });

  test('a list nested as deep as allowed still renders as a list', async () => {
    const items = Array.from({ length: maxNestingDepth }, (_, depth) => `${'  '.repeat(depth)}- level qx${6000 + depth}`);
    const source = `${chapter}${items.join('\n')}\n`;
    const result = await pipeline(source, { limit: 10_000 });
    expectSafeAndComplete(result, source);
    expect(result.messages).toEqual([]);
    expect(result.html.match(/<ul>/g)).toHaveLength(maxNestingDepth);
  });

  test('10,000-character lines in prose, headings, messages, code and links', async () => {
    const word = 'x'.repeat(10_000);
    const sentence = Array.from({ length: 1700 }, (_, index) => (index === 850 ? 'qx7001' : 'words')).join(' ');
    const source = [
      `# ${'Long title '.repeat(900)}qx7002`,
      '::section{#long_lines}',
      '',
      `${word} qx7003`,
      '',
      sentence,
      '',
      `[${'link text '.repeat(50)}qx7004](https://example.com/${'a'.repeat(10_000)})`,
      '',
      '::::example[Long lines in messages]{#long_lines_example}',
      ':::user',
      `${sentence} qx7005`,
      ':::',
      '',
      `:::compliant[${'rationale '.repeat(1000)}qx7006]`,
      '```',
      `${'code '.repeat(2000)}qx7007`,
      '```',
      ':::',
      '::::',
      '',
    ].join('\n');
    const result = await pipeline(source);
    expectSafeAndComplete(result, source);
    expect(result.messages).toEqual([]);
    expect(result.text).toContain(word);
  });
});

describe('hostile HTML and links render inert', () => {
  test('HTML in prose, headings, titles, rationales, messages, commentary and tables is shown as text', async () => {
    const source = [
      '# Title <script>alert("qx8001")</script>',
      '::section{#hostile_html}',
      '',
      'Prose <img src=x onerror="alert(\'qx8002\')"> and <a href="javascript:alert(1)">qx8003</a>.',
      '',
      '<script>alert("qx8004")</script>',
      '',
      '<div onclick="alert(1)">qx8005</div>',
      '',
      '<style>body { display: none } /* qx8006 */</style>',
      '',
      '<iframe src="javascript:alert(1)">qx8007</iframe>',
      '',
      '<!-- qx8008 --> <![CDATA[ qx8009 ]]> <?php echo "qx8010"; ?>',
      '',
      '| cell | <svg onload=alert(1)>qx8011</svg> |',
      '| --- | --- |',
      '| <object data="javascript:alert(1)">qx8012</object> | <embed src=javascript:alert(1)> |',
      '',
      '- item <base href="javascript:alert(1)//"> qx8013',
      '> quote <form action="javascript:alert(1)"><button>qx8014</button></form>',
      '',
      ':::commentary',
      '<script>alert("qx8015")</script>',
      ':::',
      '',
      '::::example[<script>alert("qx8016")</script> in a title]{#html_example onclick="alert(1)"}',
      '<b onmouseover="alert(1)">qx8017</b> description',
      '',
      ':::user{onclick="alert(1)" name="<script>"}',
      '<script>alert("qx8018")</script>',
      '<img src=x onerror=alert(1)> qx8019',
      ':::',
      '',
      ':::compliant[<img src=x onerror=alert("qx8020")>]',
      '<svg><script>alert("qx8021")</script></svg>',
      ':::',
      '::::',
      '',
    ].join('\n');
    const result = await pipeline(source);
    expectSafeAndComplete(result, source);
    expect(result.messages).toEqual([]);
    for (const literal of ['<script>alert("qx8004")</script>', '<div onclick="alert(1)">qx8005</div>', '<img src=x onerror=alert(1)>']) {
      expect(result.text).toContain(literal);
    }
  });

  test('`javascript:` and other unsafe links stay text, in every link syntax', async () => {
    const source = [
      '# Links',
      '::section{#links}',
      '',
      '[inline qx9001](javascript:alert(1)) [case qx9002](JaVaScRiPt:alert(1)) [entity qx9003](javascript&#x3A;alert(1))',
      '[tab qx9004](java&#9;script:alert(1)) [data qx9005](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
      '[vb qx9006](vbscript:msgbox(1)) [reference qx9007][evil] [collapsed][] ![image qx9008](javascript:alert(1)) ![ref image][evil]',
      '<javascript:alert(1)> <JAVASCRIPT:alert(2)> qx9009',
      '',
      '[evil]: javascript:alert("ref")',
      '[collapsed]: javascript:alert("collapsed")',
      '',
      '::::example[A [link qx9010](javascript:alert(1)) in a title]{#link_example}',
      ':::user',
      'Click [here qx9011](javascript:alert(document.cookie)) or [there][evil] qx9012.',
      ':::',
      '',
      ':::compliant[Does not [follow qx9013](javascript:alert(1))]',
      'Safe [https link qx9014](https://example.com) and [section](#links).',
      ':::',
      '::::',
      '',
      'Math cannot link either: $$\\href{javascript:alert(1)}{qx9015}$$ $$\\url{javascript:alert(2)}$$',
      '',
    ].join('\n');
    const result = await pipeline(source);
    expectSafeAndComplete(result, source);
    expect(result.messages).toEqual([]);
    expect(result.html).toContain('href="https://example.com"');
    expect(result.html).toContain('class="ms-unsafe-link"');
    expect(result.html).not.toMatch(/<[a-z][^<>]*\s(?:href|src)="(?:javascript|vbscript|data):/i);
  });

  test('the link checker refuses a `javascript:` link that reached a built page', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ms-links-'));
    try {
      mkdirSync(path.join(dir, 'page'));
      writeFileSync(path.join(dir, 'index.html'), '<!doctype html>\n<a href="/page/">ok</a>\n<a href="java&#x09;script:alert(1)">bad</a>\n<a href="JavaScript:alert(2)">bad</a>\n');
      writeFileSync(path.join(dir, 'page', 'index.html'), '<!doctype html><p id="x">page</p>');
      const spec = { config: { base: '/' }, chapters: [] } as unknown as SpecModel;
      const { problems } = await checkBuiltLinks(dir, spec);
      expect(problems).toEqual([
        'index.html:3: unexpected link to `java\tscript:alert(1)`, expected an http(s), mailto or site link (this scheme runs code)',
        'index.html:4: unexpected link to `JavaScript:alert(2)`, expected an http(s), mailto or site link (this scheme runs code)',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// --- One real build: an invalid spec stops `astro build` and names the place. ----------------

describe('a real build of an invalid spec', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'ms-bad-build-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  test('fails, names file:line:col and the rule ids, and produces no site', () => {
    const contentDir = path.join(fixtures, 'build-error');
    const outDir = path.join(out, 'dist');
    const result = buildSite({ contentDir, outDir });
    expect(result.status).not.toBe(0);
    const shown = path.relative(projectRoot, contentDir);
    expect(result.output).toContain(`${shown}/02-rules.md:5:1`);
    expect(result.output).toContain('unknown-authority');
    expect(result.output).toContain(`${shown}/02-rules.md:14:1`);
    expect(result.output).toContain('empty-message');
    expect(result.output).toContain(`${shown}/01-intro.md:9:5`);
    expect(result.output).toContain('dangling-reference');
    const built = existsSync(outDir) ? readdirSync(outDir, { recursive: true }).map(String).filter((file) => file.endsWith('.html')) : [];
    expect(built).toEqual([]);
  }, 120_000);
});

/** Deterministic bytes (a linear congruential generator), so a failure can be replayed. */
function pseudoRandomBytes(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let index = 0; index < length; index++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    bytes[index] = state >>> 24;
  }
  return bytes;
}
