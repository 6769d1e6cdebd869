// Loaded on the first choice in the version switcher (or the "latest" banner): the other edition
// opens at the same section or example, followed through renames and declared removals in both
// directions (editions.ts), or at the nearest ancestor section it has, with a notice saying so.
import { findInEdition, type EditionsData } from './editions.ts';

/** The id the reader is at, then its ancestor sections, nearest first (`preferHash`: the address bar's id even when scrolled away from it). */
function readingChain(preferHash = false): { ids: string[]; title: string } | null {
  const byId = (id: string) => document.querySelector<HTMLElement>(`.sidebar [data-toc-id="${CSS.escape(id)}"]`);
  const ancestors = (id: string) => byId(id)?.dataset.ancestors?.split(' ').filter(Boolean) ?? [];
  const hashTarget = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
  const box = hashTarget instanceof HTMLElement ? hashTarget.getBoundingClientRect() : null;
  // The address bar's id while it is on screen, else the section being read.
  if (hashTarget instanceof HTMLElement && box && (preferHash || (box.bottom > 0 && box.top < innerHeight))) {
    const section = hashTarget.dataset.section;
    if (section) {
      const title = hashTarget.querySelector('.ms-example__title')?.textContent ?? hashTarget.id;
      return { ids: [hashTarget.id, section, ...ancestors(section)], title };
    }
    if (byId(hashTarget.id)) return { ids: [hashTarget.id, ...ancestors(hashTarget.id)], title: hashTarget.textContent ?? hashTarget.id };
  }
  const current =
    document.querySelector<HTMLElement>('.sidebar [aria-current="location"]') ??
    document.querySelector<HTMLElement>('.sidebar [aria-current="page"][data-toc-id]');
  if (!current?.dataset.tocId) return null;
  const id = current.dataset.tocId;
  return { ids: [id, ...ancestors(id)], title: current.querySelector('.toc__title')?.textContent ?? id };
}

function notice(text: string): void {
  try {
    sessionStorage.setItem('ms-notice', text);
  } catch {
    // Private mode: the reader arrives without the notice.
  }
}

export async function switchEdition(link: HTMLAnchorElement): Promise<void> {
  const box = document.querySelector<HTMLElement>('[data-versions]')!;
  const home = new URL(link.dataset.editionHome ?? link.href, location.href);
  const label = link.dataset.label ?? link.textContent ?? '';
  // The banner sits at the top of the page: it means the place the address names, not the top.
  const chain = readingChain(link.closest('[data-edition-banner]') !== null);
  if (!chain) {
    // Not a chapter page (contents, levels, whole spec): the same page of the other edition.
    const rest = location.pathname.slice((box.dataset.base! + box.dataset.prefix!).length);
    location.assign(new URL(rest, home).href);
    return;
  }
  try {
    const [anchors, editions] = await Promise.all([
      fetch(new URL('anchors.json', home)).then((response) => response.json() as Promise<Record<string, string>>),
      fetch(new URL('editions.json', new URL(box.dataset.base!, location.href))).then((response) => response.json() as Promise<EditionsData>),
    ]);
    const found = findInEdition(chain.ids, anchors, editions);
    if (found) {
      if (found.how === 'ancestor') notice(`“${chain.title}” is not in ${label}; showing its parent section.`);
      if (found.how === 'replacement') notice(`“${chain.title}” is not in ${label}; showing the section that stands for it there.`);
      location.assign(new URL(found.url, home).href);
      return;
    }
    notice(`“${chain.title}” is not in ${label}; showing its contents.`);
  } catch {
    // The edition's anchors could not be read: its home page still works.
  }
  location.assign(home.href);
}
