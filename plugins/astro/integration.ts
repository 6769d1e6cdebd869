import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unified } from '@astrojs/markdown-remark';
import type { AstroIntegration } from 'astro';
import type { RemarkSpecOptions } from '../remark-spec/index.ts';
import { getSpec, SpecError, type LoadedSpec } from '../model/loader.ts';
import { specRehypePlugins, specRemarkPlugins } from '../model/pipeline.ts';
import { writeSearchIndex } from './pagefind.ts';
import { checkBuiltLinks } from './link-check.ts';

export interface ModelSpecOptions {
  /** The folder with the spec sources and `spec.config.json` (default: `$SPEC_CONTENT_DIR` or `content`). */
  contentDir?: string;
}

/**
 * Loads and checks the whole spec before Astro starts (every content error, positioned, at once),
 * renders Markdown through the spec plugin, then indexes the built site for search.
 */
export function modelSpec(options: ModelSpecOptions = {}) {
  const contentDir = path.resolve(options.contentDir ?? process.env.SPEC_CONTENT_DIR ?? 'content');
  // Pages and the content collection read the same folder through this variable.
  process.env.SPEC_CONTENT_DIR = contentDir;
  let spec: LoadedSpec;
  try {
    spec = getSpec(contentDir);
  } catch (error) {
    if (error instanceof SpecError) {
      const failure = new Error(`The spec in ${path.relative(process.cwd(), contentDir) || '.'} has errors; the site was not built.\n\n${error.message}`);
      // The report says where the problem is; a stack trace into the generator would only distract.
      failure.stack = failure.message;
      throw failure;
    }
    throw error;
  }

  // Options that always read the current spec, so `astro dev` follows edits across files.
  const live: RemarkSpecOptions = {
    authorityLevels: spec.config.authorityLevels,
    ruleSeverity: spec.config.rules,
    resolveReference: (id) => spec.targets.get(id),
    knownIds: () => spec.targets.keys(),
    sectionLinks: (section, filePath) => spec.pluginOptions.sectionLinks?.(section, filePath) ?? [],
    throwOnError: true,
  };

  const integration: AstroIntegration = {
    name: 'model-spec-site',
    hooks: {
      'astro:server:setup': ({ server, logger }) => {
        server.watcher.on('all', (_event, file) => {
          if (!file.startsWith(contentDir)) return;
          const before = spec;
          try {
            spec = getSpec(contentDir, { revalidate: true });
          } catch (error) {
            logger.error(error instanceof Error ? error.message : String(error));
            return;
          }
          // Chapters that link to a section renamed or moved elsewhere render again with its new title.
          for (const chapter of dependentChapters(before, spec, file)) server.watcher.emit('change', chapter);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const links = await checkBuiltLinks(outDir, spec);
        if (links.problems.length > 0) {
          const shown = links.problems.slice(0, 30).map((problem) => '  ' + problem);
          if (links.problems.length > shown.length) shown.push(`  … and ${links.problems.length - shown.length} more`);
          throw new Error(`${links.problems.length} broken links in the built site:\n${shown.join('\n')}`);
        }
        logger.info(`links: ${links.links} internal links and fragments checked in ${links.pages} pages, all resolve`);
        const search = await writeSearchIndex(outDir, spec);
        logger.info(`search: indexed ${search.records} records (${search.sections} sections, ${search.examples} examples)`);
      },
    },
  };

  return {
    spec,
    contentDir,
    markdownProcessor: unified({
      remarkPlugins: specRemarkPlugins(live) as never,
      rehypePlugins: specRehypePlugins as never,
      // SmartyPants would rewrite quotes and dashes in example messages.
      smartypants: false,
    }),
    integration,
  };
}

/** Files (other than the one edited) whose cross-references point at an id whose title or place changed. */
function dependentChapters(before: LoadedSpec, after: LoadedSpec, edited: string): string[] {
  if (before === after) return [];
  const changed = new Set<string>();
  for (const [id, target] of after.targets) {
    const old = before.targets.get(id);
    if (!old || old.title !== target.title || old.href !== target.href) changed.add(id);
  }
  for (const id of before.targets.keys()) if (!after.targets.has(id)) changed.add(id);
  return after.chapters
    .filter((chapter) => path.resolve(chapter.path) !== path.resolve(edited))
    .filter((chapter) => chapter.data.references.some((reference) => changed.has(reference.target)))
    .map((chapter) => chapter.path);
}
