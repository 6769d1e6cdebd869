import type { RuleId } from './rules.ts';
import type { AuthorityLevel, ReferenceTarget, SpecSection } from './types.ts';

/** Options of `remarkSpec`. */
export interface RemarkSpecOptions {
  /** The spec's levels, highest rank first (default: root, system, developer, user, guideline). */
  authorityLevels?: readonly AuthorityLevel[] | null | undefined;
  /**
   * Looks up an id defined in another file, for cross-references (default: only ids in the file
   * itself resolve). Return `undefined` for an unknown id.
   */
  resolveReference?: ((id: string) => ReferenceTarget | undefined) | null | undefined;
  /** All ids known spec-wide, for "did you mean" hints on dangling references. */
  knownIds?: (() => Iterable<string>) | null | undefined;
  /** Extra links shown next to each section's permalink ("Edit this section", …). */
  sectionLinks?: ((section: SpecSection, filePath: string) => Array<{ href: string; label: string }>) | null | undefined;
  /**
   * Report `mdx-unsafe-text` for `{`, `}` and HTML in example messages (default: when the file's
   * extension is `.mdx`). The check runs on a plain-Markdown parse of the file.
   */
  checkMdxSafety?: boolean | null | undefined;
  /**
   * Severity of the rules that are warnings by default (`missing-example-id`,
   * `missing-rationale`): `off`, `warning` or `error`. Error rules cannot be lowered.
   */
  ruleSeverity?: Partial<Record<RuleId, 'off' | 'warning' | 'error'>> | null | undefined;
  /**
   * Labels of section tags shown on badges, by tag name (default: `under_18` → `U18`; merged with
   * these). A tag without a label shows its name.
   */
  tagLabels?: Readonly<Record<string, string>> | null | undefined;
  /**
   * What section tags mean, by tag name, shown when the pointer rests on a badge (default:
   * `under_18` → `Content policy for users under 18`; merged with these). A tag without one shows its name.
   */
  tagDescriptions?: Readonly<Record<string, string>> | null | undefined;
  /**
   * `smart`: titles as readers see them (`displayTitle` of sections and examples, menu labels) get
   * curly quotes, dashes and ellipses, as rendered prose does (default: `none`).
   */
  typography?: 'smart' | 'none' | null | undefined;
  /** Throw the first error after the run instead of only recording messages (default: false). */
  throwOnError?: boolean | null | undefined;
}
