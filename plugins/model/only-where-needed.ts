import type { Element, Root } from 'hast';
import type { Plugin, Transformer } from 'unified';

/** Whether some element of the tree, with its parent, passes `test`; stops at the first. */
export function someElement(tree: Root, test: (element: Element, parent: Element | Root) => boolean): boolean {
  const stack: Array<Element | Root> = [tree];
  for (let parent = stack.pop(); parent; parent = stack.pop()) {
    for (const child of parent.children) {
      if (child.type !== 'element') continue;
      if (test(child, parent)) return true;
      stack.push(child);
    }
  }
  return false;
}

/**
 * A rehype plugin that runs only on trees where `needed` finds work for it. KaTeX and Shiki each
 * walk every node of every chapter (and Shiki loads its highlighter on the first), though most
 * chapters have no math and no code; one early-exit look is a fraction of that.
 */
export function onlyWhereNeeded<Options extends unknown[]>(plugin: Plugin<Options, Root>, needed: (tree: Root) => boolean): Plugin<Options, Root> {
  return function (this: ThisParameterType<Plugin<Options, Root>>, ...options: Options) {
    const transform = plugin.apply(this, options) as Transformer<Root> | undefined;
    if (!transform) return undefined;
    // unified reads a transformer's arity: two parameters return their result, three call `next`.
    if (transform.length < 3) return (tree, file) => (needed(tree) ? transform(tree, file, () => {}) : undefined);
    return (tree, file, next) => (needed(tree) ? transform(tree, file, next) : next());
  };
}

const katexClasses = ['language-math', 'math-display', 'math-inline'];

/** An element rehype-katex renders: one with a math class (as rehype-katex looks for them). */
export const hasMath = (tree: Root): boolean =>
  someElement(tree, (element) => {
    const classes = element.properties.className;
    return Array.isArray(classes) && classes.some((name) => katexClasses.includes(String(name)));
  });

/** A code block Astro's Shiki step highlights: a `code` element inside a `pre`. */
export const hasCodeBlock = (tree: Root): boolean =>
  someElement(tree, (element, parent) => element.tagName === 'code' && parent.type === 'element' && parent.tagName === 'pre');
