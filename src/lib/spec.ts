import path from 'node:path';
import { getCollection, type CollectionEntry } from 'astro:content';
import { getSpec, type Chapter, type LoadedSpec } from '../../plugins/model/loader.ts';

/** The loaded spec (parsed and checked once per build, shared with the integration). */
export function spec(): LoadedSpec {
  return getSpec(process.env.SPEC_CONTENT_DIR ?? 'content');
}

/** The content-collection entry Astro renders for a chapter. */
export async function entryFor(chapter: Chapter): Promise<CollectionEntry<'spec'>> {
  const entries = await getCollection('spec');
  const entry = entries.find((candidate) => candidate.filePath && path.resolve(candidate.filePath) === chapter.path);
  if (!entry) throw new Error(`No content entry for ${chapter.file}`);
  return entry;
}
