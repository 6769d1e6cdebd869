import type { ReleaseDiff, SectionRef } from './diff-types.ts';

/** One line of a changes page's summary, with the sections it stands for (listed under it). */
export interface SummaryLine {
  text: string;
  sections: SectionRef[];
}

/**
 * The changes of a release in a few sentences a reader can skim: sections that changed the same
 * way (the same change of authority, the same move between chapters) are one line, not one per
 * section. `label` names an authority level.
 */
export function summarizeChanges(diff: ReleaseDiff, label: (level: string | null) => string): SummaryLine[] {
  const { sections: s, examples: e } = diff;
  const lines: SummaryLine[] = [];
  const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  const grouped = <T>(items: T[], key: (item: T) => string) => {
    const groups = new Map<string, T[]>();
    for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
    return [...groups.values()].sort((a, b) => b.length - a.length);
  };
  if (s.added.length) lines.push({ text: `${count(s.added.length, 'section')} added`, sections: s.added });
  if (s.removed.length) lines.push({ text: `${count(s.removed.length, 'section')} removed`, sections: s.removed });
  if (s.renamed.length)
    lines.push({ text: `${count(s.renamed.length, 'section')} renamed (old links still land on them)`, sections: s.renamed.map(({ to }) => to) });
  if (s.retitled.length) lines.push({ text: `${count(s.retitled.length, 'section')} retitled`, sections: s.retitled.map(({ section }) => section) });
  for (const group of grouped(s.authorityChanged, (change) => `${change.from}\u0000${change.to}`)) {
    const { from, to } = group[0]!;
    lines.push({ text: `${count(group.length, 'section')} moved from ${label(from)} to ${label(to)}`, sections: group.map(({ section }) => section) });
  }
  for (const group of grouped(s.moved, (move) => (move.chapterChanged ? `${move.from.chapter}\u0000${move.to.chapter}` : '\u0000parent'))) {
    const first = group[0]!;
    const text = first.chapterChanged
      ? `${count(group.length, 'section')} moved from “${first.from.chapterTitle}” to “${first.to.chapterTitle}”`
      : `${count(group.length, 'section')} moved within ${group.every((move) => move.to.chapter === first.to.chapter) ? `“${first.to.chapterTitle}”` : 'their chapters'}`;
    lines.push({ text, sections: group.map(({ section }) => section) });
  }
  if (s.textChanged.length) {
    const rewritten = s.textChanged.filter((change) => change.rewritten).length;
    const words = s.textChanged.reduce((sum, change) => sum + change.wordsAdded + change.wordsRemoved, 0);
    lines.push({
      text: `${count(s.textChanged.length, 'section')} reworded (${count(words, 'word')} changed${rewritten ? `; ${rewritten} rewritten` : ''})`,
      sections: s.textChanged.map(({ section }) => section),
    });
  }
  // Examples and eval prompts counted apart, as everywhere else on the site.
  const exampleLines = (refs: Array<{ kind: 'example' | 'prompt' }>, what: string) => {
    const prompts = refs.filter((ref) => ref.kind === 'prompt').length;
    const examples = refs.length - prompts;
    if (examples) lines.push({ text: `${count(examples, 'example')} ${what}`, sections: [] });
    if (prompts) lines.push({ text: `${count(prompts, 'eval prompt')} ${what}`, sections: [] });
  };
  exampleLines(e.added, 'added');
  exampleLines(e.removed, 'removed');
  exampleLines(
    e.changed.map(({ to }) => to),
    'changed',
  );
  exampleLines(
    e.moved.filter((move) => !move.withSection).map(({ example }) => example),
    'moved',
  );
  exampleLines(
    e.moved.filter((move) => move.withSection).map(({ example }) => example),
    'moved with their section',
  );
  return lines;
}
