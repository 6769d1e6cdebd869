import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Heading, Paragraph, Root } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { visit } from 'unist-util-visit';
import { specParser } from '../model/index.ts';
import { notesName, type Release } from '../releases/index.ts';
import { plainText } from '../remark-spec/index.ts';

/** One id a spec answers to: a section, an old id of a section, an example or a prompt. */
export interface SpecId {
  id: string;
  kind: 'section' | 'example';
  title: string;
  /** For an old id (`oldids`): the section it stands for. */
  aliasOf?: string;
  /** For a section: its heading level. */
  depth?: number;
  /** For a section: the examples in it and in its subsections. */
  examples?: Array<{ id: string; title: string }>;
  /** For an example: the sections it sits in, innermost first. */
  sections?: string[];
  /** For an eval prompt: its group (the footnote name of its file). */
  group?: string;
  /** For an example or prompt: its text without the title, whitespace collapsed (tells untitled ones apart). */
  text?: string;
}

/**
 * Every id a set of chapter files defines, with what it takes to say where a vanished one went:
 * the examples of each section and the sections of each example. Found by parsing only, as
 * remark-spec's `collectTargets` does, so it is cheap enough to run on every release.
 */
export function indexIds(files: ReadonlyArray<{ path: string; content: string }>): Map<string, SpecId> {
  const parser = specParser();
  const ids = new Map<string, SpecId>();
  for (const file of files) {
    const tree = parser.parse(file.content) as Root;
    const open: SpecId[] = [];
    tree.children.forEach((node, index) => {
      if (node.type === 'heading') {
        const next = tree.children[index + 1];
        if (next?.type !== 'leafDirective' || next.name !== 'section' || !next.attributes?.id) return;
        const title = headingTitle(node);
        const section: SpecId = { id: next.attributes.id, kind: 'section', title, depth: node.depth, examples: [] };
        while (open.length > 0 && open[open.length - 1]!.depth! >= node.depth) open.pop();
        open.push(section);
        if (!ids.has(section.id)) ids.set(section.id, section);
        for (const oldId of (next.attributes.oldids ?? '').split(/[\s,]+/).filter(Boolean)) {
          if (!ids.has(oldId)) ids.set(oldId, { id: oldId, kind: 'section', title, aliasOf: section.id });
        }
        return;
      }
      visit(node, 'containerDirective', (container: ContainerDirective) => {
        if ((container.name !== 'example' && container.name !== 'prompt') || !container.attributes?.id) return;
        const label = container.children[0] as Paragraph | undefined;
        const title = label?.type === 'paragraph' && label.data?.directiveLabel ? plainText(label.children) : container.attributes.id;
        const example: SpecId = {
          id: container.attributes.id,
          kind: 'example',
          title: title.replace(/\s+/g, ' ').trim(),
          sections: open.map((section) => section.id).reverse(),
          text: plainText(label?.data?.directiveLabel ? container.children.slice(1) : container.children)
            .replace(/\s+/g, ' ')
            .trim(),
        };
        if (container.attributes.group) example.group = container.attributes.group;
        for (const section of open) section.examples!.push({ id: example.id, title: example.title });
        if (!ids.has(example.id)) ids.set(example.id, example);
      });
    });
  }
  return ids;
}

function headingTitle(heading: Heading): string {
  return plainText(heading.children).replace(/\s+/g, ' ').trim();
}

/** The chapter files of a frozen release: its `.md`/`.mdx` files but the release notes. */
export function releaseChapters(release: Release): string[] {
  return Object.keys(release.files)
    .filter((name) => /\.mdx?$/i.test(name) && name !== notesName && !name.includes('/'))
    .sort();
}

export function readChapters(dir: string, names: readonly string[]): Array<{ path: string; content: string }> {
  return names.map((name) => ({ path: name, content: readFileSync(path.join(dir, name), 'utf8') }));
}

/** An id published by some release, with the release that published it last (its latest shape). */
export interface PublishedId extends SpecId {
  release: string;
}

/** Every id any release published (sections, old ids, examples, prompts). */
export function publishedIds(releases: readonly Release[]): Map<string, PublishedId> {
  const published = new Map<string, PublishedId>();
  for (const release of releases) {
    for (const [id, entry] of indexIds(readChapters(release.dir, releaseChapters(release)))) published.set(id, { ...entry, release: release.version });
  }
  return published;
}
