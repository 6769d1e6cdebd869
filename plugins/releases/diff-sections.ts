import type { SectionPlace, SectionRef, SectionsDiff } from './diff-types.ts';
import type { SectionData, SpecIndex } from './spec-index.ts';
import { sameText, wordDiff } from './word-diff.ts';

export function sectionPlace(index: SpecIndex, section: SectionData): SectionPlace {
  const parent = section.parent ? index.sections.get(section.parent) : undefined;
  return {
    chapter: section.chapter,
    chapterTitle: index.chapters.get(section.chapter)?.title ?? section.chapter,
    parent: section.parent,
    parentTitle: parent?.title ?? null,
  };
}

export function sectionRef(index: SpecIndex, section: SectionData): SectionRef {
  return { id: section.id, title: section.title, authority: section.authority, url: section.url, ...sectionPlace(index, section) };
}

/**
 * Sections of two versions compared by id. A new section whose `oldids` holds an id the new
 * version lost carries that id on: a rename (or a merge, when it existed before), never an
 * addition plus a removal. `renames` maps each such old id to its successor, for the examples.
 */
export function diffSections(from: SpecIndex, to: SpecIndex): { diff: SectionsDiff; renames: Map<string, string> } {
  const gone = [...from.sections.keys()].filter((id) => !to.sections.has(id));
  const renames = new Map<string, string>();
  for (const id of gone) {
    const successor = to.aliases.get(id);
    if (successor) renames.set(id, successor);
  }
  const diff: SectionsDiff = { added: [], removed: [], renamed: [], retitled: [], moved: [], authorityChanged: [], textChanged: [] };

  for (const id of gone) {
    const section = from.sections.get(id)!;
    const successor = renames.get(id);
    if (successor)
      diff.renamed.push({ from: sectionRef(from, section), to: sectionRef(to, to.sections.get(successor)!), merged: from.sections.has(successor) });
    else diff.removed.push(sectionRef(from, section));
  }

  // The chapter a section of the old version belongs to, as the new version names it.
  const chapterId = (index: SpecIndex, slug: string) => index.chapters.get(slug)?.id ?? slug;
  const current = (id: string | null) => (id === null ? null : (renames.get(id) ?? id));

  for (const section of to.sections.values()) {
    // The section it was: the same id, or else the first lost id it carries on (a rename).
    const oldId = from.sections.has(section.id) ? section.id : section.oldIds.find((old) => renames.get(old) === section.id);
    if (oldId === undefined) {
      diff.added.push(sectionRef(to, section));
      continue;
    }
    const before = from.sections.get(oldId)!;
    const ref = sectionRef(to, section);
    const renamed = oldId !== section.id ? { oldId } : {};
    if (before.title !== section.title) diff.retitled.push({ id: section.id, ...renamed, from: before.title, to: section.title, section: ref });
    const chapterChanged = current(chapterId(from, before.chapter)) !== chapterId(to, section.chapter);
    const parentChanged = current(before.parent) !== section.parent;
    if (chapterChanged || parentChanged) {
      diff.moved.push({
        id: section.id,
        ...renamed,
        from: sectionPlace(from, before),
        to: sectionPlace(to, section),
        chapterChanged,
        parentChanged,
        section: ref,
      });
    }
    if (before.authority !== section.authority)
      diff.authorityChanged.push({ id: section.id, ...renamed, from: before.authority, to: section.authority, section: ref });
    if (!sameText(before.text, section.text)) diff.textChanged.push({ id: section.id, ...renamed, section: ref, ...wordDiff(before.text, section.text) });
  }
  return { diff, renames };
}
