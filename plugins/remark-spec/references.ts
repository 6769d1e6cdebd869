import type { Link, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Context } from './context.ts';
import { report, Suggester } from './rules.ts';
import type { DefinedTarget } from './targets.ts';
import { rangeOf } from './text.ts';

/**
 * Resolves links to `#id`: in this file first, then through the spec-wide resolver. A link whose
 * text is `?` gets the target's current title, so references follow renamed sections. It runs
 * before titles and rationales are read, so those carry the filled-in titles too.
 */
export function resolveReferences(tree: Root, context: Context, localTargets: ReadonlyMap<string, DefinedTarget>): void {
  // Built on the first dangling link, once per file.
  let suggester: Suggester | undefined;
  visit(tree, 'link', (node: Link) => {
    if (!node.url.startsWith('#') || node.url.length < 2) return;
    let id = node.url.slice(1);
    try {
      id = decodeURIComponent(id);
    } catch {
      // A malformed escape is reported below as an unknown id.
    }
    const autoTitle = node.children.length === 1 && node.children[0]!.type === 'text' && node.children[0].value.trim() === '?';
    // The enclosing section is filled in once sections are known.
    context.data.references.push({ target: id, autoTitle, section: null, position: rangeOf(node) });

    const local = localTargets.get(id);
    const target = local ? { title: local.title, href: `#${local.aliasOf ?? id}` } : context.options.resolveReference?.(id);
    if (!target) {
      suggester ??= new Suggester([...localTargets.keys(), ...(context.options.knownIds?.() ?? [])]);
      const hint = suggester.suggest(id);
      report(
        context.file,
        'dangling-reference',
        `Unexpected link to \`#${id}\`, expected the id of a section or example${hint ? `; did you mean \`#${hint}\`?` : ''}`,
        node,
      );
      return;
    }
    node.url = target.href;
    node.data = { ...node.data, hProperties: { ...(node.data?.hProperties ?? {}), className: ['ms-xref'], dataTarget: id } };
    if (autoTitle) node.children = [{ type: 'text', value: target.title }];
  });
}
