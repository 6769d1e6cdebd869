import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Heading, Paragraph, Root } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { visit } from 'unist-util-visit';
import { specParser } from '../model/pipeline.ts';
import { plainText } from '../remark-spec/text.ts';

/** One id a spec answers to: a section, an old id of a section, an example or a prompt. */
export interface SpecId {
  id: string;
  kind: 'section' | 'example';
  title: string;
  /** For an old id (`oldids`): the section it stands for. */
  aliasOf?: string;
  /** For an example: the section it sits in (the last heading before it). */
  section?: string;
  /** For a section: the examples in it, directly (not in its subsections). */
  examples?: Array<{ id: string; title: string }>;
}

/**
 * Every id a set of chapter files defines, with what it takes to say where a vanished one went:
 * the examples of each section and the section of each example. Found by parsing only, as
 * remark-spec's `collectTargets` does, so it is cheap enough to run on every release.
 */
export function indexIds(files: ReadonlyArray<{ path: string; content: string }>): Map<string, SpecId> {
  const parser = specParser();
  const ids = new Map<string, SpecId>();
  for (const file of files) {
    const tree = parser.parse(file.content) as Root;
    let current: SpecId | undefined;
    tree.children.forEach((node, index) => {
      if (node.type === 'heading') {
        const next = tree.children[index + 1];
        if (next?.type !== 'leafDirective' || next.name !== 'section' || !next.attributes?.id) return;
        const title = headingTitle(node);
        current = { id: next.attributes.id, kind: 'section', title, examples: [] };
        if (!ids.has(current.id)) ids.set(current.id, current);
        for (const oldId of (next.attributes.oldids ?? '').split(/[\s,]+/).filter(Boolean)) {
          if (!ids.has(oldId)) ids.set(oldId, { id: oldId, kind: 'section', title, aliasOf: current.id });
        }
        return;
      }
      visit(node, 'containerDirective', (container: ContainerDirective) => {
        if ((container.name !== 'example' && container.name !== 'prompt') || !container.attributes?.id) return;
        const label = container.children[0] as Paragraph | undefined;
        const title = label?.type === 'paragraph' && label.data?.directiveLabel ? plainText(label.children) : container.attributes.id;
        const example: SpecId = { id: container.attributes.id, kind: 'example', title: title.replace(/\s+/g, ' ').trim() };
        if (current) {
          example.section = current.id;
          current.examples!.push({ id: example.id, title: example.title });
        }
        if (!ids.has(example.id)) ids.set(example.id, example);
      });
    });
  }
  return ids;
}

function headingTitle(heading: Heading): string {
  return plainText(heading.children).replace(/\s+/g, ' ').trim();
}

/** A frozen release as `releases/<version>/release.json` describes it. */
export interface ReleaseInfo {
  version: string;
  date: string;
  dir: string;
  /** Its chapter files (release.json's `files`, without the notes and the config). */
  chapters: string[];
}

/** The releases of a content folder, oldest first (by date, then version). */
export function listReleases(contentDir: string): ReleaseInfo[] {
  const root = path.join(contentDir, 'releases');
  if (!existsSync(root) || !statSync(root).isDirectory()) return [];
  const releases: ReleaseInfo[] = [];
  for (const version of readdirSync(root)) {
    const dir = path.join(root, version);
    const manifest = path.join(dir, 'release.json');
    if (!existsSync(manifest)) continue;
    const raw = JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string; date?: string; notes?: string; files?: Record<string, string> };
    const listed = raw.files ? Object.keys(raw.files) : readdirSync(dir);
    const chapters = listed.filter((name) => /\.mdx?$/i.test(name) && name !== raw.notes && !name.includes('/')).sort();
    releases.push({ version: raw.version ?? version, date: raw.date ?? version, dir, chapters });
  }
  return releases.sort((a, b) => a.date.localeCompare(b.date) || a.version.localeCompare(b.version, 'en', { numeric: true }));
}

export function readChapters(dir: string, names: readonly string[]): Array<{ path: string; content: string }> {
  return names.map((name) => ({ path: name, content: readFileSync(path.join(dir, name), 'utf8') }));
}

/** An id published by some release, with the release that published it last (its latest shape). */
export interface PublishedId extends SpecId {
  release: string;
}

/** Every id any release published (sections, old ids, examples, prompts). */
export function publishedIds(releases: readonly ReleaseInfo[]): Map<string, PublishedId> {
  const published = new Map<string, PublishedId>();
  for (const release of releases) {
    for (const [id, entry] of indexIds(readChapters(release.dir, release.chapters))) published.set(id, { ...entry, release: release.version });
  }
  return published;
}
