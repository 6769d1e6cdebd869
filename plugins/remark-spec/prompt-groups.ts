import { h } from 'hastscript';
import type { Root, RootContent } from 'mdast';
import { hastNode, wrapperNode } from './hast.ts';

/**
 * Eval prompts stay out of the reading flow: each run of consecutive `::::prompt` cards becomes one
 * collapsed line, "23 eval prompts", that opens them (a `<details>`, so it works without script;
 * a link to a prompt inside opens it, and the page's script does the same).
 */
export function groupPrompts(tree: Root): void {
  const children: RootContent[] = [];
  let run: RootContent[] = [];
  const flush = () => {
    if (run.length === 0) return;
    const label = `${run.length} eval prompt${run.length === 1 ? '' : 's'}`;
    children.push(
      wrapperNode('details', { className: ['ms-prompts'] }, [
        hastNode(h('summary', { className: ['ms-prompts__summary'] }, label)),
        ...(run as unknown as RootContent[]),
      ]) as RootContent,
    );
    run = [];
  };
  for (const child of tree.children) {
    if (child.type === 'containerDirective' && child.name === 'prompt') {
      run.push(child);
      continue;
    }
    flush();
    children.push(child);
  }
  flush();
  tree.children = children;
}
