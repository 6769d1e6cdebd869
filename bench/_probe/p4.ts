import remarkParse from 'remark-parse';
import { unified } from 'unified';
const p = unified().use(remarkParse);
function t(label: string, s: string) { const a = performance.now(); const tree = p.parse(s); let d = 0; const walk = (n: any, k: number) => { d = Math.max(d, k); for (const c of n.children ?? []) walk(c, k + (c.type === 'list' ? 1 : 0)); }; walk(tree, 0); console.log(label, (performance.now() - a).toFixed(0), 'ms depth', d); }
t('chained - x1000', '- '.repeat(1000) + 'x\n');
t('chained 1. x1000', '1. '.repeat(1000) + 'x\n');
t('chained > - x500', '> - '.repeat(500) + 'x\n');
let s = ''; for (let i = 0; i < 100; i++) s += '  '.repeat(i) + '- item\n'; t('indented 100', s);
s = ''; for (let i = 0; i < 150; i++) s += '  '.repeat(i) + '- item\n'; t('indented 150', s);
s = ''; for (let i = 0; i < 1000; i++) s += '- '.repeat(i) + 'item\n'; t('chained growing 1000', s);
