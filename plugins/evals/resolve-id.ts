import type { Removals } from '../releases/index.ts';
import type { SpecModel } from '../model/index.ts';

/** What a result's id stands for in one release of the spec. */
export type Resolved =
  | { kind: 'example'; id: string; section: string | null; via: string | null }
  | { kind: 'section'; id: string; section: string; via: string | null }
  | { kind: 'prompts'; id: string; section: string | null; examples: string[]; via: string | null }
  | { kind: 'unknown'; reason: string };

/**
 * Resolves a result's id the way links resolve: an example id (`id#2`, a graded point of
 * examples.jsonl, counts for the example), a section id, an old id (`oldids`), an upstream eval
 * prompt group (`092i`: the prompts imported from it, `prompt_092i_1`…), or an id removed on
 * purpose with a replacement (`removals.json`). Anything else is unknown, with the reason.
 */
export function resolveResultId(key: string, model: SpecModel, removals: Removals): Resolved {
  const id = key.replace(/#\d+$/, '');
  if (!id) return { kind: 'unknown', reason: 'the result names no id' };
  const direct = resolveInModel(id, model, null);
  if (direct) return direct;
  const removal = removals.get(id);
  if (removal) {
    if (!removal.see) return { kind: 'unknown', reason: `\`${id}\` was removed on purpose with no replacement (${removal.reason})` };
    return (
      resolveInModel(removal.see, model, id) ?? {
        kind: 'unknown',
        reason: `\`${id}\` was removed in favour of \`${removal.see}\`, which this release does not have`,
      }
    );
  }
  return { kind: 'unknown', reason: `\`${id}\` is no example, section, old id or eval prompt group of this release` };
}

function resolveInModel(id: string, model: SpecModel, via: string | null): Resolved | null {
  const example = model.examples.get(id);
  if (example) return { kind: 'example', id, section: example.example.section, via };
  const target = model.targets.get(id);
  if (target) {
    const current = target.aliasOf ?? id;
    const viaId = target.aliasOf ? (via ?? id) : via;
    if (model.examples.has(current)) return { kind: 'example', id: current, section: model.examples.get(current)!.example.section, via: viaId };
    if (model.sections.has(current)) return { kind: 'section', id: current, section: current, via: viaId };
  }
  const prompts = promptGroups(model).get(id);
  if (prompts) return { kind: 'prompts', id, section: prompts.section, examples: prompts.examples, via };
  return null;
}

const groupsOf = new WeakMap<SpecModel, Map<string, { section: string | null; examples: string[] }>>();

/** Eval prompts by upstream group (`group=092i`, ids `prompt_092i_1`…), indexed once per model. */
function promptGroups(model: SpecModel): Map<string, { section: string | null; examples: string[] }> {
  let groups = groupsOf.get(model);
  if (groups) return groups;
  groups = new Map();
  for (const { example } of model.examples.values()) {
    if (example.kind !== 'prompt') continue;
    const names = new Set([example.attributes.group, /^prompt_(.+)_\d+$/.exec(example.id)?.[1]].filter((name): name is string => Boolean(name)));
    for (const name of names) {
      const group = groups.get(name) ?? { section: example.section, examples: [] };
      group.examples.push(example.id);
      groups.set(name, group);
    }
  }
  groupsOf.set(model, groups);
  return groups;
}
