import { run } from '../../plugins/remark-spec/test/processor.ts';
const t = (label: string, src: string) => run(src).then((r) => {}, (e) => {}) ;
async function time(label: string, src: string) {
  const s = performance.now();
  try {
    const r = await run(src);
    console.log(label, (performance.now() - s).toFixed(0), 'ms', 'html', r.html.length, r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.reason.slice(0, 150)}`));
  } catch (e) {
    console.log(label, 'THREW', (performance.now() - s).toFixed(0), 'ms', String(e).slice(0, 400));
  }
}
const head = '# T\n::section{#t}\n\n';
await time('unterminated example', head + '::::example[A]{#a}\n:::user\nhi\n:::\n:::compliant[x]\nyo\n:::\n\nMore text\n');
await time('unterminated message', head + '::::example[A]{#a}\n:::user\nhi\n\n:::compliant[x]\nyo\n:::\n::::\n\nMore text\n');
await time('unterminated commentary', head + ':::commentary\nhi\n\n## B\n::section{#b}\n\ntext\n');
const big = 'word '.repeat(200_000);
await time('1MB message', head + `::::example[A]{#a}\n:::user\n${big}\n:::\n:::compliant[x]\nyo\n:::\n::::\n`);
const bin = Array.from({ length: 20000 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join('');
await time('binary', bin);
await time('binary in msg', head + `::::example[A]{#a}\n:::user\n${bin}\n:::\n:::compliant[x]\nyo\n:::\n::::\n`);
let nested = '';
for (let i = 0; i < 1000; i++) nested += '  '.repeat(i) + '- item ' + i + '\n';
await time('nested lists 1000', head + nested);
await time('nested lists 1000 in msg', head + `::::example[A]{#a}\n:::user\n${nested}:::\n:::compliant[x]\nyo\n:::\n::::\n`);
let bq = '>'.repeat(1000) + ' deep\n';
await time('blockquote 1000', head + bq);
const long = 'x'.repeat(10000);
await time('10k line', head + long + '\n');
await time('10k line msg', head + `::::example[A]{#a}\n:::user\n${long}\n:::\n:::compliant[x]\n${'a b '.repeat(2500)}\n:::\n::::\n`);
await time('10k colons', head + ':'.repeat(10000) + '\n');
await time('10k brackets', head + '['.repeat(10000) + '\n');
await time('10k stars', head + '*a'.repeat(5000) + '\n');
await time('10k backticks', head + '`a'.repeat(5000) + '\n');
await time('10k directive attrs', head + '::::example[A]{#a ' + 'k=v '.repeat(2500) + '}\n:::user\nhi\n:::\n:::compliant[x]\nyo\n:::\n::::\n');
await time('deep label brackets', head + '::::example[' + '['.repeat(5000) + ']{#a}\n:::user\nhi\n:::\n::::\n');
