import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { VFile } from 'vfile';
import type { IndexedTarget } from './loader.ts';

export const anchorLockName = 'anchors.lock.json';

/**
 * Published ids are a contract: people paste links to them. `anchors.lock.json` lists every id
 * once published; an id that disappears from the spec without becoming an `oldids` alias of some
 * section is an error that names the id's line in the lock file.
 */
export function checkAnchorLock(contentDir: string, targets: Map<string, IndexedTarget>): VFile | undefined {
  const file = path.join(contentDir, anchorLockName);
  if (!existsSync(file)) return undefined;
  const source = readFileSync(file, 'utf8');
  const vfile = new VFile({ path: path.relative(process.cwd(), file) || file, value: source });
  let ids: unknown;
  try {
    ids = JSON.parse(source).ids;
  } catch (error) {
    const message = vfile.message(`Unexpected invalid JSON (${(error as Error).message}), expected { "ids": [ … ] }`, { ruleId: 'anchor-lock', source: 'model-spec-site' });
    message.fatal = true;
    return vfile;
  }
  if (!Array.isArray(ids)) {
    const message = vfile.message('Unexpected lock file without an `ids` list, expected { "ids": [ … ] }', { ruleId: 'anchor-lock', source: 'model-spec-site' });
    message.fatal = true;
    return vfile;
  }
  for (const id of ids) {
    if (typeof id !== 'string' || targets.has(id)) continue;
    const index = source.indexOf(JSON.stringify(id));
    const before = source.slice(0, Math.max(0, index));
    const message = vfile.message(
      `Unexpected removal of the published id \`${id}\`, expected it kept on a section or example, or listed in a section's \`oldids="${id}"\` so its links still land (run \`npm run anchors\` to accept removals on purpose)`,
      { ruleId: 'removed-anchor', source: 'model-spec-site', place: index >= 0 ? { line: before.split('\n').length, column: index - before.lastIndexOf('\n') } : undefined },
    );
    message.fatal = true;
  }
  return vfile.messages.length > 0 ? vfile : undefined;
}

/** Writes the lock: every id the spec now has (sections, examples and old ids), sorted. */
export function writeAnchorLock(contentDir: string, targets: Map<string, IndexedTarget>): number {
  const ids = [...targets.keys()].sort();
  writeFileSync(path.join(contentDir, anchorLockName), JSON.stringify({ ids }, null, 2) + '\n');
  return ids.length;
}
