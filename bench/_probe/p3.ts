import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkDirective from 'remark-directive';
import remarkMath from 'remark-math';
import { unified } from 'unified';
const n = Number(process.argv[2] ?? 200);
let nested = '';
for (let i = 0; i < n; i++) nested += '  '.repeat(i) + '- item ' + i + '\n';
for (const [name, p] of [['plain', unified().use(remarkParse)], ['gfm', unified().use(remarkParse).use(remarkGfm)], ['directive', unified().use(remarkParse).use(remarkDirective)], ['math', unified().use(remarkParse).use(remarkMath)]] as const) {
  const s = performance.now();
  p.parse(nested);
  console.log(n, name, (performance.now() - s).toFixed(0));
}
