import { realpathSync } from 'node:fs';
import path from 'node:path';

/** True if `target` is `root` or lies under it (both absolute, compared as written). */
export function isWithin(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative === '' || (!relative.startsWith('..' + path.sep) && relative !== '..' && !path.isAbsolute(relative));
}

/**
 * Where `target` really is once symbolic links are followed, and whether that is inside
 * `realRoot` (itself a real path): a link may sit in the content folder and point anywhere.
 */
export function resolveContained(realRoot: string, target: string): { real: string; inside: boolean } | { real: null; inside: false } {
  let real: string;
  try {
    real = realpathSync(target);
  } catch {
    return { real: null, inside: false };
  }
  return { real, inside: isWithin(realRoot, real) };
}
