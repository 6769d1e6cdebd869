import type { Root } from 'mdast';
import type { Node } from 'unist';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { MdxPolicy } from './config.ts';

/** The `source` of every message here (`[mdx-trust:mdx-esm]`). */
export const mdxTrustSource = 'mdx-trust';

// The parts of the MDX syntax tree (mdast-util-mdx) this check reads.
interface JsxAttribute extends Node {
  type: 'mdxJsxAttribute';
  name: string;
  value?: string | { type: 'mdxJsxAttributeValueExpression'; value: string } | null;
}
interface JsxElement extends Node {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: Array<JsxAttribute | (Node & { type: 'mdxJsxExpressionAttribute' })>;
}
interface Esm extends Node {
  type: 'mdxjsEsm';
  value: string;
}

/**
 * `.mdx` is code: it runs at build time with the builder's rights, and its JSX reaches every
 * reader's browser. The spec's `mdx` policy says how far that is trusted: `refuse` stops the
 * build on any `.mdx` chapter, `no-esm` on each `import`/`export`. In every mode, inline script
 * in JSX (`<script>`, `on*=` handlers, `dangerouslySetInnerHTML`, `javascript:` URLs) is warned
 * about. `tree` is the chapter parsed with remark-mdx; a `.md` file is left alone (it is inert).
 */
export function checkMdxTrust(tree: Root, file: VFile, policy: MdxPolicy): void {
  if (file.path && file.extname?.toLowerCase() !== '.mdx') return;
  const report = (node: Node | undefined, ruleId: string, reason: string, fatal: boolean) => {
    const message = file.message(reason, { place: node?.position ?? { line: 1, column: 1 }, ruleId, source: mdxTrustSource });
    message.fatal = fatal;
  };
  if (policy === 'refuse') {
    report(
      undefined,
      'mdx-refused',
      `Unexpected MDX chapter \`${file.basename ?? 'this file'}\`, expected \`.md\` chapters only: this spec's config sets \`"mdx": "refuse"\` because MDX runs code at build time (rename the file to \`.md\`, or change the policy in spec.config.json)`,
      true,
    );
    return;
  }
  visit(tree, (node: Node) => {
    if (node.type === 'mdxjsEsm') {
      if (policy !== 'no-esm') return;
      const code = (node as Esm).value;
      const keyword = /^\s*export\b/.test(code) ? 'export' : 'import';
      report(
        node,
        'mdx-esm',
        `Unexpected \`${keyword}\` (\`${firstLine(code)}\`), expected no \`import\` or \`export\` in chapters: this spec's config sets \`"mdx": "no-esm"\``,
        true,
      );
      return;
    }
    if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
    const element = node as JsxElement;
    const tag = `<${element.name ?? ''}>`;
    if (element.name === 'script') {
      report(element, 'mdx-script', `Unexpected \`<script>\` element, expected no scripts in chapters: it would run in every reader's browser`, false);
    }
    for (const attribute of element.attributes) {
      if (attribute.type !== 'mdxJsxAttribute') continue;
      const { name, value } = attribute as JsxAttribute;
      const place = attribute.position ? attribute : element;
      if (/^on[a-z]/i.test(name)) {
        report(
          place,
          'mdx-event-handler',
          `Unexpected event handler \`${name}\` on \`${tag}\`, expected no inline script in chapters: it would run in every reader's browser`,
          false,
        );
      } else if (name === 'dangerouslySetInnerHTML') {
        report(
          place,
          'mdx-inner-html',
          `Unexpected \`dangerouslySetInnerHTML\` on \`${tag}\`, expected content as Markdown or JSX children: raw HTML put this way is not escaped`,
          false,
        );
      }
      const text = typeof value === 'string' ? value : (value?.value ?? '');
      // Browsers ignore whitespace and control characters inside a scheme (`java\tscript:`).
      const scheme = /(?:java|vb)script:/i.exec(text.replace(/[\u0000-\u0020\u007f]+/g, ''))?.[0].toLowerCase();
      if (scheme) {
        report(
          place,
          'mdx-javascript-url',
          `Unexpected \`${scheme}\` URL in \`${name}\` on \`${tag}\`, expected an http(s) or relative URL: it would run script when followed`,
          false,
        );
      }
    }
  });
}

function firstLine(value: string): string {
  const line = value.trim().split('\n')[0] ?? '';
  return line.length > 50 ? line.slice(0, 50) + '…' : line;
}
