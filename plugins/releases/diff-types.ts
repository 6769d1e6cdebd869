/** The detailed comparison of two spec versions, for the changes page (changes.json is derived). */

/** A run of words of a word-level diff: unchanged, added or removed (jsdiff's change objects). */
export interface DiffPart {
  value: string;
  added?: true;
  removed?: true;
}

/** Where a section sits: its chapter (slug and title) and enclosing section. */
export interface SectionPlace {
  chapter: string;
  chapterTitle: string;
  parent: string | null;
  parentTitle: string | null;
}

/** A section as one version has it, with what a list entry on the changes page shows. */
export interface SectionRef extends SectionPlace {
  id: string;
  title: string;
  authority: string | null;
  url: string;
}

export interface SectionsDiff {
  added: SectionRef[];
  removed: SectionRef[];
  /** A removed id listed in a section's `oldids`: `to.id` carries it on (`merged`: that section existed before). */
  renamed: Array<{ from: SectionRef; to: SectionRef; merged: boolean }>;
  retitled: Array<{ id: string; oldId?: string; from: string; to: string; section: SectionRef }>;
  /** The chapter or the enclosing section changed (renames of either do not count). */
  moved: Array<{ id: string; oldId?: string; from: SectionPlace; to: SectionPlace; chapterChanged: boolean; parentChanged: boolean; section: SectionRef }>;
  /** The section's own level, by level name. */
  authorityChanged: Array<{ id: string; oldId?: string; from: string | null; to: string | null; section: SectionRef }>;
  /** The body text changed (whitespace aside); `parts` is the word diff of the plain text. */
  textChanged: Array<{ id: string; oldId?: string; section: SectionRef; parts: DiffPart[]; wordsAdded: number; wordsRemoved: number; rewritten?: true }>;
}

export interface ExamplePlace {
  chapter: string;
  chapterTitle: string;
  section: string | null;
  sectionTitle: string | null;
}

export interface ExampleRef extends ExamplePlace {
  id: string;
  kind: 'example' | 'prompt';
  title: string;
  url: string;
}

/** What changed in an example: its title or description, context messages, responses, grades, rationales. */
export type ExampleAspect = 'title' | 'description' | 'messages' | 'responses' | 'grades' | 'rationales';

/** A turn as the diff shows it. */
export interface TurnSummary {
  role: string;
  grade?: 'compliant' | 'violating' | 'ok';
  rationale?: string;
  content: string;
}

/** One turn that was added, removed or edited; indexes are 0-based in the old and new example. */
export interface TurnChange {
  change: 'added' | 'removed' | 'changed';
  fromIndex: number | null;
  toIndex: number | null;
  from: TurnSummary | null;
  to: TurnSummary | null;
  /** For edited turns: which of content (with settings and attributes), grade and rationale changed. */
  fields: Array<'content' | 'grade' | 'rationale'>;
  /** Word diff of the content of an edited turn. */
  parts?: DiffPart[];
  /** The content was rewritten: `parts` is the old text, then the new. */
  rewritten?: true;
}

export interface ExamplesDiff {
  added: ExampleRef[];
  removed: ExampleRef[];
  changed: Array<{ id: string; aspects: ExampleAspect[]; turns: TurnChange[]; from: ExampleRef; to: ExampleRef; titleFrom?: string }>;
  /**
   * The enclosing section or chapter changed (renames of either do not count). `withSection`: the
   * example stayed in its section, which moved to another chapter; the section's move says it.
   */
  moved: Array<{ id: string; from: ExamplePlace; to: ExamplePlace; example: ExampleRef; withSection: boolean }>;
}

export interface ReleaseDiff {
  from: string;
  to: string;
  sections: SectionsDiff;
  examples: ExamplesDiff;
}
