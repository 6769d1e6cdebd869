// "Copy as Markdown": Markdown a reader can paste anywhere.
import { describe, expect, test } from 'vitest';
import { portableMarkdown } from '../../src/scripts/portable-markdown.ts';

const targets: Record<string, { title: string; url: string }> = {
  honesty: { title: 'Be honest', url: 'https://spec.example.org/honesty/#honesty' },
  tutor: { title: 'A tutor', url: 'https://spec.example.org/rules/#tutor' },
};
const resolve = (id: string) => targets[id] ?? null;
const page = 'https://spec.example.org/rules/#follow';

describe('portableMarkdown', () => {
  const source = [
    'The assistant follows [?](#honesty) and [the tutor case](#tutor); see [levels](../levels/) and ![chart](../assets/chart.png).',
    '',
    '::::example[A tutor]{#tutor}',
    ':::developer',
    'Do not give answers.',
    ':::',
    '',
    ':::compliant[Guides the student]',
    'What times itself gives 16?',
    ':::',
    '::::',
    '',
    ':::commentary',
    'A note.',
    ':::',
    '',
    '```md',
    ':::kept as code',
    '```',
  ].join('\n');
  const out = portableMarkdown(source, page, resolve);

  test('no directive survives outside code', () => {
    expect(out.split('\n').filter((line) => /^\s*:{2,}/.test(line))).toEqual([':::kept as code']);
    expect(out).toContain('**Example: A tutor**');
    expect(out).toContain('**Developer:**');
    expect(out).toContain('**Compliant (Guides the student):**');
    expect(out).toContain('**Commentary**');
  });

  test('every link is absolute, and a cross-reference carries its target’s title', () => {
    expect(out).toContain('[Be honest](https://spec.example.org/honesty/#honesty)');
    expect(out).toContain('[the tutor case](https://spec.example.org/rules/#tutor)');
    expect(out).toContain('[levels](https://spec.example.org/levels/)');
    expect(out).toContain('![chart](https://spec.example.org/assets/chart.png)');
    expect(out).not.toMatch(/\]\((?!https:)/);
  });
});
