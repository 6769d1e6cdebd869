import { loadSpec, specJson, type MdxPolicy } from '../model/index.ts';

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
