import type { Heading } from 'mdast';
import type { LeafDirective } from 'mdast-util-directive';
import type { Node } from 'unist';
import type { VFile } from 'vfile';
import type { Authorities } from './authority.ts';
import { report } from './rules.ts';
import { splitLines } from './source.ts';
import type { RemarkSpecOptions } from './options.ts';
import type { SpecFileData, SpecSection } from './types.ts';

/** Per-file state shared by the passes of one run. */
export class Context {
  readonly file: VFile;
  readonly source: string;
  readonly options: RemarkSpecOptions;
  readonly authorities: Authorities;
  readonly data: SpecFileData;
  readonly sectionNodes = new Map<Heading, { section: SpecSection; directive: LeafDirective | undefined }>();
  /** Each id defined in the file so far, with the node that first defined it. */
  readonly definitions = new Map<string, Node | undefined>();
  /** The ids generated for examples written without `{#id}` (see `collectTargets`). */
  readonly generatedIds = new Map<Node, string>();
  #lines: string[] | undefined;

  constructor(file: VFile, options: RemarkSpecOptions, authorities: Authorities) {
    this.file = file;
    this.source = String(file.value ?? '');
    this.options = options;
    this.authorities = authorities;
    this.data = { file: file.path ?? '', sections: [], examples: [], commentary: [], references: [] };
  }

  /** The source's lines (1-based `line` → `lines[line - 1]`), split once per file. */
  get lines(): string[] {
    return (this.#lines ??= splitLines(this.source));
  }

  #lineStarts: number[] | undefined;

  /** The line and column of a source offset, by binary search over line starts. */
  pointAt(offset: number): { line: number; column: number } {
    if (!this.#lineStarts) {
      this.#lineStarts = [0];
      for (const ending of this.source.matchAll(/\r\n?|\n/g)) this.#lineStarts.push(ending.index + ending[0].length);
    }
    const starts = this.#lineStarts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1 };
  }

  /** Registers an id; a second definition is reported and points back at the first. */
  define(id: string, node: Node | undefined): void {
    if (this.definitions.has(id)) {
      const first = this.definitions.get(id);
      report(
        this.file,
        'duplicate-id',
        `Unexpected duplicate id \`${id}\`, expected ids unique across the spec (first used at line ${first?.position?.start.line ?? '?'})`,
        node,
        { reason: `Id \`${id}\` first used here`, place: first },
      );
      return;
    }
    this.definitions.set(id, node);
  }
}
