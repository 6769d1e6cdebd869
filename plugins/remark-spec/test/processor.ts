import rehypeStringify from 'rehype-stringify';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import remarkSpec, { type RemarkSpecOptions } from '../index.ts';

/** The plugin under plain unified, as documented in the plugin README. */
export function processor(options?: RemarkSpecOptions) {
  return unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkMath, { singleDollarTextMath: false })
    .use(remarkDirective)
    .use(remarkSpec, options)
    .use(remarkRehype)
    .use(rehypeStringify);
}

export async function run(source: string, options?: RemarkSpecOptions, path = 'content/test.md') {
  const file = await processor(options).process(new VFile({ path, value: source }));
  return { file, html: String(file), data: file.data.spec!, messages: file.messages };
}
