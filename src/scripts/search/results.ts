// One search result: its data (Entry, from Pagefind's fragment) and its listbox option.
import { gradeLabels, noLevelValue, type GradeName } from '../../../plugins/contract/index.ts';
import { element } from './dom.ts';
import { buildExcerpt } from './excerpt.ts';
import type { PagefindFragment } from './pagefind.ts';
import { wordMatches } from './query.ts';

export interface Level {
  name: string;
  label: string;
}

export interface Entry {
  url: string;
  title: string;
  id: string;
  chapter: string;
  section: string;
  kind: string;
  authority: string;
  grades: string[];
  tags: string[];
  /** The record's text (title first) and the word positions of its matches. */
  content: string;
  locations: number[];
}

/** Grade filter values, in the order results show them, with their style names. */
export const GRADES = (Object.keys(gradeLabels) as GradeName[]).map((name) => ({ value: gradeLabels[name], name }));

export function toEntry(fragment: PagefindFragment, locations: number[]): Entry {
  return {
    url: fragment.url,
    title: fragment.meta.title ?? '',
    id: fragment.meta.id ?? '',
    chapter: fragment.meta.chapter ?? '',
    section: fragment.meta.section ?? '',
    kind: fragment.filters.kind?.[0] ?? fragment.meta.kind ?? '',
    authority: fragment.filters.authority?.[0] ?? fragment.meta.authority ?? '',
    grades: fragment.filters.grade ?? [],
    tags: fragment.filters.tag ?? [],
    content: fragment.content,
    locations,
  };
}

/** One result: a link that is also the listbox option (middle-click and copy-link still work). */
export function renderOption(entry: Entry, index: number, levels: Level[], words: string[]): HTMLAnchorElement {
  const link = element('a', 'ms-search__option ms-result');
  link.href = entry.url;
  link.tabIndex = -1;
  link.id = `ms-search-option-${index}`;
  link.setAttribute('role', 'option');
  link.setAttribute('aria-selected', 'false');
  link.dataset.index = String(index);
  link.dataset.kind = entry.kind;
  link.dataset.authority = entry.authority;
  link.dataset.grades = entry.grades.join(' ');

  const context = element('span', 'ms-result__context');
  context.append(element('span', 'ms-result__kind', entry.kind));
  const where = [entry.chapter, entry.section].filter((part, position, parts) => part && parts.indexOf(part) === position);
  if (where.length) context.append(element('span', 'ms-result__where', where.join(' › ')));

  const head = element('span', 'ms-result__head');
  const title = element('span', 'ms-result__title');
  title.append(...highlight(entry.title || entry.url, words));
  head.append(title);
  const level = levels.find((candidate) => candidate.name === entry.authority);
  if (entry.authority && entry.authority !== noLevelValue) {
    const badge = element('span', `ms-badge ms-badge--small${level ? ` ms-badge--${level.name}` : ''}`);
    badge.append(element('span', 'ms-visually-hidden', 'Authority: '), level?.label ?? entry.authority);
    head.append(badge);
  }
  if (entry.grades.length) {
    // Each grade is a word with its colour, so it reads without colour too.
    const grades = element('span', 'ms-result__grades');
    grades.append(element('span', 'ms-visually-hidden', 'Responses: '));
    for (const grade of GRADES.filter((candidate) => entry.grades.includes(candidate.value))) {
      const mark = element('span', `ms-result__grade ms-result__grade--${grade.name}`, grade.value);
      mark.title = `Has a ${grade.value} response`;
      grades.append(mark, ' ');
    }
    head.append(grades);
  }

  const excerpt = element('span', 'ms-result__excerpt');
  const titleWords = entry.title && entry.content.startsWith(entry.title) ? (entry.title.match(/\S+/g) ?? []).length : 0;
  for (const segment of buildExcerpt(entry.content, entry.locations, titleWords)) {
    if (segment.code) {
      excerpt.append(element('code', '', segment.text));
    } else if (segment.mark) {
      excerpt.append(element('mark', '', segment.text));
    } else {
      excerpt.append(segment.text);
    }
  }
  link.append(context, head, excerpt);
  return link;
}

/** The title as text nodes, with words that match a query word in <mark>. */
function highlight(text: string, words: string[]): Node[] {
  if (!words.length) return [document.createTextNode(text)];
  const nodes: Node[] = [];
  for (const part of text.split(/([\p{L}\p{M}\p{N}_']+)/u)) {
    if (!part) continue;
    if (/[\p{L}\p{N}]/u.test(part) && words.some((word) => wordMatches(word, part))) nodes.push(element('mark', '', part));
    else nodes.push(document.createTextNode(part));
  }
  return nodes;
}
