/** The structured data the plugin extracts from one spec source file. */
import type { ElementContent, Properties } from 'hast';
import type { RootContent } from 'mdast';
import type { Node as UnistNode, Parent as UnistParent } from 'unist';

/** A 1-based line:column place in the source file (unist style). */
export interface SourcePoint {
  line: number;
  column: number;
}

/** Where a node sits in its source file. */
export interface SourceRange {
  start: SourcePoint;
  end: SourcePoint;
}

/** One authority level a spec declares; the order of the list is the rank (highest first). */
export interface AuthorityLevel {
  /** The value authors write: `authority=root`. */
  name: string;
  /** Shown on badges: `Root`. */
  label: string;
  /** One sentence for the legend and the badge tooltip. */
  description: string;
}

/** A heading with its stable id. */
export interface SpecSection {
  id: string;
  /** Plain-text title, the author's characters (what the exports keep). */
  title: string;
  /** The title as readers see it: smart typography under `typography: smart`, else `title`. */
  displayTitle: string;
  /** Heading depth: 1 for a chapter, 2 for its sections, … */
  depth: number;
  /** The section's own level, or null when it declares none. */
  authority: string | null;
  /** The level that applies: its own, else the nearest enclosing section's (null when none declares one). */
  effectiveAuthority: string | null;
  /** The id of the enclosing section, or null for a chapter. */
  parent: string | null;
  /** Levels of this section and everything inside it, highest rank first. */
  authorities: string[];
  /** Ids this section used to have; links to them land here. */
  oldIds: string[];
  /** Tags written as `tags="under_18 other"` (names follow the id pattern), in order, without repeats. */
  tags: string[];
  /** Ids of the examples directly in this section (not in subsections). */
  examples: string[];
  /** The author's Markdown of the section body up to the next heading, verbatim. */
  markdown: string;
  /** The body as plain text (block-aware: list items and paragraphs stay apart). */
  text: string;
  position: SourceRange;
}

export type MessageRole = 'system' | 'developer' | 'user' | 'assistant' | 'tool';
export type Grade = 'compliant' | 'violating' | 'ok';

/** What every turn of a conversation carries. */
export interface SpecTurnBody {
  /** The author's Markdown of the body, verbatim (nested `:::untrusted` kept, `:::settings` removed). */
  content: string;
  /** The body as plain text. */
  text: string;
  /** Attributes written on the directive (`recipient`, `end_turn`, `name`, `under_18`, …). */
  attributes: Record<string, string>;
  /** `key: value` lines of a nested `:::settings` block. */
  settings: Record<string, string>;
  /** Verbatim Markdown of each nested `:::untrusted` block, in order. */
  untrusted: string[];
  position: SourceRange;
}

/** A context message in an example conversation. */
export interface SpecMessage extends SpecTurnBody {
  kind: 'message';
  role: MessageRole;
}

/** A graded assistant response; consecutive responses form one comparison. */
export interface SpecResponse extends SpecTurnBody {
  kind: 'response';
  grade: Grade;
  /** The short rationale (the directive's label), plain text; empty when missing. */
  rationale: string;
  /** 0-based index of the comparison this response belongs to within its example. */
  comparison: number;
}

export type SpecTurn = SpecMessage | SpecResponse;

/** An example conversation with graded responses. */
export interface SpecExample {
  /** `example` has graded responses; `prompt` is an eval prompt, grades optional. */
  kind: 'example' | 'prompt';
  id: string;
  /** Plain-text title (the label), the author's characters (what the exports keep). */
  title: string;
  /** The title as readers see it: smart typography under `typography: smart`, else `title`. */
  displayTitle: string;
  /** Markdown written before the first message, verbatim; empty when none. */
  description: string;
  /** The id of the section the example sits in, or null before the first heading. */
  section: string | null;
  /** The authority of that section (inherited from the nearest ancestor that declares one). */
  authority: string | null;
  /** Messages and responses in source order. */
  turns: SpecTurn[];
  /** Attributes written on the directive other than the id (`group`, …). */
  attributes: Record<string, string>;
  position: SourceRange;
}

/** A commentary block: a note to human readers. */
export interface SpecCommentary {
  section: string | null;
  markdown: string;
  position: SourceRange;
}

/** A link to `#id` found in the file (resolved or not). */
export interface SpecReference {
  target: string;
  /** True when the link text was `?` and was filled with the target's title. */
  autoTitle: boolean;
  section: string | null;
  position: SourceRange;
}

/** Everything the plugin extracted from one file: the single truth pages and exports use. */
export interface SpecFileData {
  /** The file's path as given to the processor (may be empty under plain unified). */
  file: string;
  sections: SpecSection[];
  examples: SpecExample[];
  commentary: SpecCommentary[];
  references: SpecReference[];
}

/** What a cross-reference resolver knows about an id defined anywhere in the spec. */
export interface ReferenceTarget {
  title: string;
  /** The URL to link to, e.g. `/chain-of-command/#follow_all_instructions`. */
  href: string;
  kind: 'section' | 'example';
}

declare module 'vfile' {
  interface DataMap {
    spec: SpecFileData;
  }
}

/**
 * An mdast node that stands for a finished hast element: remark-rehype renders `data.hChildren`
 * under `data.hName` (the plugin builds badges, menus and meta lines with hastscript).
 */
export interface SpecHast extends UnistNode {
  type: 'specHast';
  data: { hName: string; hProperties: Properties; hChildren: ElementContent[] };
}

/** An mdast node rendered as the element `data.hName` around its (mdast) children. */
export interface SpecWrapper extends UnistParent {
  type: 'specWrapper';
  children: RootContent[];
  data: { hName: string; hProperties: Properties };
}

// The plugin's own nodes are mdast content like any other: registered here, so trees that hold
// them type-check without casts.
declare module 'mdast' {
  interface RootContentMap {
    specHast: SpecHast;
    specWrapper: SpecWrapper;
  }
  interface BlockContentMap {
    specHast: SpecHast;
    specWrapper: SpecWrapper;
  }
  interface PhrasingContentMap {
    specHast: SpecHast;
  }
}

// Registers `data.hName` / `hProperties` on mdast nodes and the math node types.
import type {} from 'mdast-util-to-hast';
import type {} from 'mdast-util-math';
import type {} from 'mdast-util-directive';
