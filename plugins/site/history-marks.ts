import type { Element, Root as HastRoot } from 'hast';
import { visit } from 'unist-util-visit';
import type { Annotations, SiteUrls } from '../model/index.ts';
import { badgeFor, type ItemHistory } from '../releases/index.ts';

/**
 * "New in 2025-09-12" / "Changed in 2025-09-12" on the sections and examples a release added or
 * changed, linking to that release's changes page, with the item's history in a disclosure.
 */
export function historyMarks(history: Map<string, ItemHistory>, version: string, urls: SiteUrls, shown: ReadonlySet<string>): Annotations {
  const markFor = (id: string) => {
    const item = history.get(id);
    const badge = badgeFor(item, version);
    return item && badge ? { item, badge } : undefined;
  };
  return {
    key: (ids) =>
      JSON.stringify([
        [...shown],
        ids
          .map((id) => markFor(id))
          .filter(Boolean)
          .map((mark) => [mark!.item.id, mark!.badge, mark!.item.events.map((event) => event.version)]),
      ]),
    rehype: () => (tree: HastRoot) => {
      visit(tree, 'element', (node: Element) => {
        const classes = node.properties.className;
        const list = Array.isArray(classes) ? classes.map(String) : [];
        // Sections carry their marks in the line under the heading; examples in the card's header.
        const sectionId = list.includes('ms-section-meta') ? node.properties.dataSectionId : undefined;
        const exampleId = node.tagName === 'article' && list.includes('ms-example') ? node.properties.id : undefined;
        const target =
          typeof sectionId === 'string'
            ? node
            : typeof exampleId === 'string'
              ? node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'header')
              : undefined;
        const mark = markFor(String(sectionId ?? exampleId ?? ''));
        if (!target || !mark) return;
        target.children.push(markElement(mark.item, mark.badge, version, urls, shown));
      });
    },
  };
}

function markElement(item: ItemHistory, badge: 'new' | 'changed', version: string, urls: SiteUrls, shown: ReadonlySet<string>): Element {
  const label = version === 'draft' ? (badge === 'new' ? 'New in the draft' : 'Changed in the draft') : `${badge === 'new' ? 'New' : 'Changed'} in ${version}`;
  const changesHref = `${version === 'draft' ? urls.edition('draft/').page('changes') : urls.edition(`${version}/`).page('changes')}#${item.id}`;
  const releases = [...new Set(item.events.map((event) => event.version))].filter((release) => shown.has(release));
  const text = (value: string) => ({ type: 'text' as const, value });
  const element = (tagName: string, properties: Element['properties'], children: Element['children']): Element => ({
    type: 'element',
    tagName,
    properties,
    children,
  });
  return element('details', { className: ['ms-history', `ms-history--${badge}`] }, [
    element('summary', { className: ['ms-history__badge'] }, [text(label)]),
    element('div', { className: ['ms-history__body'] }, [
      element('p', {}, [element('a', { href: changesHref }, [text(`What changed in ${version === 'draft' ? 'the draft' : version}`)])]),
      element('p', { className: ['ms-history__title'] }, [text('History')]),
      element(
        'ul',
        {},
        releases.map((release) =>
          element('li', {}, [
            element('a', { href: `${(release === 'draft' ? urls.edition('draft/') : urls.edition(`${release}/`)).page('changes')}#${item.id}` }, [
              text(release === 'draft' ? 'Draft' : release),
            ]),
            text(`: ${describe(item, release)}`),
          ]),
        ),
      ),
    ]),
  ]);
}

function describe(item: ItemHistory, version: string): string {
  const words = item.events
    .filter((event) => event.version === version)
    .map((event) => {
      switch (event.kind) {
        case 'added':
          return 'added';
        case 'removed':
          return 'removed';
        case 'renamed':
          return `id changed from ${event.from}`;
        case 'title':
          return 'retitled';
        case 'authority':
          return `authority ${event.from ?? 'none'} → ${event.to ?? 'none'}`;
        case 'text':
          return 'text changed';
        case 'moved':
          return 'moved';
        case 'changed':
          return `${event.aspects.join(', ')} changed`;
      }
    });
  return [...new Set(words)].join('; ');
}
