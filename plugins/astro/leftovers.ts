import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { processRunning } from '../model/index.ts';

/**
 * What a build writes aside carries its process id: staging and search folders (`files-<pid>`,
 * `search-<pid>`, `scratch-<pid>`), scratch folders on `/dev/shm` (`model-spec-<pid>-…`) and files
 * written aside before a rename (`….<pid>.tmp`). A build that is killed leaves them behind, in the
 * cache and in memory, for good: this names them.
 */
export const leftoverNames = {
  store: /^(?:search|files|scratch)-(\d+)$|\.(\d+)\.tmp$/,
  aside: /\.(\d+)\.tmp$/,
  memory: /^model-spec-(\d+)-/,
};

/**
 * Removes the entries of `dir` that `names` matches whose process is no longer running (never
 * this process's, nor a running build's beside it). Returns the names removed.
 */
export function sweepLeftovers(dir: string, names: RegExp): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of entries) {
    const match = names.exec(name);
    const pid = Number(match?.slice(1).find(Boolean));
    if (!pid || pid === process.pid || processRunning(pid)) continue;
    try {
      rmSync(path.join(dir, name), { recursive: true, force: true });
      removed.push(name);
    } catch {
      // Not ours to remove (another user's, on the shared `/dev/shm`): the build goes on.
    }
  }
  return removed;
}
