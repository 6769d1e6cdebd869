import type { VFile } from 'vfile';
import type { ReferenceTarget, SourceRange, SpecExample, SpecFileData, SpecSection } from '../remark-spec/index.ts';
import type { SpecConfig } from './config.ts';
import type { ContentAsset } from './content-assets.ts';

/**
 * The spec-level model: one content folder (the draft, or one frozen release), parsed once and
 * checked. Pages, exports, search records and diffs are views of it.
 */

/** One source file: one page of the site. */
export interface Chapter {
  /** URL segment: the file name without extension and ordering prefix (`02-chain.md` → `chain`). */
  slug: string;
  /** Path relative to the content folder, with `/` separators. */
  file: string;
  /** Absolute path. */
  path: string;
  format: 'md' | 'mdx';
  /** The chapter rule, decided once: a chapter's title is its first section's title. */
  title: string;
  /** That title as readers see it (the section's `displayTitle`): pages, contents and menus show this. */
  displayTitle: string;
  /** The first section (the chapter heading), when the file has one. */
  id: string | null;
  /** Site-relative URL of the page in the model's edition: `/chain/` or `/2025-09-12/chain/`. */
  url: string;
  data: SpecFileData;
  /**
   * The rendered page body for `.md` chapters, from the same parse as `data`. Cross-references in
   * it are relative (`../chain/#id`), so one rendering serves every place a release is published.
   * `.mdx` chapters are compiled by Astro's MDX integration instead (null here).
   */
  html: string | null;
}

/** An id the spec defines (section, old id of a section, example), where it is and where it leads. */
export interface Target extends ReferenceTarget {
  id: string;
  /** The chapter slug. */
  chapter: string;
  /** For an old id: the id it stands for now. */
  aliasOf?: string;
  /** Where the id is written: content-relative file and 1-based line and column. */
  source: { file: string; line: number; column: number };
}

/** How many graded examples and eval prompts: counted apart. */
export interface ExampleCounts {
  examples: number;
  prompts: number;
}

/** A whole content folder, parsed and checked: the single source pages, exports and search read. */
export interface SpecModel {
  contentDir: string;
  config: SpecConfig;
  chapters: Chapter[];
  targets: Map<string, Target>;
  /** Built by `indexChapters` (indexes.ts), like `examples` and `counts`. */
  sections: Map<string, { section: SpecSection; chapter: Chapter /** The examples directly in the section. */; counts: ExampleCounts }>;
  examples: Map<string, { example: SpecExample; chapter: Chapter }>;
  /** Every example of the spec. */
  counts: ExampleCounts;
  files: VFile[];
  /** Images and files the chapters use, to be copied into the site (`output` under the base path). */
  assets: ContentAsset[];
}

export type { SourceRange };
