import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { VFile } from 'vfile';

/**
 * The one reader of the JSON documents a spec keeps (spec.config.json, release.json,
 * removals.json, import maps): syntax, repeated keys and schema errors all become fatal,
 * positioned messages on one VFile. jsonc-parser gives every node's offset; offsets become lines
 * and columns through a table of line starts, so finding every place in a document is linear.
 */

export type JsonSegment = string | number;
export interface JsonPlace {
  start: { line: number; column: number; offset: number };
  end: { line: number; column: number; offset: number };
}

export interface JsonDocument {
  /** The parsed value; undefined when the document has a fatal problem. */
  value: unknown;
  /** The parsed value even when it breaks the schema (undefined only for bad syntax or repeated keys). */
  raw: unknown;
  file: VFile;
  /**
   * The place of the entry at `segments`: its key when it has one (where an author looks for an
   * entry), else its value (`key: false` for the value always); the document start if absent.
   */
  place(segments: readonly JsonSegment[], key?: boolean): JsonPlace;
  /** Reports a fatal problem at `segments` on the document's file. */
  fail(reason: string, segments?: readonly JsonSegment[], ruleId?: string, key?: boolean): void;
}

export interface JsonDocumentOptions {
  /** `source` of every message (`[source:rule]`). */
  source: string;
  /** The rule id of repeated-key and default schema messages (syntax errors are `invalid-json`). */
  ruleId: string;
  /** What the document should look like, for messages about its syntax. */
  expected: string;
  /** The schema the value must match. */
  validate?: ValidateFunction;
  /**
   * One schema error in "Unexpected …, expected …" form, with the place it concerns; return
   * undefined to drop an error another one already covers (Ajv repeats itself in `anyOf`).
   */
  describe?: (error: ErrorObject, value: unknown) => { reason: string; segments?: JsonSegment[]; key?: boolean; ruleId?: string } | undefined;
}

/** Reads and checks the JSON file at `filePath` (an unreadable file is one positioned message). */
export function readJsonDocument(filePath: string, options: JsonDocumentOptions): JsonDocument {
  let text: string;
  try {
    text = readFileSync(filePath, 'utf8');
  } catch (error) {
    const file = new VFile({ path: displayPath(filePath), value: '' });
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    const document = parseJsonDocument(file, { ...options, validate: undefined });
    document.fail(`Unexpected unreadable file (${code}), expected a readable JSON file: ${options.expected}`);
    return { ...document, value: undefined };
  }
  return parseJsonDocument(new VFile({ path: displayPath(filePath), value: text }), options);
}

/** Checks the JSON text of `file` (see `readJsonDocument`). */
export function parseJsonDocument(file: VFile, options: JsonDocumentOptions): JsonDocument {
  const written = String(file.value ?? '');
  // A byte-order mark carries no meaning in JSON; a space keeps every offset where it was.
  const bom = written.startsWith('\uFEFF');
  const source = bom ? ' ' + written.slice(1) : written;
  const lines = lineStarts(source);
  const point = (offset: number) => {
    const line = lineOf(lines, offset);
    // Editors do not count the mark as a column.
    const column = offset - lines[line]! + 1 - (bom && line === 0 && offset > 0 ? 1 : 0);
    return { line: line + 1, column, offset };
  };
  const errors: ParseError[] = [];
  const tree = parseTree(source, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const index = new Map<JsonNode, Map<string, JsonNode>>();
  const nodeAt = (segments: readonly JsonSegment[]): { node: JsonNode; key: JsonNode | undefined } | undefined => {
    let node = tree;
    let key: JsonNode | undefined;
    for (const segment of segments) {
      if (!node) return undefined;
      if (node.type === 'array' && typeof segment === 'number') {
        node = node.children?.[segment];
        key = undefined;
      } else if (node.type === 'object') {
        let keys = index.get(node);
        if (!keys) {
          // Built once per object: looking up every key of a large object stays linear. The first
          // of repeated keys wins, as the message about the repeat points at the second.
          keys = new Map();
          for (const property of node.children ?? []) {
            const name = property.children?.[0]?.value as string;
            if (!keys.has(name)) keys.set(name, property);
          }
          index.set(node, keys);
        }
        const property = keys.get(String(segment));
        key = property?.children?.[0];
        node = property?.children?.[1];
      } else return undefined;
    }
    return node ? { node, key } : undefined;
  };
  const place = (segments: readonly JsonSegment[], asKey = true): JsonPlace => {
    const found = nodeAt(segments);
    const node = (asKey ? found?.key : undefined) ?? found?.node;
    if (!node) return { start: point(0), end: point(0) };
    return { start: point(node.offset), end: point(node.offset + node.length) };
  };
  const report = (reason: string, at: JsonPlace, ruleId = options.ruleId) => {
    const message = file.message(reason, { place: at, ruleId, source: options.source });
    message.fatal = true;
  };
  const fail = (reason: string, segments: readonly JsonSegment[] = [], ruleId?: string, key?: boolean) => report(reason, place(segments, key), ruleId);
  const document = (value: unknown, raw: unknown = value): JsonDocument => ({ value, raw, file, place, fail });

  const first = errors[0];
  if (first || !tree) {
    const at = first ? { start: point(first.offset), end: point(first.offset + first.length) } : { start: point(0), end: point(0) };
    report(first ? syntaxReason(source, first) : `Unexpected empty file, expected ${options.expected}`, at, 'invalid-json');
    return document(undefined);
  }
  let repeated = false;
  for (const [name, key, before] of repeatedKeys(tree)) {
    repeated = true;
    const was = point(before.offset);
    report(
      `Unexpected second key \`${preview(name)}\` (first on line ${was.line}), expected each key once: JSON readers keep only one of them`,
      { start: point(key.offset), end: point(key.offset + key.length) },
      'duplicate-json-key',
    );
  }
  if (repeated) return document(undefined);
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (error) {
    // The tolerant tokenizer and JSON.parse disagree only on exotic input; JSON.parse decides.
    report(`Unexpected JSON: ${(error as Error).message}, expected ${options.expected}`, { start: point(0), end: point(0) });
    return document(undefined);
  }
  if (options.validate && !options.validate(value)) {
    for (const error of options.validate.errors ?? []) {
      const described =
        options.describe?.(error, value) ??
        (options.describe
          ? undefined
          : { reason: `Unexpected value at \`${error.instancePath || '/'}\`, expected it to ${error.message ?? 'match'}: ${options.expected}` });
      if (!described) continue;
      fail(described.reason, described.segments ?? pointerSegments(error.instancePath), described.ruleId, described.key);
    }
    return document(undefined, value);
  }
  return document(value);
}

/** Every key that repeats one earlier in the same object: [name, the repeat, the first]. */
function* repeatedKeys(tree: JsonNode): Generator<[string, JsonNode, JsonNode]> {
  const stack: JsonNode[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'object') {
      const seen = new Map<string, JsonNode>();
      for (const property of node.children ?? []) {
        const key = property.children?.[0];
        if (!key) continue;
        const name = key.value as string;
        const before = seen.get(name);
        if (before) yield [name, key, before];
        else seen.set(name, key);
        if (property.children?.[1]) stack.push(property.children[1]);
      }
    } else if (node.type === 'array') stack.push(...(node.children ?? []));
  }
}

/** `/a/0/b~1c` → ['a', 0, 'b/c']. */
export function pointerSegments(pointer: string): JsonSegment[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function lineStarts(source: string): number[] {
  const starts = [0];
  for (let index = source.indexOf('\n'); index !== -1; index = source.indexOf('\n', index + 1)) starts.push(index + 1);
  return starts;
}

/** The line (0-based) holding `offset`: a binary search, so n lookups cost n log n. */
function lineOf(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

const syntaxExpected: Record<string, string> = {
  PropertyNameExpected: 'a key in double quotes (JSON has no trailing commas)',
  ValueExpected: 'a value (a string in double quotes, number, true, false, null, list or object)',
  ColonExpected: '`:` after the key',
  CommaExpected: '`,` between entries',
  CloseBraceExpected: '`}` closing the object',
  CloseBracketExpected: '`]` closing the list',
  EndOfFileExpected: 'the end of the file after the closing `}`',
  InvalidCommentToken: 'no comments (JSON has none)',
  InvalidSymbol: 'a value or a key in double quotes',
  InvalidCharacter: 'no control characters in strings (write `\\n` or `\\t`)',
  UnexpectedEndOfString: 'a closing `"`',
};

function syntaxReason(source: string, error: ParseError): string {
  const code = printParseErrorCode(error.error);
  const found = source.slice(error.offset, error.offset + Math.max(error.length, 1)).split('\n')[0]!;
  const what = error.offset >= source.length ? 'end of file' : `\`${preview(found)}\``;
  return `Unexpected ${what} in JSON, expected ${syntaxExpected[code] ?? code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}`;
}

function preview(text: string): string {
  return text.length > 40 ? text.slice(0, 40) + '…' : text;
}

function displayPath(file: string): string {
  return path.relative(process.cwd(), file) || file;
}
