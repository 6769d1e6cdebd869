/** Types shared by the release modules (layout: see the README's "Releases" and BRIEF's contract). */

/** `content/releases/<version>/release.json` as written by `freezeRelease`. */
export interface ReleaseManifest {
  version: string;
  /** `YYYY-MM-DD`. */
  date: string;
  /** The release notes file in the snapshot (always `notes.md`), when there are notes. */
  notes?: string;
  /** Every file of the snapshot except release.json → sha256 hex of its bytes. */
  files: Record<string, string>;
  /** The release before this one when it was frozen (null for the first). */
  previous: { version: string; checksum: string } | null;
  /** `manifestChecksum` of the fields above. */
  checksum: string;
}

/** One published, verified release. */
export interface Release {
  version: string;
  date: string;
  /** Absolute path of the snapshot folder (loadable as a content folder). */
  dir: string;
  /** Path of the snapshot folder as messages show it (relative to the working directory). */
  displayDir: string;
  /** The release notes, verbatim, when the release has any. */
  notesMarkdown?: string;
  /** The checksums of release.json (file name → sha256 hex). */
  files: Record<string, string>;
  previous: ReleaseManifest['previous'];
  checksum: string;
}

/** One declared removal of `content/removals.json`. */
export interface Removal {
  id: string;
  /** The id links to the removed one should land on, or null when nothing replaces it. */
  see: string | null;
  reason: string;
  /** Where the entry is written, for messages. */
  place: { file: string; line: number; column: number };
}

export type Removals = Map<string, Removal>;
