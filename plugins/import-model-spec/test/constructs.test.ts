import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { readChapter } from '../../model/index.ts';
import { importModelSpec, type ImportOptions, type ImportResult } from '../index.ts';
import { figures, parseImported } from './pipeline.ts';

/** Imports a fixture and checks that every output file parses in our format without errors. */
function convert(source: string, options: ImportOptions = {}): ImportResult & { text: string } {
  const result = importModelSpec(source, options);
  const parsed = parseImported(result);
  expect(parsed.errors, 'remark-spec errors').toEqual([]);
  expect(parsed.warnings, 'remark-spec warnings').toEqual([]);
  return { ...result, text: result.files.map((file) => file.content).join('\n') };
}

const messages = (result: ImportResult) => result.warnings.map((warning) => `${warning.file ?? ''}:${warning.line}: ${warning.message}`);

const example = (body: string, title = 'a title') => `**Example**: ${title}\n\n~~~xml\n${body}\n~~~\n`;

describe('headings and chapters', () => {
  it('turns `{#id authority=level}` into a `::section` line and splits chapters at `#`', () => {
    const result = convert(
      '# Overview {#overview}\n\nIntro text.\n\n## Follow instructions {#follow authority=root}\n\nBody.\n\n# Stay in bounds {#stay_in_bounds}\n\n### Deep {#deep authority=guideline}\n\nMore.\n',
    );
    expect(result.files.map((file) => file.path)).toEqual(['01-overview.md', '02-stay-in-bounds.md']);
    expect(result.files[0]!.content).toBe(
      '# Overview\n::section{#overview}\n\nIntro text.\n\n## Follow instructions\n::section{#follow authority=root}\n\nBody.\n',
    );
    expect(result.files[1]!.content).toContain('### Deep\n::section{#deep authority=guideline}\n');
    expect(result.summary).toMatchObject({ chapters: 2, sections: 4, sectionsWithAuthority: 2, generatedSectionIds: 0 });
    expect(result.warnings).toEqual([]);
  });

  it('pins headings without an id with their slug, and reports it', () => {
    const result = convert('# Overview {#overview}\n\n## Why we do this\n\nText.\n\n## Why we do this\n');
    expect(result.text).toContain('## Why we do this\n::section{#why_we_do_this}');
    expect(result.text).toContain('::section{#why_we_do_this_2}');
    expect(result.summary.generatedSectionIds).toBe(2);
    expect(messages(result)).toEqual([
      ':3: Heading `Why we do this` has no `{#id}`; pinned as `why_we_do_this`',
      ':7: Heading `Why we do this` has no `{#id}`; pinned as `why_we_do_this_2`',
    ]);
  });

  it('reports duplicate ids, and keeps attributes our format has no place for as text', () => {
    const result = convert('# A {#a}\n\n## B {#a .wide data=`x`}\n\nBody.\n');
    expect(result.text).toContain('## B\n::section{#a_2}\n\nHeading attributes of the upstream source: `.wide` `` data=`x` ``\n\nBody.\n');
    expect(messages(result)).toEqual([
      ':3: Unexpected heading attribute `.wide`, `data=`x``, expected `#id`, `authority=` or `tags=`; kept as text under the heading',
      ':3: Duplicate heading id `a`; this one is renamed',
    ]);
  });

  it('normalises odd authority values to level names, or keeps them as text with the line', () => {
    const result = convert(
      '# O {#o}\n\n## A {#a authority=Root}\n\n## B {#b authority=**user**}\n\n## C {#c authority="`guideline`"}\n\n## D {#d authority=<b>system</b>}\n\n## E {#e authority=root/user}\n',
    );
    expect(result.text).toContain('## A\n::section{#a authority=root}');
    expect(result.text).toContain('## B\n::section{#b authority=user}');
    expect(result.text).toContain('## C\n::section{#c authority=guideline}');
    expect(result.text).toContain('## D\n::section{#d authority=system}');
    expect(result.text).toContain('## E\n::section{#e}\n\nHeading attributes of the upstream source: `authority=root/user`');
    expect(result.config.authorityLevels.map((level) => level.name)).toEqual(['root', 'system', 'user', 'guideline']);
    expect(messages(result)).toEqual([
      ':3: Unexpected authority `Root`, expected a lower-case level name; read as `root`',
      ':5: Unexpected authority `**user**`, expected a lower-case level name; read as `user`',
      ':7: Unexpected authority ``guideline``, expected a lower-case level name; read as `guideline`',
      ':9: Unexpected authority `<b>system</b>`, expected a lower-case level name; read as `system`',
      ':11: Unexpected authority `root/user`, expected a level name such as `root` or `user`; the section has no authority and the value is kept as text under the heading',
    ]);
  });

  it('writes `tags=under_18` as `tags="under_18"` on the section line', () => {
    // remark-spec learns `tags` on another branch; until then only the text is checked here.
    const result = importModelSpec('# O {#o}\n\n## Prioritize safety for teens {#prioritize_teen_safety authority=root tags=under_18}\n');
    expect(result.files[0]!.content).toContain('## Prioritize safety for teens\n::section{#prioritize_teen_safety authority=root tags="under_18"}\n');
    expect(result.warnings).toEqual([]);
  });

  it('puts text before the first `#` heading into an introduction chapter', () => {
    const result = convert('Preamble paragraph.\n\n# First {#first}\n\nText.\n');
    expect(result.files.map((file) => file.path)).toEqual(['01-introduction.md', '02-first.md']);
    expect(result.files[0]!.content).toBe('# Introduction\n::section{#introduction}\n\nPreamble paragraph.\n');
    expect(messages(result)).toEqual([':1: Text before the first `#` heading; put in an "Introduction" chapter']);
  });

  it('does not read `#` lines inside code or examples as headings', () => {
    const result = convert(
      '# A {#a}\n\n```python\n# a comment\n```\n\n' +
        example('<user>\nfix this\n</user>\n<comparison>\n<assistant> <!-- GOOD -->\n```python\n# [...] imports\n```\n</assistant>\n</comparison>'),
    );
    expect(result.summary.sections).toBe(1);
    expect(result.files).toHaveLength(1);
  });

  it('reads setext headings as headings and says so', () => {
    const result = convert('# A {#a}\n\nSub title\n---------\n\nText.\n');
    expect(result.text).toContain('## Sub title\n::section{#sub_title}');
    expect(messages(result)[0]).toBe(':3: Setext heading (underlined with `-`) read as a level-2 heading');
  });
});

describe('commentary', () => {
  it('turns `!!! meta "Commentary"` into a de-indented `:::commentary`', () => {
    const result = convert('# A {#a}\n\n!!! meta "Commentary"\n\n    First paragraph.\n\n    - a list\n        - nested\n\n    Last [link](#a).\nAfter.\n');
    expect(result.text).toContain(':::commentary\nFirst paragraph.\n\n- a list\n    - nested\n\nLast [link](#a).\n:::\nAfter.');
    expect(result.summary.commentary).toBe(1);
    expect(figures(parseImported(result)).commentary).toBe(1);
  });

  it('gives a commentary holding an example more colons than the example', () => {
    const result = convert(
      '# A {#a}\n\n!!! meta "Commentary"\n    Note.\n\n    **Example**: inside\n\n    ~~~xml\n    <user>\n    hi\n    </user>\n    <comparison>\n    <assistant> <!-- GOOD -->\n    hello\n    </assistant>\n    </comparison>\n    ~~~\n',
    );
    expect(result.text).toContain(':::::commentary\nNote.\n\n::::example[Inside]{#ex_inside}\n:::user\nhi\n:::\n');
    expect(result.text).toMatch(/::::\n:::::\n$/);
    const data = figures(parseImported(result));
    expect(data.commentary).toBe(1);
    expect(data.examples).toBe(1);
  });

  it('keeps other titles in bold and other admonitions as blockquotes', () => {
    const result = convert('# A {#a}\n\n!!! meta "Why"\n    Because.\n\n!!! note "Heads up"\n    Careful.\n');
    expect(result.text).toContain(':::commentary\n**Why**\n\nBecause.\n:::');
    expect(result.text).toContain('> **Heads up**\n>\n> Careful.');
    expect(messages(result)).toEqual([':6: Admonition `!!! note` has no equivalent in our format; kept as a blockquote']);
  });
});

describe('examples', () => {
  it('capitalizes a title as the official pages show it: each part of its first word', () => {
    const titled = (title: string) =>
      convert('# A {#a}\n\n' + example('<user>\nHi\n</user>\n<comparison>\n<assistant> <!-- GOOD -->\nHello.\n</assistant>\n</comparison>', title)).text.match(
        /::::example\[(.*)\]\{/,
      )![1];
    expect(titled('user/developer conflict: tutoring')).toBe('User/Developer conflict: tutoring');
    expect(titled('nit-picking a trivial inaccuracy')).toBe('Nit-Picking a trivial inaccuracy');
    expect(titled('U.S. select agents')).toBe('U.S. select agents');
    expect(titled('`max_token` limit')).toBe('`max_token` limit');
    expect(titled('über-cautious refusals')).toBe('Über-Cautious refusals');
  });
  it('writes messages and graded responses as directives', () => {
    const result = convert(
      '# A {#a}\n\n' +
        example(
          '<developer>\nBe brief.\n</developer>\n<user>\nHi\n</user>\n<comparison>\n<assistant> <!-- GOOD: short -->\nHello.\n</assistant>\n<assistant> <!-- BAD -->\nHello, how are you today?\n</assistant>\n<assistant> <!-- OK, a bit long -->\nHello there.\n</assistant>\n</comparison>',
          'greeting',
        ),
    );
    expect(result.text).toContain(
      '::::example[Greeting]{#ex_greeting}\n:::developer\nBe brief.\n:::\n\n:::user\nHi\n:::\n\n:::compliant[short]\nHello.\n:::\n\n:::violating\nHello, how are you today?\n:::\n\n:::ok[a bit long]\nHello there.\n:::\n::::',
    );
    expect(result.summary.grades).toEqual({ good: 1, bad: 1, ok: 1 });
    const [parsed] = figures(parseImported(result)).all;
    expect(parsed!.turns.map((turn) => (turn.kind === 'response' ? `${turn.grade}:${turn.rationale}` : turn.role))).toEqual([
      'developer',
      'user',
      'compliant:short',
      'violating:',
      'ok:a bit long',
    ]);
  });

  it('keeps tag attributes and section references in grades', () => {
    const result = convert(
      '# A {#a}\n\n' +
        example(
          '<assistant recipient="browser" end_turn="false">\nopen_url("x")\n</assistant>\n<tool name="browser">\npage\n</tool>\n<user comment="\'Hi\' in Korean">\n안녕\n</user>\n<comparison>\n<assistant recipient="functions.ask"> <!-- GOOD -->\n{}\n</assistant>\n<assistant> <!-- BAD[#a]: rude -->\nno\n</assistant>\n<assistant> <!-- BAD[#a] -->\nnope\n</assistant>\n</comparison>',
        ),
    );
    expect(result.text).toContain(':::assistant{recipient=browser end_turn=false}\nopen_url("x")\n:::');
    expect(result.text).toContain(':::tool{name=browser}\npage\n:::');
    expect(result.text).toContain(`:::user{comment="'Hi' in Korean"}`);
    expect(result.text).toContain(':::compliant{recipient=functions.ask}\n{}\n:::');
    expect(result.text).toContain(':::violating[rude; conflicts with [?](#a)]\nno\n:::');
    expect(result.text).toContain(':::violating[Conflicts with [?](#a)]\nnope\n:::');
    const [parsed] = figures(parseImported(result)).all;
    expect(parsed!.turns[0]!.attributes).toEqual({ recipient: 'browser', end_turn: 'false' });
    expect(parsed!.turns[2]!.attributes).toEqual({ comment: "'Hi' in Korean" });
  });

  it('writes a system message that holds only settings as the settings block without text', () => {
    const result = importModelSpec(
      '# A {#a}\n\n' +
        example(
          '<system>\n<settings>\nunder_18: true\n</settings>\n</system>\n<user>\nhi\n</user>\n<comparison>\n<assistant> <!-- GOOD -->\nhello\n</assistant>\n</comparison>',
          'teen',
        ),
    );
    expect(result.files[0]!.content).toContain(':::::example[Teen]{#ex_teen}\n::::system\n:::settings\nunder_18: true\n:::\n::::\n\n:::user\nhi\n:::');
    expect(result.warnings).toEqual([]);
  });

  it('nests <untrusted> and <settings>, so the message takes four colons and the example five', () => {
    const result = convert(
      '# A {#a}\n\n' +
        example(
          '<developer>\nIs this spam?\n<untrusted>\nBuy PUGCOIN!\n</untrusted>\n<settings>\nmax_tokens: 1024\n</settings>\n</developer>\n<comparison>\n<assistant> <!-- GOOD -->\nYES\n</assistant>\n</comparison>',
          'spam',
        ),
    );
    expect(result.text).toContain(
      ':::::example[Spam]{#ex_spam}\n::::developer\nIs this spam?\n:::untrusted\nBuy PUGCOIN!\n:::\n:::settings\nmax_tokens: 1024\n:::\n::::\n\n:::compliant\nYES\n:::\n:::::',
    );
    const [parsed] = figures(parseImported(result)).all;
    const developer = parsed!.turns[0]!;
    expect(developer.untrusted).toEqual(['Buy PUGCOIN!']);
    expect(developer.settings).toEqual({ max_tokens: '1024' });
  });

  it('reads bare attributes and capitalised role tags, and keeps unknown tags in place as messages, never above the conversation', () => {
    const result = convert(
      '# A {#a}\n\n' +
        example(
          '<User>\nrun it\n</User>\n<assistant recipient="python" end_turn>\nprint(1)\n</assistant>\n<function name="x">\n{"ok": true}\n</function>\n<note>\n<comparison>\n<assistant> <!-- GOOD -->\ndone\n</assistant>\n</comparison>',
        ),
    );
    expect(result.text).toContain(
      '::::example[A title]{#ex_a_title}\n:::user\nrun it\n:::\n\n:::assistant{recipient=python end_turn=""}\nprint(1)\n:::\n\n:::tool{tag=function name=x}\n{"ok": true}\n:::\n\n:::tool{tag=note}\n<note>\n:::\n\n:::compliant\ndone\n:::\n::::',
    );
    const [parsed] = figures(parseImported(result)).all;
    expect(parsed!.turns.map((turn) => (turn.kind === 'response' ? turn.grade : turn.role))).toEqual(['user', 'assistant', 'tool', 'tool', 'compliant']);
    expect(parsed!.turns[1]!.attributes).toEqual({ recipient: 'python', end_turn: '' });
    expect(messages(result)).toEqual([
      ':6: Unexpected `<User>`, expected lower-case `<user>`; read as `<user>`',
      ':12: Unexpected tag `<function>` in an example, expected one of `<system>`, `<developer>`, `<user>`, `<assistant>`, `<tool>`; kept in place as a `:::tool` message with `tag=function`',
      ':15: Unexpected tag `<note>` in an example, expected one of `<system>`, `<developer>`, `<user>`, `<assistant>`, `<tool>`; kept in place as a `:::tool` message with `tag=note` (it is never closed: the message holds this line, as written)',
    ]);
  });

  it('reads <untrusted> with attributes (kept on the message), so a following <settings> is not swallowed', () => {
    const result = convert(
      '# A {#a}\n\n' +
        example(
          '<developer>\nIs this spam?\n<untrusted source="web">\nBuy PUGCOIN!\n</untrusted>\n<settings>\nmax_tokens: 1024\n</settings>\n</developer>\n<comparison>\n<assistant> <!-- GOOD -->\nYES\n</assistant>\n</comparison>',
          'spam',
        ),
    );
    expect(result.text).toContain(
      ':::::example[Spam]{#ex_spam}\n::::developer{untrusted_source=web}\nIs this spam?\n:::untrusted\nBuy PUGCOIN!\n:::\n:::settings\nmax_tokens: 1024\n:::\n::::\n\n:::compliant\nYES\n:::\n:::::',
    );
    const developer = figures(parseImported(result)).all[0]!.turns[0]!;
    expect(developer.untrusted).toEqual(['Buy PUGCOIN!']);
    expect(developer.settings).toEqual({ max_tokens: '1024' });
    expect(developer.attributes).toEqual({ untrusted_source: 'web' });
    expect(messages(result)).toEqual([
      ':8: Unexpected attribute `source="web"` on `<untrusted>`, expected none (`:::untrusted` takes no attributes); kept on the message as `untrusted_source`',
    ]);
  });

  it('keeps comparisons mid-conversation', () => {
    const result = convert(
      '# A {#a}\n\n' +
        example(
          '<user>\none\n</user>\n<comparison>\n<assistant> <!-- GOOD -->\nA\n</assistant>\n</comparison>\n<user>\ntwo\n</user>\n<comparison>\n<assistant> <!-- GOOD -->\nB\n</assistant>\n<assistant> <!-- BAD -->\nC\n</assistant>\n</comparison>',
        ),
    );
    const [parsed] = figures(parseImported(result)).all;
    expect(parsed!.turns.map((turn) => (turn.kind === 'response' ? turn.comparison : turn.role))).toEqual(['user', 0, 'user', 1, 1]);
  });

  it('writes an example without grades as a prompt, with a warning', () => {
    const result = convert('# A {#a}\n\n' + example('<assistant recipient="python" end_turn="false">\nimport this\n</assistant>', 'rendering'));
    expect(result.text).toContain('::::prompt[Rendering]{#ex_rendering}\n:::assistant{recipient=python end_turn=false}\nimport this\n:::\n::::');
    expect(result.summary).toMatchObject({ examples: 1, ungradedExamples: 1 });
    expect(messages(result)).toEqual([':3: Example without a graded response; written as `::::prompt` (our examples need at least one)']);
  });

  it('gives ids from titles, de-duplicated and deterministic', () => {
    const body = '<user>\nx\n</user>\n<comparison>\n<assistant> <!-- GOOD -->\ny\n</assistant>\n</comparison>';
    const source = `# A {#a}\n\n${example(body, 'Same title')}\n${example(body, 'Same title')}\n${example(body, 'request against the [?](#a) section, which is a very long title indeed')}`;
    const first = convert(source);
    expect(first.text).toContain('{#ex_same_title}');
    expect(first.text).toContain('{#ex_same_title_2}');
    expect(first.text).toContain(
      '::::example[Request against the [?](#a) section, which is a very long title indeed]{#ex_request_against_the_a_section_which_is_a_very}',
    );
    expect(convert(source).text).toBe(first.text);
  });

  it('tolerates stray markers and reports tags it cannot place', () => {
    const result = convert(
      '# A {#a}\n\n' +
        example('<user>\nq\n</user>\n[...]\n*<comparison>\n*<assistant> <!-- GOOD -->\nr\n</assistant>\n*</comparison>\n<assistant> <!-- GOOD -->\ns'),
    );
    expect(result.text).toContain('::::example[A title]{#ex_a_title}\n[...]\n\n:::user\nq\n:::');
    expect(messages(result)).toEqual([
      ":9: Text outside any message in an example: `[...]`; kept in the example's description (upstream's rendering drops it)",
      ':10: Stray `*` before `<comparison>`; read as the tag',
      ':11: Stray `*` before `<assistant>`; read as the tag',
      ':14: Stray `*` before `</comparison>`; read as the tag',
      ':15: Graded response outside `<comparison>`; kept as a graded response',
      ':15: `<assistant>` is not closed before the end of the example; closed there',
    ]);
  });

  it('finds examples inside list items', () => {
    const result = convert(
      '# A {#a}\n\n- A point:\n\n    **Example**: listed\n\n    ~~~xml\n    <user>\n    hi\n    </user>\n    <comparison>\n    <assistant> <!-- GOOD -->\n    hey\n    </assistant>\n    </comparison>\n    ~~~\n\n- Next point.\n',
    );
    expect(result.text).toContain('    ::::example[Listed]{#ex_listed}\n    :::user\n    hi\n    :::');
    expect(figures(parseImported(result)).examples).toBe(1);
  });

  it('reports a title without a conversation and a conversation without a title', () => {
    const result = convert(
      '# A {#a}\n\n**Example**: nothing follows\n\nText.\n\n~~~xml\n<user>\nq\n</user>\n<comparison>\n<assistant> <!-- GOOD -->\nr\n</assistant>\n</comparison>\n~~~\n',
    );
    expect(result.text).toContain('**Example**: nothing follows');
    expect(result.text).toContain('::::example[Untitled example]{#ex_example}');
    expect(messages(result)).toEqual([
      ':3: `**Example**` line not followed by a `~~~xml` conversation; kept as text',
      ':7: `~~~xml` conversation without an `**Example**:` title line; titled "Untitled example"',
    ]);
  });
});

describe('message text stays the author text without breaking the structure', () => {
  const graded = (text: string) => `<user>\nq\n</user>\n<comparison>\n<assistant> <!-- GOOD -->\n${text}\n</assistant>\n</comparison>`;

  it('raises the colons of a message whose text has a colon line', () => {
    const result = convert('# A {#a}\n\n' + example(graded('Before\n:::\nAfter\n```\n::::\n```')));
    // The longest colon line inside is `::::` (in code), so the response takes five colons and
    // the example six; the text itself is unchanged.
    expect(result.text).toContain('::::::example[A title]{#ex_a_title}');
    expect(result.text).toContain(':::::compliant\nBefore\n:::\nAfter\n```\n::::\n```\n:::::\n::::::');
    const [parsed] = figures(parseImported(result)).all;
    expect(parsed!.turns[1]!.content).toBe('Before\n:::\nAfter\n```\n::::\n```');
  });

  it('escapes a line that would open a directive', () => {
    const result = convert('# A {#a}\n\n' + example(graded(':::note\nstill text\n::leaf{x=1}')));
    expect(result.text).toContain(':::compliant\n\\:::note\nstill text\n\\::leaf{x=1}\n:::');
    expect(messages(result)).toEqual([
      ':11: Line in message starts like a directive; wrote `\\:::note` so it stays text',
      ':13: Line in message starts like a directive; wrote `\\::leaf{x=1}` so it stays text',
    ]);
  });

  it('keeps headings, HTML, braces and an unclosed code fence inside a message', () => {
    const body = '# Not a section\n<script>alert(1)</script> {braces} <!-- c --> 10:30\n```python\ndef get_';
    const result = convert('# A {#a}\n\n' + example(graded(body)));
    const parsed = figures(parseImported(result));
    expect(parsed.sections.map((section) => section.id)).toEqual(['a']);
    expect(parsed.all[0]!.turns[1]!.content).toBe(body);
  });
});

describe('math', () => {
  it('converts \\\\( \\\\) and \\\\[ \\\\] to $$ and undoes Markdown escapes inside', () => {
    const result = convert(
      '# A {#a}\n\nThe volume is \\\\( \\frac{4}{3}\\pi r^3 \\\\) and `\\\\( code \\\\)`.\n\n' +
        example(graded2('The derivative:\n\n\\\\[\n\\\\frac{d}{dx} x^2 = 2x\n\\\\]')),
    );
    expect(result.text).toContain('The volume is $$\\frac{4}{3}\\pi r^3$$ and `\\\\( code \\\\)`.');
    expect(result.text).toContain('The derivative:\n\n$$\n\\frac{d}{dx} x^2 = 2x\n$$');
    expect(result.summary.math).toEqual({ inline: 1, display: 1 });
  });

  it('reads $…$ as math only where it cannot be a price', () => {
    const result = convert('# A {#a}\n\nIt costs $5 or $10, and $x^2$ is a square; $5-$10 stays.\n');
    expect(result.text).toContain('It costs $5 or $10, and $$x^2$$ is a square; $5-$10 stays.');
    expect(messages(result)).toEqual([':3: Read `$x^2$` as math (single-dollar TeX) and wrote it as `$$x^2$$`; check it is not a price']);
  });

  it('leaves prose that names the delimiters alone', () => {
    const result = convert('# A {#a}\n\nFor math, use \\\\( \\... \\\\) for inline math.\n');
    expect(result.text).toContain('For math, use \\\\( \\... \\\\) for inline math.');
    expect(result.summary.math.inline).toBe(0);
  });
});

function graded2(text: string): string {
  return `<user>\nq\n</user>\n<comparison>\n<assistant> <!-- GOOD -->\n${text}\n</assistant>\n</comparison>`;
}

describe('eval prompts and footnotes', () => {
  const promptFile = (name: string, section: string) =>
    `Examples for [^${name}] in ${section}:\n\n**Example**: first prompt\n\n~~~xml\n<user>\nHello\n</user>\n~~~\n\n**Example**: second prompt\n\n~~~xml\n<system>\nBe terse.\n</system>\n<user>\nHi\n</user>\n~~~\n`;

  it('drops the footnote marker from the prose and appends the prompts to the citing section', () => {
    const result = convert('# A {#a}\n\nFollow the spec[^ab12]. More text.\n\n## B {#b}\n\nOther.\n', { examples: { ab12: promptFile('ab12', 'A') } });
    expect(result.text).toContain('Follow the spec. More text.');
    expect(result.files[0]!.content).toBe(
      '# A\n::section{#a}\n\nFollow the spec. More text.\n\n' +
        '::::prompt[First prompt]{#prompt_ab12_1 group=ab12}\n:::user\nHello\n:::\n::::\n\n' +
        '::::prompt[Second prompt]{#prompt_ab12_2 group=ab12}\n:::system\nBe terse.\n:::\n\n:::user\nHi\n:::\n::::\n\n' +
        '## B\n::section{#b}\n\nOther.\n',
    );
    expect(result.summary.evalPrompts).toEqual({ files: 1, prompts: 2, linkedFootnotes: 1, missingFiles: 0, uncitedFiles: 0 });
    const parsed = figures(parseImported(result));
    expect(parsed.evalPrompts).toBe(2);
    expect(parsed.all.map((prompt) => [prompt.kind, prompt.section, prompt.attributes.group])).toEqual([
      ['prompt', 'a', 'ab12'],
      ['prompt', 'a', 'ab12'],
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('reads a marker before a colon as a marker, not a definition', () => {
    const result = convert('# A {#a}\n\nAny of the following[^ab12]:\n\n- one\n', { examples: { ab12: promptFile('ab12', 'A') } });
    expect(result.text).toContain('Any of the following:');
    expect(result.summary.evalPrompts.linkedFootnotes).toBe(1);
  });

  it('warns about a footnote without a file and keeps it as written', () => {
    const result = convert('# A {#a}\n\nText[^zz99].\n');
    expect(result.text).toContain('Text[^zz99].');
    expect(messages(result)).toEqual([':3: Footnote `[^zz99]` names no eval-prompt file (`zz99.md`); kept as written']);
    expect(result.summary.evalPrompts.missingFiles).toBe(1);
  });

  it('places the prompts of an uncited file by its header, or in a final chapter', () => {
    const result = convert('# A {#a}\n\nText.\n\n## Bee {#b}\n\nMore.\n', {
      examples: { cd34: promptFile('cd34', 'Bee'), ef56: promptFile('ef56', 'Nowhere') },
    });
    expect(result.files.map((file) => file.path)).toEqual(['01-a.md', '02-unreferenced-eval-prompts.md']);
    expect(result.files[0]!.content).toContain('## Bee\n::section{#b}\n\nMore.\n\n::::prompt[First prompt]{#prompt_cd34_1 group=cd34}');
    expect(result.files[1]!.content).toContain('# Unreferenced eval prompts\n::section{#unreferenced_eval_prompts}');
    expect(result.files[1]!.content).toContain('{#prompt_ef56_1 group=ef56}');
    expect(messages(result)).toEqual([
      'examples/cd34.md:1: No footnote `[^cd34]` cites this file; its prompts are placed at the end of "Bee", the section its header names',
      'examples/ef56.md:1: No footnote `[^ef56]` cites this file and its header names no section; its prompts go to the "Unreferenced eval prompts" chapter',
    ]);
    expect(result.summary.evalPrompts.uncitedFiles).toBe(2);
  });

  it('reports problems inside a prompt file with that file and line', () => {
    const result = convert('# A {#a}\n\nText[^gh78].\n', {
      examples: { gh78: 'Examples for [^gh78] in A:\n\n**Example**: t\n\n~~~xml\n*<user>\nq\n</user>\n~~~\n' },
    });
    expect(messages(result)).toEqual(['examples/gh78.md:6: Stray `*` before `<user>`; read as the tag']);
  });
});

describe('references and plain characters', () => {
  it('keeps [?](#id) links and reports links to unknown ids', () => {
    const result = importModelSpec('# A {#a}\n\nSee [?](#a) and [this](#missing).\n');
    expect(result.files[0]!.content).toContain('See [?](#a) and [this](#missing).');
    expect(messages(result)).toEqual([':3: Link to `#missing` names no section or example; the build will report it as a dangling reference']);
  });

  it('passes tables, lists, code, raw HTML, colons and single dollars through verbatim', () => {
    const body = '| a | b |\n| --- | --- |\n| 1 | 2 |\n\n1. one\n    - nested\n\n```js\nconst s = `${name}`;\n```\n\nAt 10:30 a <b>tag</b> costs $5.';
    const result = convert(`# A {#a}\n\n${body}\n`);
    expect(result.files[0]!.content).toBe(`# A\n::section{#a}\n\n${body}\n`);
    expect(result.warnings).toEqual([]);
  });

  it('escapes prose lines that would open a directive', () => {
    const result = convert('# A {#a}\n\n:::warning\ntext\n');
    expect(result.text).toContain('\\:::warning\ntext');
    expect(result.warnings).toHaveLength(1);
  });
});

describe('configuration', () => {
  it('ranks the levels found (platform first) with descriptions from the text', () => {
    const result = importModelSpec(
      '# Overview {#overview}\n\nThe spec says how models behave. It is public.\n\n- **Platform**: Rules that cannot be overridden. More words.\n- **User**: Instructions from end users.\n\n## G {#g authority=guideline}\n\n## U {#u authority=user}\n\n## P {#p authority=platform}\n\n## D {#d authority=developer}\n',
      { title: 'OpenAI Model Spec', version: '2025-02-12' },
    );
    expect(result.config).toEqual({
      title: 'OpenAI Model Spec',
      shortTitle: 'OpenAI Model Spec',
      description: 'The spec says how models behave. It is public.',
      version: '2025-02-12',
      authorityLevels: [
        { name: 'platform', label: 'Platform', description: 'Rules that cannot be overridden.' },
        { name: 'developer', label: 'Developer', description: 'Instructions given by developers; they override user and guideline defaults.' },
        { name: 'user', label: 'User', description: 'Instructions from end users.' },
        { name: 'guideline', label: 'Guideline', description: 'Defaults that can be overridden implicitly, by context.' },
      ],
      rules: { 'missing-rationale': 'off' },
      typography: 'smart',
    });
  });

  it('declares the default levels when the release names none (the config needs one)', () => {
    const result = importModelSpec('# O {#o}\n\nText.\n');
    expect(result.config.authorityLevels.map((level) => level.name)).toEqual(['root', 'system', 'developer', 'user', 'guideline']);
  });

  it('orders root before system and reports unknown levels', () => {
    const result = importModelSpec('# O {#o}\n\n## S {#s authority=system}\n\n## X {#x authority=team}\n\n## R {#r authority=root}\n');
    expect(result.config.authorityLevels.map((level) => level.name)).toEqual(['root', 'system', 'team']);
    expect(messages(result)).toEqual([':5: Unknown authority level `team`; declared after the known levels, check its rank in spec.config.json']);
  });
});

describe('what else an upstream file may hold', () => {
  const promptFile = (name: string, section: string) =>
    `Examples for [^${name}] in ${section}:\n\n**Example**: first prompt\n\n~~~xml\n<user>\nHello\n</user>\n~~~\n`;
  /** The site's reading of a chapter (mdast), as JSON, to see what GFM keeps. */
  const tree = (content: string) => JSON.stringify(readChapter(new VFile({ path: '01-a.md', value: content }), 'md'));

  it('strips a UTF-8 byte order mark before the first heading, in the spec and in a prompt file', () => {
    const result = convert('\uFEFF# Overview {#overview}\n\nText[^ab12].\n', { examples: { ab12: `\uFEFF${promptFile('ab12', 'Overview')}` } });
    expect(result.files.map((file) => file.path)).toEqual(['01-overview.md']);
    expect(result.files[0]!.content).toMatch(/^# Overview\n::section\{#overview\}\n\nText\.\n/);
    expect(result.text).not.toContain('\uFEFF');
    expect(result.warnings).toEqual([]);
  });

  it('drops YAML front matter at the very start, naming its keys, and keeps the line numbers', () => {
    const result = convert('---\ntitle: X\nversion: 2025-12-18\n---\n# Overview {#overview}\n\n## Untitled\n');
    expect(result.files.map((file) => file.path)).toEqual(['01-overview.md']);
    expect(result.text).not.toContain('version');
    expect(result.summary.sections).toBe(2);
    expect(messages(result)).toEqual([
      ':1: Unexpected YAML front matter (lines 1-4, keys `title`, `version`), expected Markdown; dropped (pass --title / --version to use its values)',
      ':7: Heading `Untitled` has no `{#id}`; pinned as `untitled`',
    ]);
  });

  it('reads `---` below a list item continuation line as a thematic break, not a setext heading', () => {
    const result = convert('# O {#o}\n\n- item one\n  continued line\n---\n\nAfter.\n');
    expect(result.summary.sections).toBe(1);
    expect(result.files[0]!.content).toContain('- item one\n  continued line\n---\n\nAfter.\n');
    expect(result.warnings).toEqual([]);
  });

  it('keeps a marker that has a footnote definition (the text stays), and still places its prompts', () => {
    const result = convert('# A {#a}\n\nFollow the spec[^ab12].\n\n[^ab12]: Definition text.\n', { examples: { ab12: promptFile('ab12', 'A') } });
    expect(result.files[0]!.content).toContain('Follow the spec[^ab12].\n\n[^ab12]: Definition text.\n');
    expect(result.text).toContain('::::prompt[First prompt]{#prompt_ab12_1 group=ab12}');
    expect(result.summary.evalPrompts).toMatchObject({ linkedFootnotes: 1, missingFiles: 0 });
    expect(tree(result.files[0]!.content)).toContain('"type":"footnoteDefinition"');
    expect(result.warnings).toEqual([]);
  });

  it('keeps a footnote definition no marker of its chapter cites as visible text, with a warning', () => {
    const result = convert('# A {#a}\n\nText.\n\n[^zz]: Orphan text.\n\n# B {#b}\n\nCites[^yy].\n\n# C {#c}\n\n[^yy]: Elsewhere.\n');
    expect(result.files[0]!.content).toContain('\\[^zz]: Orphan text.');
    expect(tree(result.files[0]!.content)).toContain('[^zz]: Orphan text.');
    expect(result.files[2]!.content).toContain('\\[^yy]: Elsewhere.');
    expect(messages(result)).toEqual([
      ':5: Footnote definition `[^zz]:` is cited by no marker in its chapter; kept as text (`\\[^zz]:`) so it is not dropped',
      ':9: Footnote `[^yy]` names no eval-prompt file (`yy.md`); kept as written',
      ':13: Footnote definition `[^yy]:` is cited by no marker in its chapter; kept as text (`\\[^yy]:`) so it is not dropped',
    ]);
  });

  it('reads a grade comment that is the first content of the message, also one spanning lines', () => {
    const result = convert(
      '# A {#a}\n\n' +
        example(
          '<user>\nhi\n</user>\n<comparison>\n<assistant>\n<!-- GOOD -->\nA\n</assistant>\n<assistant> <!-- BAD: the assistant\nanswers rudely -->\nB\n</assistant>\n<assistant>\n\n<!-- OK: fine,\n  really --> C\n</assistant>\n<assistant>\n<!-- a note -->\nD\n</assistant>\n</comparison>',
        ),
    );
    expect(result.text).toContain(
      ':::compliant\nA\n:::\n\n:::violating[the assistant answers rudely]\nB\n:::\n\n:::ok[fine, really]\nC\n:::\n\n:::assistant\n<!-- a note -->\nD\n:::',
    );
    expect(result.summary.grades).toEqual({ good: 1, bad: 1, ok: 1 });
    expect(messages(result)).toEqual([':23: Ungraded `<assistant>` inside `<comparison>`; written as a plain `:::assistant` message']);
  });
  it('renames ids the site reserves or cannot take, and points every link at the new id', () => {
    const result = convert(
      '# Search {#search}\n\nSee [the rules](#my-id.v2) and [?](#search).\n\n## Rules {#my-id.v2}\n\n' +
        example('<user>\nq\n</user>\n<comparison>\n<assistant> <!-- BAD[#my-id.v2]: no -->\nr\n</assistant>\n</comparison>', 'see [?](#search)') +
        '\n## Top\n\nText.\n\n# Evals {#evals}\n',
    );
    expect(result.files.map((file) => file.path)).toEqual(['01-search-section.md', '02-evals-chapter.md']);
    expect(result.text).toContain('# Search\n::section{#search_section}\n\nSee [the rules](#my_id_v2) and [?](#search_section).\n');
    expect(result.text).toContain('## Rules\n::section{#my_id_v2}');
    // The example keeps the id its title gives (ids of existing releases do not change).
    expect(result.text).toContain('::::example[See [?](#search_section)]{#ex_see_search}');
    expect(result.text).toContain(':::violating[no; conflicts with [?](#my_id_v2)]');
    expect(result.text).toContain('## Top\n::section{#top_section}');
    expect(messages(result)).toEqual([
      ":1: Unexpected heading id `search`, expected a name the site does not use itself (`search` is an element id of the site's pages); using `search_section`, and links to `#search` follow",
      ':5: Unexpected heading id `my-id.v2`, expected letters, digits, `_` and `-` (at most 100); using `my_id_v2`, and links to `#my-id.v2` follow',
      ':20: Heading `Top` has no `{#id}`; pinned as `top_section`',
    ]);
  });
});
