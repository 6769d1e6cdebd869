import { unified } from 'unified';
import { VFile } from 'vfile';
import { readChapter } from '../../model/index.ts';
import remarkSpec, { collectTargets } from '../../remark-spec/index.ts';
import type { ReferenceTarget, SpecFileData } from '../../remark-spec/index.ts';
import type { ImportResult } from '../types.ts';

export interface Parsed {
  files: Array<{ path: string; data: SpecFileData; messages: Array<{ text: string; ruleId: string; fatal: boolean }> }>;
  errors: string[];
  /** Warnings other than `missing-rationale` (upstream grades often have no reason). */
  warnings: string[];
}

/**
 * Runs every imported chapter through the site's Markdown pipeline with remark-spec, resolving
 * cross-references across chapters as the loader does.
 */
export function parseImported(result: ImportResult): Parsed {
  // The loader's one road: what the site reads is what these tests read.
  const sources = result.files.map((file) => {
    const vfile = new VFile({ path: file.path, value: file.content });
    return { path: file.path, vfile, tree: readChapter(vfile, 'md') };
  });
  const targets = new Map<string, ReferenceTarget>();
  for (const source of sources) {
    for (const target of collectTargets(source.tree)) {
      targets.set(target.id, { title: target.title, href: `/${source.path}/#${target.aliasOf ?? target.id}`, kind: target.kind });
    }
  }
  const transformer = unified().use(remarkSpec, {
    authorityLevels: result.config.authorityLevels,
    resolveReference: (id: string) => targets.get(id),
    knownIds: () => targets.keys(),
  });
  const parsed: Parsed = { files: [], errors: [], warnings: [] };
  for (const source of sources) {
    transformer.runSync(source.tree, source.vfile);
    const messages = source.vfile.messages.map((message) => ({
      text: `${source.path}:${message.line ?? '?'}: ${message.reason} (${message.ruleId ?? ''})`,
      ruleId: message.ruleId ?? '',
      fatal: message.fatal === true,
    }));
    for (const message of messages) {
      if (message.fatal) parsed.errors.push(message.text);
      else if (message.ruleId !== 'missing-rationale') parsed.warnings.push(message.text);
    }
    parsed.files.push({ path: source.path, data: source.vfile.data.spec!, messages });
  }
  return parsed;
}

/** Figures from the plugin's data, shaped like the importer's summary. */
export function figures(parsed: Parsed) {
  const all = parsed.files.map((file) => file.data);
  const examples = all.flatMap((data) => data.examples);
  const inSpec = examples.filter((example) => !('group' in example.attributes));
  const responses = inSpec.flatMap((example) => example.turns.flatMap((turn) => (turn.kind === 'response' ? [turn] : [])));
  return {
    sections: all.flatMap((data) => data.sections),
    examples: inSpec.length,
    gradedExamples: inSpec.filter((example) => example.kind === 'example').length,
    evalPrompts: examples.length - inSpec.length,
    good: responses.filter((turn) => turn.grade === 'compliant').length,
    bad: responses.filter((turn) => turn.grade === 'violating').length,
    ok: responses.filter((turn) => turn.grade === 'ok').length,
    commentary: all.reduce((sum, data) => sum + data.commentary.length, 0),
    sectionsWithAuthority: all.flatMap((data) => data.sections).filter((section) => section.authority).length,
    all: examples,
  };
}
