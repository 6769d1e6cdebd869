import type { Block } from './blocks.ts';
import { indent, renderAdmonition } from './commentary.ts';
import type { ImportContext } from './context.ts';
import { exampleIdFor, renderExample, type ExampleMode } from './examples.ts';
import { convertText } from './prose.ts';

/** How examples found in the blocks are written: spec examples, or the prompts of one eval file. */
export type ExampleNaming = (block: Extract<Block, { type: 'example' }>) => ExampleMode;

export const specExamples: ExampleNaming = (block) => ({ kind: 'example', id: exampleIdFor(block.title), attributes: [] });

/** Writes non-heading blocks in our format (headings are the caller's: they split sections). */
export function renderBlocks(
  blocks: readonly Block[],
  context: ImportContext,
  naming: ExampleNaming = specExamples,
  written: Array<{ id: string; kind: 'example' | 'prompt' }> = [],
): string[] {
  const out: string[] = [];
  for (const block of blocks) {
    switch (block.type) {
      case 'text':
        out.push(...convertText(block.lines, context, { footnotes: true, where: 'prose' }));
        break;
      case 'code':
        out.push(...block.lines.map((line) => line.text));
        break;
      case 'example': {
        const mode = naming(block);
        const rendered = renderExample(block, mode, context);
        written.push({ id: rendered.id, kind: rendered.kind });
        if (rendered.kind === 'prompt' && mode.kind === 'example') context.counters.ungradedExamples++;
        if (mode.kind === 'example') context.counters.examples++;
        else context.counters.prompts++;
        out.push(...indent(rendered.lines, block.indent));
        break;
      }
      case 'admonition':
        out.push(...renderAdmonition(block, (body) => renderBlocks(body, context, naming, written), context));
        break;
      case 'heading':
        // Only reached for headings the caller did not take (it always does at top level).
        context.warn(block.line, 'Heading in an unexpected place; kept as text');
        out.push(`${'#'.repeat(block.heading.depth)} ${block.heading.title}`);
        break;
    }
  }
  return out;
}
