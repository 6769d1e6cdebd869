import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { htmlToText } from '../remark-spec/index.ts';

/** Release notes: Markdown to HTML; raw HTML in them stays text (never live). */
export function markdownToHtml(markdown: string): string {
  return String(
    unified()
      .use(remarkParse)
      .use(() => htmlToText)
      .use(remarkRehype)
      .use(rehypeStringify)
      .processSync(markdown),
  );
}
