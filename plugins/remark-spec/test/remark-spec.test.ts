import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { run } from './processor.ts';

const fixtures = new URL('fixtures/', import.meta.url);

test('exposes the public api', async () => {
  const api = await import('../index.ts');
  expect(Object.keys(api).sort()).toEqual([
    'applyTypography',
    'chapterName',
    'collectTargets',
    'default',
    'defaultAuthorityLevels',
    'displayTitle',
    'findDeepNesting',
    'findSlowInline',
    'generatedExampleId',
    'guardParser',
    'htmlToText',
    'idMessage',
    'idPattern',
    'idProblem',
    'isSafeUrl',
    'layoutIds',
    'maxDelimitersPerParagraph',
    'maxIdLength',
    'maxNestingDepth',
    'neutralizeUnsafeUrls',
    'normalizeSource',
    'plainText',
    'quoteList',
    'remarkSpec',
    'remarkTypography',
    'report',
    'reservedIdPrefixes',
    'reservedIds',
    'rules',
    'wellKnownTags',
  ]);
  expect(api.default).toBe(api.remarkSpec);
});

// Each folder: input.md, output.html and data.json (regenerate with `npx vitest run -u`), and
// optionally options.json (plugin options) and messages.txt (the expected messages, one a line).
describe('fixtures', () => {
  for (const name of readdirSync(fixtures).sort()) {
    test(name, async () => {
      const dir = new URL(`${name}/`, fixtures);
      const optionsFile = new URL('options.json', dir);
      const options = existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, 'utf8')) : undefined;
      const { html, data, messages } = await run(readFileSync(new URL('input.md', dir), 'utf8'), options, `${name}.md`);
      await expect(html + '\n').toMatchFileSnapshot(fileURLToPath(new URL('output.html', dir)));
      await expect(JSON.stringify(data, null, 2) + '\n').toMatchFileSnapshot(fileURLToPath(new URL('data.json', dir)));
      const printed = messages.map((message) => `${message.line}:${message.column} ${message.fatal ? 'error' : 'warning'} ${message.ruleId} ${message.reason}`);
      await expect(printed.join('\n') + '\n').toMatchFileSnapshot(fileURLToPath(new URL('messages.txt', dir)));
    });
  }
});
