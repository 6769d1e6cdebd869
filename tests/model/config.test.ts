import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import schema from '../../public/schemas/spec-config.schema.json' with { type: 'json' };
import { defaultAuthorityLevels, rules } from '../../plugins/remark-spec/index.ts';
import { ConfigError, defaultTags, loadSpecConfig, readSpecConfig } from '../../plugins/model/index.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');

/** A content folder holding only `spec.config.json` with this exact text. */
function contentWith(text: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'spec-config-'));
  writeFileSync(path.join(dir, 'spec.config.json'), text);
  return dir;
}

/** The messages of a config that must fail, as `line:col reason [rule]`. */
function problems(text: string): string[] {
  const { config, file } = readSpecConfig(contentWith(text));
  expect(config).toBeNull();
  return file.messages.map((message) => {
    expect(message.fatal).toBe(true);
    expect(message.source).toBe('spec-config');
    return `${message.line}:${message.column} ${message.reason} [${message.ruleId}]`;
  });
}

describe('spec.config.json', () => {
  it('reads the demo config, whose $schema points at the shipped schema', () => {
    const content = path.join(repoRoot, 'content');
    const raw = JSON.parse(readFileSync(path.join(content, 'spec.config.json'), 'utf8'));
    expect(JSON.parse(readFileSync(path.resolve(content, raw.$schema), 'utf8')).$id).toBe('spec-config.schema.json');
    const config = loadSpecConfig(content);
    expect(config.title).toBe(raw.title);
    expect(config.authorityLevels.map((level) => level.name)).toEqual(raw.authorityLevels.map((level: { name: string }) => level.name));
  });

  it('fills every default for an empty object and for a missing file', () => {
    const empty = loadSpecConfig(contentWith('{}'));
    expect(empty).toMatchObject({
      title: 'Model Spec',
      site: 'https://example.com',
      base: '/',
      repository: null,
      logo: null,
      typography: 'none',
      publishDraft: false,
      mdx: 'allow',
    });
    expect(empty.authorityLevels).toEqual(defaultAuthorityLevels);
    expect(empty.tags).toEqual([{ name: 'under_18', label: 'U18', description: 'Content policy for users under 18' }]);
    expect(loadSpecConfig(mkdtempSync(path.join(tmpdir(), 'spec-config-none-')))).toEqual(empty);
  });

  it('reads the new keys', () => {
    const config = loadSpecConfig(
      contentWith(
        JSON.stringify({
          typography: 'smart',
          publishDraft: true,
          mdx: 'no-esm',
          tags: [{ name: 'minor', label: 'Minor' }],
          base: 'my-spec',
          site: 'https://x.example/',
        }),
      ),
    );
    expect(config).toMatchObject({ typography: 'smart', publishDraft: true, mdx: 'no-esm', base: '/my-spec/', site: 'https://x.example' });
    expect(config.tags).toEqual([{ name: 'minor', label: 'Minor', description: '' }]);
  });

  it('strips a byte-order mark and keeps columns right', () => {
    expect(loadSpecConfig(contentWith('\uFEFF{ "title": "BOM" }')).title).toBe('BOM');
    expect(problems('\uFEFF{ "base": "//x" }')).toEqual([expect.stringMatching(/^1:11 Unexpected string `"\/\/x"` for `base`/)]);
  });

  it('refuses a config that is not an object', () => {
    for (const text of ['[]', '"title"', '3', 'null']) {
      expect(problems(text)).toEqual([expect.stringMatching(/^1:1 Unexpected \w+.* for the configuration, expected an object of settings/)]);
    }
  });

  it('points at JSON syntax errors', () => {
    expect(problems('{\n  "title": "x",\n}')).toEqual([
      '3:1 Unexpected `}` in JSON, expected a key in double quotes (JSON has no trailing commas) [invalid-json]',
    ]);
    expect(problems('// note\n{}')).toEqual([expect.stringMatching(/^1:1 Unexpected `.*` in JSON, expected no comments/)]);
    expect(problems('')).toEqual([
      '1:1 Unexpected end of file in JSON, expected a value (a string in double quotes, number, true, false, null, list or object) [invalid-json]',
    ]);
  });

  it('suggests the key a misspelt one meant', () => {
    expect(problems('{\n  "title": "x",\n  "autorityLevels": []\n}')).toEqual([
      expect.stringMatching(/^3:3 Unexpected key `autorityLevels`, expected one of `title`, .*; did you mean `authorityLevels`\? \[unknown-config-key\]$/),
    ]);
    expect(problems('{ "repository": { "url": "https://github.com/a/b", "brnch": "main" } }')).toEqual([
      expect.stringMatching(/Unexpected key `repository.brnch`, expected one of `url`, `branch`, `contentDir`; did you mean `branch`\?/),
    ]);
    expect(problems('{ "typography": "smrt" }')).toEqual([expect.stringContaining('expected one of `"smart"`, `"none"`; did you mean "smart"?')]);
  });

  it('refuses a site that is not an absolute http(s) origin', () => {
    for (const site of ['javascript:alert(1)', 'example', 'ftp://example.com', 'https://', 'https://a.example/path', 'https://user@evil.example']) {
      expect(problems(JSON.stringify({ site }))).toEqual([expect.stringMatching(/^1:9 Unexpected string .* for `site`, expected the absolute http\(s\) URL/)]);
    }
  });

  it('refuses a base that is not a plain path', () => {
    for (const base of ['//other.host', 'http://other.host/', '/a/../b/', '..', '/a?x', '/a#x', '\\a\\', '/a//b/', '/a b/']) {
      expect(problems(JSON.stringify({ base }))).toEqual([expect.stringMatching(/^1:9 Unexpected string .* for `base`, expected a plain path/)]);
    }
    for (const base of ['', '/', 'spec', '/spec', '/a/b.c/', '/~me/'])
      expect(loadSpecConfig(contentWith(JSON.stringify({ base }))).base).toMatch(/^\/(?:[^/]+\/)*$/);
  });

  it('names wrong types in authorityLevels, repository and the new keys', () => {
    const text = JSON.stringify(
      {
        authorityLevels: [{ name: 'root', label: 3 }, { label: 'X' }, { name: 'Bad Name' }],
        repository: 'github.com/x',
        publishDraft: 'yes',
        mdx: 'sometimes',
      },
      null,
      1,
    );
    const found = problems(text);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/Unexpected number `3` for `authorityLevels\[0\].label`, expected a string/),
        expect.stringMatching(/Unexpected `authorityLevels\[1\]` without `name`, expected an object with `name` \(optional: `label`, `description`\)/),
        expect.stringMatching(/Unexpected string `"Bad Name"` for `authorityLevels\[2\].name`, expected a lower-case word/),
        expect.stringMatching(/Unexpected string `"github.com\/x"` for `repository`, expected an object or null/),
        expect.stringMatching(/Unexpected string `"yes"` for `publishDraft`, expected true or false/),
        expect.stringMatching(/Unexpected string `"sometimes"` for `mdx`, expected one of `"allow"`, `"no-esm"`, `"refuse"`/),
      ]),
    );
    expect(found).toHaveLength(6);
    // Each message points at the value it is about.
    const lines = text.split('\n');
    for (const message of readSpecConfig(contentWith(text)).file.messages) expect(lines[message.line! - 1]).toBeTruthy();
    expect(problems('{ "authorityLevels": [] }')).toEqual([expect.stringContaining('Unexpected empty list for `authorityLevels`, expected at least 1 entry')]);
    expect(problems('{ "repository": { "url": "javascript:alert(1)" } }')).toEqual([
      expect.stringContaining('for `repository.url`, expected the http(s) URL of the repository'),
    ]);
  });

  it('refuses a name declared twice', () => {
    expect(problems('{ "authorityLevels": [{ "name": "a" }, { "name": "a" }] }')).toEqual([
      '1:50 Unexpected second `a` in `authorityLevels[1].name`, expected each name once (first in `authorityLevels[0]`) [invalid-config]',
    ]);
  });

  it('throws a ConfigError whose message is the report, without a stack trace', () => {
    const dir = contentWith('{ "site": "javascript:alert(1)" }');
    let caught: unknown;
    try {
      loadSpecConfig(dir);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const error = caught as ConfigError;
    expect(error.message).toMatch(/spec\.config\.json:1:11: error: Unexpected string .* for `site`.* \[spec-config:invalid-config\]\n\n1 error$/);
    expect(error.stack).toBe(error.message);
    expect(error.files[0]!.messages).toHaveLength(1);
  });

  it('has a schema that matches the code: configurable rules and defaults', () => {
    const configurable = Object.keys(rules).filter((rule) => rules[rule as keyof typeof rules] === 'warning');
    expect(Object.keys(schema.properties.rules.properties).sort()).toEqual(configurable.sort());
    const defaults = loadSpecConfig(contentWith('{}'));
    expect(schema.properties.tags.default).toEqual(defaultTags);
    for (const key of ['title', 'site', 'base', 'typography', 'publishDraft', 'mdx'] as const) {
      expect([key, (schema.properties[key] as { default: unknown }).default]).toEqual([key, defaults[key] === '/' ? '/' : defaults[key]]);
    }
  });

  it('reports an unreadable config (a folder) instead of ignoring it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'spec-config-dir-'));
    mkdirSync(path.join(dir, 'spec.config.json'));
    expect(() => loadSpecConfig(dir)).toThrow(/Unexpected unreadable file \(EISDIR\), expected a readable JSON file/);
  });
});

describe('tags of spec.config.json', () => {
  it('label the badges of sections that carry a tag and of conversations whose settings turn it on, and say on hover what the tag means', async () => {
    const { loadSpecWithPages } = await import('../../plugins/model/index.ts');
    const content = contentWith(JSON.stringify({ tags: [{ name: 'under_13', label: 'U13', description: 'For children under 13' }] }));
    writeFileSync(
      path.join(content, '01-kids.md'),
      [
        '# Kids',
        '::section{#kids tags="under_13"}',
        '',
        'Rules for children.',
        '',
        ':::::example[A child says hello]{#ex_hello}',
        '::::system',
        ':::settings',
        'under_13: true',
        ':::',
        '::::',
        '',
        ':::user',
        'Hi',
        ':::',
        '',
        ':::compliant[Greets]',
        'Hello.',
        ':::',
        ':::::',
        '',
      ].join('\n'),
    );
    const html = (await loadSpecWithPages(content, { log: () => {} })).chapters[0]!.html!;
    const badges = [...html.matchAll(/<span class="ms-tag" data-tag="(\w+)" title="([^"]*)"><span class="ms-visually-hidden">Tag: <\/span>([^<]+)<\/span>/g)];
    expect(badges.map((match) => [match[1], match[2], match[3]])).toEqual([
      ['under_13', 'U13: For children under 13', 'U13'],
      ['under_13', 'U13: For children under 13', 'U13'],
    ]);
    // The second is the conversation's, in its header.
    expect(badges[1]!.index).toBeGreaterThan(html.indexOf('id="ex_hello"'));
    expect(badges[1]!.index).toBeLessThan(html.indexOf('</header>', html.indexOf('id="ex_hello"')));
  });
});

describe('language of spec.config.json', () => {
  it('is English by default; a right-to-left language sets the direction; a tag that is no language is refused at its place', () => {
    expect(loadSpecConfig(contentWith('{}'))).toMatchObject({ language: 'en', direction: 'ltr' });
    expect(loadSpecConfig(contentWith('{ "language": "ja" }'))).toMatchObject({ language: 'ja', direction: 'ltr' });
    for (const tag of ['ar', 'he', 'fa-IR', 'az-Arab']) expect(loadSpecConfig(contentWith(`{ "language": "${tag}" }`)).direction, tag).toBe('rtl');
    expect(problems('{ "language": "Japanese please" }')).toEqual([expect.stringMatching(/^1:15 .*a BCP 47 language tag such as "en", "ja", "pt-BR" or "ar".*\[invalid-config\]$/)]);
  });
});

describe('search vocabulary of spec.config.json', () => {
  it('is empty by default; groups and stop words are kept as written; a lone word or a stop phrase is refused at its place', () => {
    expect(loadSpecConfig(contentWith('{}')).search).toEqual({ synonyms: [], stopWords: [] });
    const search = { synonyms: [['copyright', 'intellectual property']], stopWords: ['please'] };
    expect(loadSpecConfig(contentWith(JSON.stringify({ search }))).search).toEqual(search);
    expect(problems('{ "search": { "synonyms": [["alone"]] } }')).toEqual([expect.stringMatching(/^1:28 Unexpected list of 1 for `search.synonyms\[0\]`, expected at least 2 entries \[invalid-config\]$/)]);
    expect(problems('{ "search": { "stopWords": ["two words"] } }')).toEqual([expect.stringMatching(/^1:29 .*a single word.*\[invalid-config\]$/)]);
    expect(problems('{ "search": { "synonyms": [["ok", "!!"]] } }')).toEqual([expect.stringMatching(/^1:35 .*a word or phrase with at least one letter or digit.*\[invalid-config\]$/)]);
  });
});
