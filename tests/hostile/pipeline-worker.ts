// Runs one source through the site's Markdown pipeline in a worker thread, so the test can
// terminate it if it hangs (a synchronous loop would block the test's own thread for good).
import { parentPort } from 'node:worker_threads';
import type { Element, Nodes, Root } from 'hast';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import type { PluggableList } from 'unified';
import { VFile } from 'vfile';
import remarkSpec from '../../plugins/remark-spec/index.ts';
import { readChapter, specParser, specRehypePlugins, type ChapterFormat } from '../../plugins/model/index.ts';

export interface PipelineRequest {
  id: number;
  source: string;
  path: string;
}

export interface PipelineResult {
  id: number;
  html: string;
  /** Every text node of the output, in order (what a reader sees, entities decoded). */
  text: string;
  /** Anything that could run: script-like elements, `on…` handlers, unsafe URLs, raw HTML. */
  live: string[];
  messages: Array<{ line: number; column: number; ruleId: string; source: string; reason: string; fatal: boolean | undefined }>;
  error?: string;
}

const unsafeScheme = /^(?:javascript|vbscript|data):/i;
const activeElements = new Set(['script', 'iframe', 'object', 'embed', 'style', 'base', 'form', 'frame', 'frameset', 'meta', 'link']);
const urlProperties = ['href', 'src', 'action', 'formAction', 'xLinkHref', 'srcSet', 'poster', 'data', 'cite', 'background'];

/** Same road as the site: `readChapter`'s parser (remark-mdx for `.mdx`), the spec plugin, raw HTML kept, KaTeX. */
function processor(format: ChapterFormat) {
  return specParser(format)
    .use(remarkSpec)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(specRehypePlugins as unknown as PluggableList)
    .use(rehypeStringify, { allowDangerousHtml: true });
}

function inspect(tree: Root): { text: string; live: string[] } {
  const texts: string[] = [];
  const live: string[] = [];
  const walk = (node: Nodes): void => {
    if (node.type === 'text') texts.push(node.value);
    if (node.type === 'raw') live.push(`raw HTML \`${node.value.slice(0, 60)}\``);
    if (node.type === 'element') {
      const element = node as Element;
      if (activeElements.has(element.tagName)) live.push(`<${element.tagName}> element`);
      for (const [key, value] of Object.entries(element.properties ?? {})) {
        if (/^on/i.test(key)) live.push(`${key} handler on <${element.tagName}>`);
        const url = String(Array.isArray(value) ? value.join(' ') : (value ?? '')).replace(/[\u0000-\u0020\u007f]+/g, '');
        if (urlProperties.includes(key) && unsafeScheme.test(url)) live.push(`${key}="${url.slice(0, 60)}" on <${element.tagName}>`);
      }
    }
    if ('children' in node) for (const child of node.children) walk(child as Nodes);
  };
  walk(tree);
  return { text: texts.join(''), live };
}

export function runPipeline(request: PipelineRequest): PipelineResult {
  const file = new VFile({ path: request.path, value: request.source });
  const format: ChapterFormat = /\.mdx$/i.test(request.path) ? 'mdx' : 'md';
  const pipeline = processor(format);
  try {
    const tree = pipeline.runSync(readChapter(file, format, 'allow', pipeline) as unknown as Parameters<typeof pipeline.runSync>[0], file) as Root;
    const html = String(pipeline.stringify(tree, file));
    return { id: request.id, html, ...inspect(tree), messages: messagesOf(file) };
  } catch (error) {
    return {
      id: request.id,
      html: '',
      text: '',
      live: [],
      messages: messagesOf(file),
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    };
  }
}

function messagesOf(file: VFile): PipelineResult['messages'] {
  return file.messages.map((message) => ({
    line: message.line ?? 0,
    column: message.column ?? 0,
    ruleId: message.ruleId ?? '',
    source: message.source ?? '',
    reason: message.reason,
    fatal: message.fatal ?? undefined,
  }));
}

parentPort?.on('message', (request: PipelineRequest) => parentPort!.postMessage(runPipeline(request)));
