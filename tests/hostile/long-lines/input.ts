/** 10,000-character lines in prose, headings, messages, code and links. */
export default function source(): string {
  const word = 'x'.repeat(10_000);
  const sentence = Array.from({ length: 1700 }, (_, index) => (index === 850 ? 'qx7001' : 'words')).join(' ');
  return [
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
}
