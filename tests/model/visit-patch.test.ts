// patches/unist-util-visit-parents+*.patch: the tree walker every Markdown step uses (ours,
// remark's, rehype's, retext's) renamed a fresh closure for each node it entered, for stack
// traces; that was about a fifth of loading the spec. npm install applies the patch (postinstall).
import { afterEach, expect, test, vi } from 'vitest';
import { visitParents } from 'unist-util-visit-parents';

afterEach(() => vi.restoreAllMocks());

test('walking a tree defines no properties', () => {
  const tree = {
    type: 'root',
    children: [
      {
        type: 'paragraph',
        children: [
          { type: 'text', value: 'a' },
          { type: 'emphasis', children: [] },
        ],
      },
    ],
  };
  const defined = vi.spyOn(Object, 'defineProperty');
  const seen: string[] = [];
  visitParents(tree, (node) => {
    seen.push(node.type);
  });
  expect(seen).toEqual(['root', 'paragraph', 'text', 'emphasis']);
  expect(defined).not.toHaveBeenCalled();
});
