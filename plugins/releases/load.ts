import { ConfigError, draftGoverned, loadSpec, loadSpecConfig, specJson, type MdxPolicy, type SpecModel } from '../model/index.ts';
import { readReleases } from './read.ts';

/** The data of one spec version as the diff, history and continuity checks read it. */
export type SpecData = ReturnType<typeof specJson>;

/** One side of a comparison: a release (or the draft) and its data. */
export interface VersionedSpec {
  /** The release's version, or `draft`. */
  version: string;
  spec: SpecData;
}

/**
 * The one place the release modules load a content folder (a snapshot or the draft): re-point it
 * when the loader changes. Published ids are checked by continuity.ts, not by the anchor lock.
 */
export function loadVersion(dir: string, version: string, log: (text: string) => void = () => {}, policy?: MdxPolicy): VersionedSpec {
  return { version, spec: specJson(loadSpec(dir, { log, ...(policy ? { siteConfig: { mdx: policy } } : {}) })) };
}

/**
 * The edition an export reads (`npm run export`, `npm run evals:export`): a release by version,
 * else the latest release, or the draft (`draft`, or when nothing is released). A release is
 * read as the build publishes it: under the draft's site settings and `mdx` policy.
 */
export function loadEdition(contentDir: string, choice: { release?: string | undefined; draft?: boolean | undefined } = {}): { spec: SpecModel; name: string } {
  const config = loadSpecConfig(contentDir);
  const releases = readReleases(contentDir);
  const release = choice.draft ? undefined : choice.release ? releases.find((candidate) => candidate.version === choice.release) : releases.at(-1);
  if (choice.release && !release) {
    throw new ConfigError(
      `Unexpected release \`${choice.release}\`, expected one of ${releases.map((candidate) => candidate.version).join(', ') || '(none yet)'}`,
      [],
    );
  }
  if (!release) return { spec: loadSpec(contentDir), name: 'draft' };
  return { spec: loadSpec(release.dir, { siteConfig: draftGoverned(config) }), name: release.version };
}
