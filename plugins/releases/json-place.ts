import type { VFile } from 'vfile';

/**
 * The line and column of a JSON pointer's last key (or value) in the file's source, so a message
 * about `files.02-x.md` points at that line. A heuristic over the text (JSON.parse keeps no
 * positions); it falls back to the file start.
 */
export function jsonPlace(source: string, pointer: string): { line: number; column: number } {
  const parts = pointer.split('/').slice(1).map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
  let from = 0;
  for (const part of parts) {
    const index = source.indexOf(JSON.stringify(part), from);
    if (index >= 0) from = index;
  }
  const before = source.slice(0, from);
  return { line: before.split('\n').length, column: from - before.lastIndexOf('\n') };
}

/** A fatal message with the project's rule source. */
export function fail(file: VFile, reason: string, ruleId: string, place?: { line: number; column: number }) {
  const message = file.message(reason, { ruleId, source: 'model-spec-site', place });
  message.fatal = true;
  return message;
}

/** A warning with the project's rule source. */
export function warn(file: VFile, reason: string, ruleId: string, place?: { line: number; column: number }) {
  return file.message(reason, { ruleId, source: 'model-spec-site', place });
}
