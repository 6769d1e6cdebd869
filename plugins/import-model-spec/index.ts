import { frontMatter, tokenize, type Block } from './blocks.ts';
import { authorityLevels, describe, plainInline } from './config.ts';
import { ImportContext, toLines, type SourceLine } from './context.ts';
import { convertEvalPrompts, type EvalPromptGroup } from './eval-prompts.ts';
import { normalizeAuthority, renderHeading, type Heading } from './headings.ts';
import { idPattern, slugify } from './ids.ts';
import { checkReferences, scanFootnotes } from './references.ts';
import { defaultAuthorityLevels, idMessage, idProblem, maxIdLength, reservedIdPrefixes } from '../remark-spec/index.ts';
import { reservedPageNames } from '../model/index.ts';
import { renderBlocks } from './render.ts';
import { keepPublishedMeaning, type KeptIds } from './kept-ids.ts';
import { indexIds } from './published-ids.ts';
import type { ImportedFile, ImportOptions, ImportResult } from './types.ts';

export type * from './types.ts';
export { slugify } from './ids.ts';
// What the import command needs besides the conversion: merging configs, writing the output,
// and mapping the ids a release dropped.
export { mergeConfig } from './config-merge.ts';
export { addOldIds, readMapping, resolveMapping, type Removal } from './id-mapping.ts';
export { sourceAssets, type SourceAsset } from './assets.ts';
export { configName, finishPendingImport, ImportError, planOutput, writeValidated, type OutputPlan, type ReleaseIntent } from './output.ts';
export { indexIds, publishedIds, readChapters, releaseChapters } from './published-ids.ts';
export type { ReleaseHistory } from './kept-ids.ts';
export { findVanished, mappingTemplate, type VanishedId } from './vanished-ids.ts';

interface SectionOut {
  id: string;
  heading: Heading;
  line: number;
  blocks: Block[];
  body: string[];
  appended: string[];
  /** Made by the importer (introduction, unreferenced prompts), not an upstream heading. */
  synthetic?: boolean;
  /** Heading attributes our format has no place for, kept as text under the heading. */
  keptAttributes: string[];
}

/**
 * Converts one upstream Model Spec release (`model_spec.md`, with its `examples/*.md` eval prompts
 * passed in `options.examples`) into chapter files in our format. Pure: no file system access.
 */
export function importModelSpec(source: string, options: ImportOptions = {}): ImportResult {
  const first = convert(source, options, null);
  if (!options.history) return first.result;
  // Positional ids are known only once everything is converted; a second pass writes the kept ones
  // (the conversion is deterministic, so it claims the same positional ids in the same order).
  const kept = keepPublishedMeaning(options.history, first.context.claims, indexIds(first.result.files), first.context.usedIds);
  if (kept.moves.size === 0 && kept.notes.size === 0) return first.result;
  return convert(source, options, kept).result;
}

function convert(source: string, options: ImportOptions, kept: KeptIds | null): { result: ImportResult; context: ImportContext } {
  const context = new ImportContext();
  for (const [from, to] of kept?.moves ?? []) context.keptIds.set(from, to);
  for (const [id, note] of kept?.notes ?? []) context.keptNotes.set(id, note);
  let lines = toLines(source);
  const front = frontMatter(lines);
  if (front) {
    // Our chapters have no front matter; the release's title and version come from the options.
    context.warn(
      1,
      `Unexpected YAML front matter (lines 1-${front.length}, keys ${front.keys.map((key) => `\`${key}\``).join(', ')}), expected Markdown; dropped (pass --title / --version to use its values)`,
    );
    lines = lines.slice(front.length);
  }
  const blocks = tokenize(lines, context, { headings: true });

  // Sections: every heading, in order; blocks before the first one go to an introduction.
  const sections: SectionOut[] = [];
  const intro: Block[] = [];
  for (const block of blocks) {
    if (block.type === 'heading') sections.push({ id: '', heading: block.heading, line: block.line, blocks: [], body: [], appended: [], keptAttributes: [] });
    else if (sections.length > 0) sections[sections.length - 1]!.blocks.push(block);
    else intro.push(block);
  }
  const introHasContent = intro.some((block) => block.type !== 'text' || block.lines.some((line) => line.text.trim() !== ''));
  if (introHasContent || (sections.length > 0 && sections[0]!.heading.depth > 1) || sections.length === 0) {
    if (introHasContent) context.warn(intro[0] ? firstLine(intro[0]) : 1, 'Text before the first `#` heading; put in an "Introduction" chapter');
    sections.unshift({
      id: '',
      heading: { depth: 1, title: 'Introduction', id: null, authority: null, tags: null, unknown: [] },
      line: 1,
      blocks: intro,
      body: [],
      appended: [],
      keptAttributes: [],
      synthetic: true,
    });
  }

  // Ids: upstream ids first (they are the permalinks), then slugs for headings without one.
  const authorityUsed = new Map<string, number>();
  let generatedSectionIds = 0;
  for (const section of sections) {
    const { heading } = section;
    readAttributes(section, context);
    if (heading.authority && !authorityUsed.has(heading.authority)) authorityUsed.set(heading.authority, section.line);
    if (!heading.id) continue;
    const original = heading.id;
    if (!idPattern.test(heading.id) || heading.id.length > maxIdLength) {
      context.warn(
        section.line,
        `Unexpected heading id \`${heading.id}\`, expected letters, digits, \`_\` and \`-\` (at most ${maxIdLength}); using \`${slugify(heading.id, 64)}\`, and links to \`#${heading.id}\` follow`,
      );
      heading.id = slugify(heading.id, 64) || null;
      if (!heading.id) continue;
    }
    if (idProblem(heading.id) === 'reserved') {
      const renamed = allowedId(heading.id);
      context.warn(section.line, `${idMessage('heading id', heading.id, 'reserved')}; using \`${renamed}\`, and links to \`#${original}\` follow`);
      heading.id = renamed;
    }
    if (context.usedIds.has(heading.id)) context.warn(section.line, `Duplicate heading id \`${heading.id}\`; this one is renamed`);
    section.id = context.claimId(heading.id);
    // Links to the id as written must reach the section under its new name (the first one, as a
    // browser would for a duplicate).
    if (section.id !== original && !context.usedIds.has(original) && !context.renamedIds.has(original)) context.renamedIds.set(original, section.id);
  }
  for (const section of sections) {
    if (section.id) continue;
    section.id = context.claimId(allowedId(slugify(plainInline(section.heading.title), 64) || 'section'));
    generatedSectionIds++;
    if (!section.synthetic) context.warn(section.line, `Heading \`${section.heading.title}\` has no \`{#id}\`; pinned as \`${section.id}\``);
  }

  // Eval prompts: converted before the text so footnote markers can link to their first prompt.
  const examplesLabel = options.examplesLabel ?? 'examples';
  const groups = new Map<string, EvalPromptGroup>();
  for (const name of Object.keys(options.examples ?? {}).sort()) {
    const group = convertEvalPrompts(name, options.examples![name]!, context, `${examplesLabel}/${name}.md`);
    groups.set(name, group);
    context.promptGroups.add(name);
    if (group.ids[0]) context.firstPromptId.set(name, group.ids[0]);
  }

  // Footnotes are paired within a chapter file (GFM's scope): find markers and definitions first.
  let chapter = -1;
  for (const section of sections) {
    if (section.heading.depth === 1 || chapter < 0) chapter++;
    context.chapterOf.set(section.id, chapter);
    for (const line of textLines(section.blocks)) {
      const found = scanFootnotes(line.text);
      for (const name of found.markers) context.footnoteMarkers.add(`${chapter}:${name}`);
      for (const name of found.definitions) context.footnoteDefinitions.add(`${chapter}:${name}`);
    }
  }

  // The text, section by section.
  for (const section of sections) {
    context.section = section.id;
    section.body = renderBlocks(section.blocks, context);
  }

  // Prompts go to the end of the section that cites them first; uncited files to the section
  // their header names, or to a final chapter, so nothing is lost.
  const byId = new Map(sections.map((section) => [section.id, section]));
  const placed = new Set<string>();
  for (const citation of context.citations) {
    const group = groups.get(citation.name);
    if (!group || placed.has(citation.name)) continue;
    placed.add(citation.name);
    byId.get(citation.section)?.appended.push('', ...group.lines);
  }
  const leftover: EvalPromptGroup[] = [];
  for (const group of groups.values()) {
    if (placed.has(group.name)) continue;
    const title = group.sectionTitle ? normalizeTitle(group.sectionTitle) : null;
    const home = title ? sections.find((section) => normalizeTitle(section.heading.title) === title) : undefined;
    context.file = group.file;
    if (home) {
      context.warn(
        1,
        `No footnote \`[^${group.name}]\` cites this file; its prompts are placed at the end of "${home.heading.title}", the section its header names`,
      );
      home.appended.push('', ...group.lines);
    } else {
      context.warn(
        1,
        `No footnote \`[^${group.name}]\` cites this file and its header names no section; its prompts go to the "Unreferenced eval prompts" chapter`,
      );
      leftover.push(group);
    }
    context.file = undefined;
  }
  if (leftover.length > 0) {
    const id = context.claimId('unreferenced_eval_prompts');
    generatedSectionIds++;
    sections.push({
      id,
      heading: { depth: 1, title: 'Unreferenced eval prompts', id, authority: null, tags: null, unknown: [] },
      line: lines.length,
      blocks: [],
      body: ['Eval prompts shipped with this release that no footnote cites.'],
      appended: leftover.flatMap((group) => ['', ...group.lines]),
      keptAttributes: [],
      synthetic: true,
    });
  }

  // Chapters: a new file at every level-1 heading.
  const chapters: SectionOut[][] = [];
  for (const section of sections) {
    if (section.heading.depth === 1 || chapters.length === 0) chapters.push([]);
    chapters[chapters.length - 1]!.push(section);
  }
  const width = Math.max(2, String(chapters.length).length);
  const usedNames = new Set<string>();
  const files: ImportedFile[] = chapters.map((chapter, index) => {
    let name =
      chapter[0]!.id
        .toLowerCase()
        .replace(/_/g, '-')
        .replace(/[^a-z0-9-]+/g, '-')
        .replace(/^-+|-+$/g, '') || 'chapter';
    // A page the site has itself (`evals`, `search`, …) cannot be a chapter's page.
    if (reservedPageNames.has(name)) name = `${name}-chapter`;
    for (let n = 2; usedNames.has(name); n++) name = `${name.replace(/-\d+$/, '')}-${n}`;
    usedNames.add(name);
    return { path: `${String(index + 1).padStart(width, '0')}-${name}.md`, content: renderChapter(chapter) };
  });

  checkReferences(context, new Set([...context.usedIds].map((id) => context.keptIds.get(id) ?? id)));

  const firstChapterText = sections[0]?.blocks.flatMap((block) => (block.type === 'text' ? block.lines : [])) ?? [];
  const title = options.title ?? 'Model Spec';
  // spec.config.json needs at least one level: a release that names none gets the defaults.
  const levels = authorityLevels(authorityUsed, lines, context);
  const config = {
    title,
    shortTitle: title,
    description: describe(firstChapterText),
    version: options.version ?? '',
    authorityLevels: levels.length > 0 ? levels : defaultAuthorityLevels.map((level) => ({ ...level })),
    rules: { 'missing-rationale': 'off' as const },
    typography: 'smart' as const,
  };

  const { counters } = context;
  const citedNames = new Set(context.citations.map((citation) => citation.name));
  const missingFiles = new Set<string>();
  for (const warning of context.warnings) {
    const match = /^Footnote `\[\^([^\]]+)\]` names no eval-prompt file/.exec(warning.message);
    if (match) missingFiles.add(match[1]!);
  }
  const result: ImportResult = {
    files,
    config,
    warnings: context.warnings,
    summary: {
      chapters: files.length,
      sections: sections.length,
      sectionsWithAuthority: sections.filter((section) => section.heading.authority).length,
      generatedSectionIds,
      examples: counters.examples,
      ungradedExamples: counters.ungradedExamples,
      grades: { good: counters.good, bad: counters.bad, ok: counters.ok },
      commentary: counters.commentary,
      evalPrompts: {
        files: groups.size,
        prompts: counters.prompts,
        linkedFootnotes: context.citations.length,
        missingFiles: missingFiles.size,
        uncitedFiles: [...groups.keys()].filter((name) => !citedNames.has(name)).length,
      },
      math: { inline: counters.inlineMath, display: counters.displayMath },
      warnings: context.warnings.length,
    },
  };
  return { result, context };
}

function renderChapter(sections: SectionOut[]): string {
  const out: string[] = [];
  for (const section of sections) {
    if (out.length > 0) out.push('');
    out.push(...renderHeading(section.heading, section.id));
    if (section.keptAttributes.length > 0) {
      out.push('', `Heading attributes of the upstream source: ${section.keptAttributes.map(codeSpan).join(' ')}`);
    }
    const body = trimBlank([...trimBlank(section.body), ...section.appended]);
    if (body.length > 0) out.push('', ...body);
  }
  return out.join('\n') + '\n';
}

/**
 * Checks the attributes of an upstream heading: `authority=` normalised to a level name
 * (markup and capitals dropped) or, when nothing usable is left, kept as text like any attribute
 * our `::section` has no place for. Each case is reported with the heading's line.
 */
function readAttributes(section: SectionOut, context: ImportContext): void {
  const { heading } = section;
  if (heading.authority !== null) {
    const raw = heading.authority;
    const name = normalizeAuthority(raw);
    if (name === null) {
      context.warn(
        section.line,
        `Unexpected authority \`${raw}\`, expected a level name such as \`root\` or \`user\`; the section has no authority and the value is kept as text under the heading`,
      );
      section.keptAttributes.push(`authority=${raw}`);
    } else if (name !== raw) {
      context.warn(section.line, `Unexpected authority \`${raw}\`, expected a lower-case level name; read as \`${name}\``);
    }
    heading.authority = name;
  }
  if (heading.unknown.length > 0) {
    const list = heading.unknown.map((token) => `\`${token}\``).join(', ');
    context.warn(section.line, `Unexpected heading attribute ${list}, expected \`#id\`, \`authority=\` or \`tags=\`; kept as text under the heading`);
    section.keptAttributes.push(...heading.unknown);
  }
}

/** Inline code that shows `text` exactly, whatever backticks it holds. */
function codeSpan(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  const ticks = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${text}${pad}${ticks}`;
}

function trimBlank(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start]!.trim() === '') start++;
  while (end > start && lines[end - 1]!.trim() === '') end--;
  return lines.slice(start, end);
}

function normalizeTitle(title: string): string {
  return plainInline(title).toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' ').trim();
}

/** The lines of blocks that may hold footnotes: text, examples (descriptions and messages) and admonitions, not code. */
function textLines(blocks: readonly Block[]): SourceLine[] {
  return blocks.flatMap((block): SourceLine[] => {
    switch (block.type) {
      case 'text':
        return block.lines;
      case 'example':
        return [...block.description, ...block.body];
      case 'admonition':
        return textLines(block.body);
      default:
        return [];
    }
  });
}

/** `id`, or a name for it the site does not reserve: `search` → `search_section`, `ms-x` → `section_ms-x`. */
function allowedId(id: string): string {
  if (idProblem(id) !== 'reserved') return id;
  return reservedIdPrefixes.some((prefix) => id.startsWith(prefix)) ? `section_${id}` : `${id}_section`;
}

function firstLine(block: Block): number {
  switch (block.type) {
    case 'text':
    case 'code':
      return block.lines[0]?.line ?? 1;
    default:
      return block.line;
  }
}
