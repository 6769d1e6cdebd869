import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import { chapterName, generatedExampleId, idProblem, maxIdLength, reservedIdPrefixes, reservedIds } from '../ids.ts';
import { collectTargets } from '../index.ts';
import { run } from './processor.ts';

const projectRoot = path.resolve(import.meta.dirname, '../../..');

describe('the id rule', () => {
  test('every element id the site writes itself is reserved', () => {
    const files = readdirSync(path.join(projectRoot, 'src'), { recursive: true })
      .map(String)
      .filter((file) => /\.(astro|ts)$/.test(file));
    const written = new Set<string>();
    for (const file of files) {
      for (const match of readFileSync(path.join(projectRoot, 'src', file), 'utf8').matchAll(/\bid="([^"{}$]+)"/g)) written.add(match[1]!);
    }
    expect(written.size).toBeGreaterThan(0);
    const free = [...written].filter((id) => idProblem(id) !== 'reserved');
    expect(free).toEqual([]);
  });

  test('pattern, length and reserved names', () => {
    expect(idProblem('be_honest-2')).toBeUndefined();
    expect(idProblem('9lives')).toBeUndefined();
    for (const bad of ['a/b', '.', '..', '?', '#', '_x', '-x', 'a b', 'é']) expect(idProblem(bad), bad).toBe('pattern');
    expect(idProblem('a'.repeat(maxIdLength))).toBeUndefined();
    expect(idProblem('a'.repeat(maxIdLength + 1))).toBe('length');
    for (const name of [
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      'prototype',
      'content',
      'main',
      'search',
      'top',
      'toc',
      'sidebar',
      'site-header',
    ]) {
      expect(reservedIds.has(name), name).toBe(true);
      expect(idProblem(name), name).toBe('reserved');
    }
    for (const prefix of reservedIdPrefixes) expect(idProblem(`${prefix}x`)).toBe('reserved');
  });
});

describe('generated example ids', () => {
  const source = [
    '# Chapter',
    '::section{#chapter}',
    '',
    '## Other',
    '::section{#other}',
    '',
    '::::example[Same [?](#other) title]',
    ':::user',
    'Hi.',
    ':::',
    ':::compliant[Ok]',
    'Hello.',
    ':::',
    '::::',
    '',
    '::::example[Same [?](#other) title]',
    ':::user',
    'Hi.',
    ':::',
    ':::compliant[Ok]',
    'Hello.',
    ':::',
    '::::',
    '',
    '::::prompt',
    ':::user',
    'Hi.',
    ':::',
    '::::',
    '',
  ].join('\n');

  test('collectTargets lists exactly the ids the plugin gives examples without `{#id}`', async () => {
    const filePath = 'content/03-Chain of Command.md';
    const tree = unified().use(remarkParse).use(remarkDirective).parse(source);
    const generated = collectTargets(tree, filePath).filter((target) => target.generated);
    const { data } = await run(source, undefined, filePath);
    expect(generated.map((target) => target.id)).toEqual(data.examples.map((example) => example.id));
    expect(generated.map((target) => target.id)).toEqual(['chain-of-command--same_title', 'chain-of-command--same_title_2', 'chain-of-command--prompt']);
    // Without a path, a host gets the ids authors wrote and nothing else.
    expect(collectTargets(tree).filter((target) => target.kind === 'example')).toEqual([]);
  });

  test('chapters name them apart, so two files never generate the same id', () => {
    expect(chapterName('content/01-overview.md')).toBe('overview');
    expect(chapterName('content/02-chain-of-command.mdx')).toBe('chain-of-command');
    const none = () => false;
    expect(generatedExampleId('content/01-a.md', 'Same title', none)).not.toBe(generatedExampleId('content/02-b.md', 'Same title', none));
    expect(idProblem(generatedExampleId('content/01-a.md', 'x'.repeat(500), none))).toBeUndefined();
    expect(idProblem(generatedExampleId('content/01-content.md', 'toString', none))).toBeUndefined();
    expect(idProblem(generatedExampleId('content/_.md', '', none))).toBeUndefined();
  });
});
