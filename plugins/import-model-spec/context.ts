import type { Claim } from './kept-ids.ts';
import type { ImportWarning } from './types.ts';

/** One source line with its 1-based number in the file it came from. */
export interface SourceLine {
  text: string;
  line: number;
}

export function toLines(source: string, firstLine = 1): SourceLine[] {
  return (
    source
      // A UTF-8 byte order mark (editors on Windows write one) would make the first line text.
      .replace(/^\uFEFF/, '')
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .map((text, index) => ({ text, line: firstLine + index }))
  );
}

/** Counters the summary reports. */
export interface Counters {
  examples: number;
  ungradedExamples: number;
  prompts: number;
  good: number;
  bad: number;
  ok: number;
  commentary: number;
  inlineMath: number;
  displayMath: number;
}

/** A footnote citation `[^name]` found while converting text. */
export interface Citation {
  name: string;
  line: number;
  /** Id of the section whose text cites it. */
  section: string;
}

/**
 * State shared while one release is converted: warnings, the ids in use (sections, examples and
 * prompts share one namespace in our format), counters and footnote citations.
 */
export class ImportContext {
  readonly warnings: ImportWarning[] = [];
  readonly counters: Counters = {
    examples: 0,
    ungradedExamples: 0,
    prompts: 0,
    good: 0,
    bad: 0,
    ok: 0,
    commentary: 0,
    inlineMath: 0,
    displayMath: 0,
  };
  readonly usedIds = new Set<string>();
  readonly citations: Citation[] = [];
  /** Links to `#id` written in the text, checked against the ids once everything is converted. */
  readonly references: Array<{ id: string; line: number; file: string | undefined }> = [];
  /** Upstream ids the import had to rename (reserved, invalid characters) → the id written; links follow. */
  readonly renamedIds = new Map<string, string>();
  /** Example and prompt ids as claimed by position, in order. */
  readonly claims: Claim[] = [];
  /**
   * Positional example/prompt id → the id written, so a published id keeps naming what it named
   * (kept-ids.ts); links to the positional id follow. With what to report on each.
   */
  readonly keptIds = new Map<string, string>();
  readonly keptNotes = new Map<string, string>();
  /** Eval-prompt groups that have a file; footnotes naming them become links. */
  readonly promptGroups = new Set<string>();
  /** Id of the first prompt of each group, filled before the text is converted. */
  readonly firstPromptId = new Map<string, string>();
  /** The chapter (index) of each section id, for footnotes (GFM pairs them within one file). */
  readonly chapterOf = new Map<string, number>();
  /** `chapter:name` of the footnote markers and definitions of the spec source. */
  readonly footnoteMarkers = new Set<string>();
  readonly footnoteDefinitions = new Set<string>();
  /** The file warnings are attributed to (undefined: the spec source). */
  file: string | undefined = undefined;
  /** The section being converted (for citations). */
  section = '';
  /** Warnings already given once, keyed by kind (to avoid repeating the same note a hundred times). */
  readonly #once = new Set<string>();

  warn(line: number, message: string): void {
    const warning: ImportWarning = { line, message };
    if (this.file) warning.file = this.file;
    this.warnings.push(warning);
  }

  warnOnce(key: string, line: number, message: string): void {
    if (this.#once.has(key)) return;
    this.#once.add(key);
    this.warn(line, message);
  }

  /** Whether the chapter being converted defines footnote `name` (false outside the spec's chapters). */
  footnoteDefined(name: string): boolean {
    const chapter = this.file === undefined ? this.chapterOf.get(this.section) : undefined;
    return chapter !== undefined && this.footnoteDefinitions.has(`${chapter}:${name}`);
  }

  /** Whether a marker of the chapter being converted cites footnote `name`; undefined when unknown. */
  footnoteCited(name: string): boolean | undefined {
    const chapter = this.file === undefined ? this.chapterOf.get(this.section) : undefined;
    return chapter === undefined ? undefined : this.footnoteMarkers.has(`${chapter}:${name}`);
  }

  /** Reserves `wanted`, or `wanted_2`, `wanted_3`, … when it is taken. */
  claimId(wanted: string): string {
    let id = wanted;
    for (let n = 2; this.usedIds.has(id); n++) id = `${wanted}_${n}`;
    this.usedIds.add(id);
    return id;
  }
}
