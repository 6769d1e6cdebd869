/** 40,000 alternating emphasis markers in one message: the parser alone would take minutes. */
export default function source(): string {
  return [
    '# Markers',
    '::section{#markers}',
    '',
    '::::example[Markers]{#markers_example}',
    ':::user',
    `x ${'_*'.repeat(500)}⟪!⟫${'_*'.repeat(20_000)}`,
    ':::',
    '',
    ':::compliant[Answers]',
    'Fine.',
    ':::',
    '::::',
    '',
  ].join('\n');
}
