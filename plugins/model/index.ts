/**
 * The model's front door: everything outside `plugins/model/` imports from here, never from the
 * files beside it. The model reads a content folder (config, chapters) into one checked SpecModel;
 * exports, search records and URLs are views of it.
 */
export { ChapterCache } from './chapter-cache.ts';
export {
  chapterSlug,
  listChapterFiles,
  pendingImportFolder,
  releasesFolder,
  reservedPageNames,
  type ChapterFile,
  type ChapterListing,
} from './chapter-files.ts';
export {
  ConfigError,
  configFileName,
  defaultTags,
  loadSpecConfig,
  placeholderSite,
  parseSpecConfig,
  readSpecConfig,
  type EvalsConfig,
  type MdxPolicy,
  type SpecConfig,
  type SpecTag,
  draftGoverned,
} from './config.ts';
export { default as remarkContentAssets, checkContentAssets, type ContentAsset } from './content-assets.ts';
export { resolveContained } from './contained-path.ts';
export { processRunning } from './process-running.ts';
export { exampleRecords, examplesJsonl, specJson, specSchemaVersion } from './export.ts';
export { loadSpec, loadSpecWithPages, pluginOptions, prepareSpec, type Annotations, type LoadOptions, type PreparedSpec } from './loader.ts';
export { checkMdxTrust } from './mdx-trust.ts';
export { countExamples, indexChapters } from './indexes.ts';
export type { Chapter, ExampleCounts, SourceRange, SpecModel, Target } from './model.ts';
export {
  blankFrontmatter,
  katexOptions,
  remarkMathOptions,
  shikiConfig,
  specParser,
  specProcessor,
  specRehypePlugins,
  syntaxRemarkPlugins,
} from './pipeline.ts';
export { formatMessages, SpecError } from './report.ts';
export { searchRecords, type SearchRecord } from './search-records.ts';
export { searchWords } from './search-words.ts';
export { relativeTargetHref, siteUrls, type SiteUrls } from './urls.ts';
export { parseJsonDocument, pointerSegments, readJsonDocument, type JsonDocument, type JsonDocumentOptions, type JsonSegment } from './json-document.ts';
export { readChapter, type ChapterFormat } from './pipeline.ts';
export { hasCodeBlock, hasMath, onlyWhereNeeded } from './only-where-needed.ts';
export { ParsedPieces } from './parsed-pieces.ts';
export { summaryText } from './summary-text.ts';
