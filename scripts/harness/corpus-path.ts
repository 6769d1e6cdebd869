import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The shared corpus of upstream releases (`shared/corpus/model-spec`, read-only, never copied into
 * the repository), looked for beside the checkout and beside each folder above it, so a worktree
 * one level deeper finds it too. Null outside the shared setup: the tests that need it skip.
 */
export function findCorpus(): string | null {
  let dir = path.resolve(import.meta.dirname, '../..');
  for (;;) {
    const candidate = path.join(path.dirname(dir), 'shared/corpus/model-spec');
    if (existsSync(path.join(candidate, 'README.md'))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}
