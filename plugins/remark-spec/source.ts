/**
 * A source as the plugin reads it: without a byte-order mark and with LF line endings. Windows
 * (CRLF) and classic Mac (CR) files then parse, slice and report exactly like LF files: lines
 * and columns are unchanged, since only line endings and the invisible mark go.
 */
export function normalizeSource(text: string): string {
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return withoutBom.includes('\r') ? withoutBom.replace(/\r\n?/g, '\n') : withoutBom;
}

/** Splits on every line ending Markdown knows (LF, CRLF, CR). */
export function splitLines(text: string): string[] {
  return text.split(/\r\n?|\n/);
}
