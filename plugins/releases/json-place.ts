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
