// Search records file each section and example under its level's name (inherited from the nearest
// enclosing section); the search page shows the label from the level table. A relabelled level
// keeps its filter value, so shared search URLs (`?authority=root`) keep working.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { noLevelValue } from '../../plugins/contract/index.ts';
import { loadSpec, searchRecords } from '../../plugins/model/index.ts';

const work = mkdtempSync(path.join(tmpdir(), 'search-records-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

it('authority filters hold level names, inherited, and a value no level name can take for records without one', () => {
  const content = path.join(work, 'content');
  mkdirSync(content);
  writeFileSync(
    path.join(content, 'spec.config.json'),
    JSON.stringify({
      authorityLevels: [
        { name: 'root', label: 'Bedrock', description: 'First.' },
        { name: 'user', label: 'Person', description: 'Last.' },
      ],
    }),
  );
  writeFileSync(
    path.join(content, '01-rules.md'),
    [
      '# Rules',
      '::section{#rules}',
      '',
      'Intro.',
      '',
      '## Firm',
      '::section{#firm authority=root}',
      '',
      'Text.',
      '',
      '### Inside',
      '::section{#inside}',
      '',
      'More.',
      '',
      '::::example[Case]{#ex_case}',
      ':::user',
      'Hi',
      ':::',
      '',
      ':::compliant[Fine]',
      'Hello.',
      ':::',
      '::::',
      '',
    ].join('\n'),
  );
  const records = searchRecords(loadSpec(content, { log: () => {} }));
  const authorityOf = (id: string) => records.find((record) => record.url.endsWith(`#${id}`))!.filters.authority;
  expect(authorityOf('rules')).toEqual([noLevelValue]);
  expect(authorityOf('firm')).toEqual(['root']);
  expect(authorityOf('inside')).toEqual(['root']);
  expect(authorityOf('ex_case')).toEqual(['root']);
  // The no-level value is not a valid level name, so it never shadows a level.
  expect(noLevelValue).not.toMatch(/^[A-Za-z0-9][A-Za-z0-9_-]*$/);
});
