// Loaded on the first use of a share control in a heading or example menu: copies the stable short
// link (and the dated link of a release), a section as Markdown, an example as its examples.jsonl
// records, or a ready citation. The data files are fetched on first use, not with the page.
import { editionPath } from '../../plugins/contract/index.ts';

import { portableMarkdown } from './portable-markdown.ts';

interface Edition {
  title: string;
  version: string;
  date: string;
  /** Absolute home of the dated copy of this release (`…/2025-09-12/`); empty for the draft. */
  datedHome: string;
  home: string;
  specJson: string;
  examplesJsonl: string;
}

const cache = new Map<string, Promise<string>>();
const text = (url: string) => {
  if (!cache.has(url))
    cache.set(
      url,
      fetch(url).then((response) => (response.ok ? response.text() : Promise.reject(new Error(`${response.status} ${url}`)))),
    );
  return cache.get(url)!;
};

function edition(): Edition {
  const data = document.querySelector<HTMLElement>('[data-versions]')!.dataset;
  return {
    title: data.specTitle ?? document.title,
    version: data.version ?? '',
    date: data.date ?? '',
    datedHome: data.datedHome ?? '',
    home: new URL(data.home ?? '/', location.href).href,
    specJson: new URL(data.specJson ?? 'spec.json', location.href).href,
    examplesJsonl: new URL(data.examplesJsonl ?? 'examples.jsonl', location.href).href,
  };
}

/** The stable short link, and for a release the same page of its dated copy. */
export function links(id: string): { short: string; dated: string | null } {
  const info = edition();
  const short = new URL(editionPath.short(encodeURIComponent(id)), info.home).href;
  const page = location.href.startsWith(info.home) ? location.pathname.slice(new URL(info.home).pathname.length) : '';
  const dated = info.datedHome ? new URL(`${page}#${encodeURIComponent(id)}`, info.datedHome).href : null;
  return { short, dated };
}

async function markdown(id: string): Promise<string> {
  const spec = JSON.parse(await text(edition().specJson)) as {
    sections: Array<{ id: string; title: string; depth: number; markdown: string; url: string }>;
    examples: Record<string, { title: string; url: string }>;
  };
  const section = spec.sections.find((candidate) => candidate.id === id);
  if (!section) throw new Error(`No section ${id} in spec.json`);
  const resolve = (target: string) =>
    spec.sections.find((candidate) => candidate.id === target) ?? (Object.hasOwn(spec.examples, target) ? spec.examples[target]! : null);
  return `${'#'.repeat(section.depth)} ${section.title}\n\n${portableMarkdown(section.markdown, section.url, resolve)}\n\nSource: ${section.url}\n`;
}

async function json(id: string): Promise<string> {
  const lines = (await text(edition().examplesJsonl)).split('\n').filter(Boolean);
  const records = lines.filter((line) => (JSON.parse(line) as { example?: string }).example === id);
  if (records.length === 0) throw new Error(`No record for ${id} in examples.jsonl`);
  return records.join('\n') + '\n';
}

function citation(id: string, title: string): string {
  const info = edition();
  const { short, dated } = links(id);
  // A dated version is its own date: say it once.
  const when = [info.version && `version ${info.version}`, info.date !== info.version && info.date].filter(Boolean).join(', ');
  return `${info.title}, “${title}” (${id})${when ? `, ${when}` : ''}. ${dated ?? short}`;
}

/** What a share control copies, by its `data-share` kind. */
export async function contentFor(control: HTMLElement): Promise<string> {
  const id = control.dataset.id!;
  const title = control.dataset.title ?? id;
  switch (control.dataset.share) {
    case 'link':
      return links(id).short;
    case 'dated':
      return links(id).dated ?? links(id).short;
    case 'markdown':
      return markdown(id);
    case 'json':
      return json(id);
    case 'cite':
      return citation(id, title);
    default:
      throw new Error(`Unknown share control ${control.dataset.share}`);
  }
}

export async function share(control: HTMLElement): Promise<void> {
  const status = control.closest('[data-share-menu]')?.querySelector<HTMLElement>('[data-share-status]');
  const say = (message: string) => {
    if (status) status.textContent = message;
  };
  try {
    const content = await contentFor(control);
    control.dataset.copied = content;
    try {
      await navigator.clipboard.writeText(content);
      say(`${control.dataset.done ?? 'Copied'}.`);
    } catch {
      // No clipboard (permissions, http): show the text to copy by hand.
      say(content);
    }
  } catch (error) {
    say(`Could not copy: ${(error as Error).message}`);
  }
}
