import type { Nodes, Root } from 'mdast';
import type { Point } from 'unist';
import type { VFile } from 'vfile';

type Parse = (document: string, file: VFile) => Root;

/** A heading line at the left margin with a blank line before it: the start of a piece. */
const pieceStart = /\n[ \t]*\n(?=#{1,6}(?:[ \t]|\n|$))/g;
/**
 * Constructs that reach across headings whatever comes between: link and footnote definitions
 * (used anywhere in the file) and the HTML blocks that only their own end marker closes.
 */
const reachesAcross = /^ {0,3}(?:\[[^\n]*\]:|<(?:script|pre|style|textarea|!|\?))/im;
const fenceOpening = /^[ \t]*(`{3,}|~{3,}|\${2,}|:{3,})/;
const fenceClosing = /^[ \t]*(`{3,}|~{3,}|\${2,}|:{3,})[ \t]*$/;

export interface Piece {
  tree: Root;
  /** Whether it leaves a block open, so it would swallow the next heading. */
  open: boolean;
}

/** Where a build keeps the pieces of the files it parsed, by file (chapter-cache.ts). */
export interface PieceStore {
  load(file: string): Map<string, Piece> | undefined;
  save(file: string, pieces: Map<string, Piece>): void;
}

/**
 * Chapters parsed piece by piece, each piece from a heading to the next, kept by their text: when
 * the dev server reads an edited chapter again, only the pieces the edit touched are parsed (the
 * parser took about a third of a dev edit on a long chapter). A piece is used only where parsing
 * it alone gives exactly what the whole file gives: a heading at the margin after a blank line
 * starts a fresh block unless a fence, a math block or a directive container is still open (the
 * piece before is checked for that after parsing), or the file has link definitions or raw HTML
 * blocks that span blank lines (then the file is parsed whole).
 *
 * A file's first read is whole and keeps nothing; from its second on (an edited chapter), its
 * pieces as last read are kept, so memory holds the chapters being edited, once each.
 */
export class ParsedPieces {
  private readonly files = new Map<string, Map<string, Piece> | null>();
  private readonly store: PieceStore | undefined;

  /**
   * With a `store` (a build after an edit), pieces also outlive the process: a file's pieces are
   * read from the store on its first read and written back after each, so the next build parses
   * only what the next edit touched.
   */
  constructor(store?: PieceStore) {
    this.store = store;
  }

  parse(document: string, file: VFile, parse: Parse): Root {
    const name = file.path ?? '';
    let previous = this.files.get(name);
    if (previous === undefined && this.store) previous = this.store.load(name) ?? null;
    if (previous === undefined || reachesAcross.test(document)) {
      this.files.set(name, null);
      return parse(document, file);
    }
    const root = this.parsePieces(name, document, file, parse, previous);
    if (this.store && this.files.get(name)) this.store.save(name, this.files.get(name)!);
    return root;
  }

  private parsePieces(name: string, document: string, file: VFile, parse: Parse, previous: Map<string, Piece> | null): Root {
    const starts = [0];
    for (const match of document.matchAll(pieceStart)) starts.push(match.index + match[0].length);
    const kept = new Map<string, Piece>();
    this.files.set(name, kept);
    if (starts.length < 2) return parse(document, file);
    const root: Root = { type: 'root', children: [] };
    let line = 0;
    for (const [index, start] of starts.entries()) {
      const text = document.slice(start, starts[index + 1] ?? document.length);
      let piece = kept.get(text) ?? previous?.get(text);
      if (!piece) {
        const tree = parse(text, file);
        piece = { tree, open: leavesOpen(tree, text) };
      }
      kept.set(text, piece);
      if (piece.open && index < starts.length - 1) {
        this.files.set(name, null);
        return parse(document, file);
      }
      // A copy: the steps after parsing change the tree in place.
      const tree = structuredClone(piece.tree);
      for (const child of tree.children) shift(child, line, start);
      root.children.push(...tree.children);
      if (index === starts.length - 1 && tree.position)
        root.position = { start: { line: 1, column: 1, offset: 0 }, end: moved(tree.position.end, line, start) };
      line += countLines(text);
    }
    return root;
  }
}

/** Whether the last block of a piece, or the last block inside its last container, is unclosed. */
function leavesOpen(tree: Root, text: string): boolean {
  let node: Nodes | undefined = tree.children.at(-1);
  while (node?.position) {
    if (node.type === 'code' || node.type === 'math' || node.type === 'containerDirective') {
      const lines = text.slice(node.position.start.offset, node.position.end.offset).split('\n');
      const opening = fenceOpening.exec(lines[0] ?? '')?.[1];
      if (opening) {
        const closing = lines.length > 1 ? fenceClosing.exec(lines.at(-1)!)?.[1] : undefined;
        if (!closing || closing[0] !== opening[0] || closing.length < opening.length) return true;
      }
      return false;
    }
    if (!('children' in node)) return false;
    node = node.children.at(-1) as Nodes | undefined;
  }
  return false;
}

function shift(node: Nodes, lines: number, offset: number): void {
  if (node.position) {
    node.position.start = moved(node.position.start, lines, offset);
    node.position.end = moved(node.position.end, lines, offset);
  }
  if ('children' in node) for (const child of node.children) shift(child as Nodes, lines, offset);
}

function moved(point: Point, lines: number, offset: number): Point {
  return { line: point.line + lines, column: point.column, ...(point.offset === undefined ? {} : { offset: point.offset + offset }) };
}

function countLines(text: string): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) count++;
  return count;
}
