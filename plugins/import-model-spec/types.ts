/** Types shared by the importer modules. */
import type { ReleaseHistory } from './kept-ids.ts';

/** Something the importer did not fully understand or had to change; the text is never dropped. */
export interface ImportWarning {
  /** 1-based line in the file named by `file` (the spec source when `file` is absent). */
  line: number;
  message: string;
  /** The eval-prompt file the line belongs to (`examples/abcd.md`), absent for the spec source. */
  file?: string;
}

/** One output chapter: `NN-slug.md` relative to the output folder. */
export interface ImportedFile {
  path: string;
  content: string;
}

export interface ImportedAuthorityLevel {
  name: string;
  label: string;
  description: string;
}

/** The `spec.config.json` the importer proposes (fields of plugins/model/config.ts). */
export interface ImportedConfig {
  title: string;
  shortTitle: string;
  description: string;
  version: string;
  authorityLevels: ImportedAuthorityLevel[];
  /** Severity of warning rules; upstream grades often carry no reason, so that one is off. */
  rules: { 'missing-rationale': 'off' };
  /** Curly quotes, dashes and ellipses at render time, as the official rendering shows them. */
  typography: 'smart';
}

export interface ImportOptions {
  /** Eval-prompt files by footnote name (`abcd` for `examples/abcd.md`) → file content. */
  examples?: Readonly<Record<string, string>> | null;
  /** Site title (default `Model Spec`). */
  title?: string | null;
  /** Release name shown by the site (e.g. `2025-09-12`); default empty. */
  version?: string | null;
  /** How the eval-prompt folder is named in warnings (default `examples`). */
  examplesLabel?: string | null;
  /**
   * The releases already published (`--release` into a folder with releases): example and prompt
   * ids they published keep naming the same content (kept-ids.ts).
   */
  history?: ReleaseHistory | null;
}

export interface ImportSummary {
  chapters: number;
  /** Every heading (chapters included). */
  sections: number;
  /** Headings with `authority=`. */
  sectionsWithAuthority: number;
  /** Headings that had no `{#id}` upstream and were given one. */
  generatedSectionIds: number;
  /** Example conversations in the spec text (graded ones plus `ungradedExamples`). */
  examples: number;
  /** Conversations in the spec text without any graded response, imported as `::::prompt`. */
  ungradedExamples: number;
  grades: { good: number; bad: number; ok: number };
  commentary: number;
  evalPrompts: {
    /** Eval-prompt files given. */
    files: number;
    /** Prompts written (all files). */
    prompts: number;
    /** Footnotes turned into links to their prompts. */
    linkedFootnotes: number;
    /** Footnotes without a file (kept as written). */
    missingFiles: number;
    /** Files no footnote cites (their prompts are still written). */
    uncitedFiles: number;
  };
  math: { inline: number; display: number };
  warnings: number;
}

export interface ImportResult {
  files: ImportedFile[];
  config: ImportedConfig;
  warnings: ImportWarning[];
  summary: ImportSummary;
}
