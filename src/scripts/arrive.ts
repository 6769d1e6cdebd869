// Loaded by page.ts when the address has a `#id`. Arriving at it: the element is shown under the sticky header at once, never animated, with closed disclosures around it opened. An old id names the
// section as it is now; an id on another page goes there (anchors.json), an id this edition lacks
// gets a notice with a search for it. Without script, the browser's own jump does the same for ids
// on the page (old ids are laid-out anchors). Smooth scrolling starts only after load (Base.astro).

const gap = 16;

/**
 * Shows an element at the top of the page, under the sticky header, without animation. On phones
 * the header's second row names the section being read: it is named first (as the scrollspy will
 * once there), so the header has its final height when the page jumps, and the page jumps once. A
 * second look corrects what still moved.
 */
function landUnderHeader(element: Element): void {
  const header = document.querySelector<HTMLElement>('.site-header');
  const headings = [...document.querySelectorAll<HTMLElement>('.content .ms-heading[id]')];
  const heading = headings.filter((candidate) => candidate === element || candidate.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING).at(-1);
  if (header && heading) {
    const entry = document.querySelector(`.sidebar [data-toc-id="${CSS.escape(heading.id)}"] .toc__title`);
    for (const label of document.querySelectorAll('[data-current-section]')) label.textContent = entry?.textContent ?? heading.textContent;
    document.documentElement.style.setProperty('--ms-header-now', `${header.offsetHeight}px`);
  }
  element.scrollIntoView({ block: 'start', behavior: 'instant' });
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      const bottom = header?.getBoundingClientRect().bottom ?? 0;
      const top = element.getBoundingClientRect().top;
      if (top < bottom + gap / 2) window.scrollBy({ top: top - bottom - gap, behavior: 'instant' });
    }),
  );
}

function arrive(target: HTMLElement): void {
  let element = target;
  const alias = element.dataset.aliasOf;
  if (alias) {
    history.replaceState(history.state, '', `#${alias}`);
    element = document.getElementById(alias) ?? element;
  }
  for (let details = element.closest('details:not([open])'); details; details = details.parentElement?.closest('details:not([open])') ?? null) {
    (details as HTMLDetailsElement).open = true;
  }
  landUnderHeader(element);
}

function notFound(id: string, box: DOMStringMap): void {
  const notice = document.createElement('p');
  notice.className = 'notice';
  notice.setAttribute('role', 'status');
  const link = document.createElement('a');
  link.href = `${box.base ?? '/'}search/?q=${encodeURIComponent(id.replace(/[_-]+/g, ' '))}`;
  link.textContent = 'Search for it';
  notice.append(`No section or example with id “${id}” in this version (${box.version ?? ''}). `, link, '.');
  document.getElementById('content')?.prepend(notice);
}

async function resolve(): Promise<void> {
  const id = decodeURIComponent(location.hash.slice(1));
  if (!id) return;
  const here = document.getElementById(id);
  if (here) return arrive(here);
  const box = document.querySelector<HTMLElement>('[data-versions]')?.dataset ?? {};
  const anchors = (await (await fetch(new URL('anchors.json', new URL(box.home ?? '/', location.href)))).json()) as Record<string, string>;
  const target = Object.hasOwn(anchors, id) ? anchors[id]! : null;
  if (!target) return notFound(id, box);
  const url = new URL(target, location.href);
  // On this very page: no navigation (a same-page jump would animate through the page).
  if (url.pathname !== location.pathname || url.search !== location.search) return location.replace(url.href);
  history.replaceState(history.state, '', url.hash);
  const element = document.getElementById(decodeURIComponent(url.hash.slice(1)));
  if (element) arrive(element);
}

resolve().catch(() => {});
addEventListener('hashchange', () => {
  // An old id on this page, or an id this page lacks (on another page, or in no release): the same
  // landing as on arrival. An id on this page is the browser's own jump.
  const id = decodeURIComponent(location.hash.slice(1));
  const element = id ? document.getElementById(id) : null;
  if (element?.dataset.aliasOf) arrive(element);
  else if (id && !element) resolve().catch(() => {});
});

// Also loaded after a version switch that could not land on the same place (versions.ts leaves
// the notice in sessionStorage for the page it opens).
/** A notice above the place the reader lands on (or the top of the page), in view under the header, announced to screen readers. */
export function showNotice(text: string): void {
  const box = document.createElement('p');
  box.className = 'notice';
  box.setAttribute('role', 'status');
  box.textContent = text;
  const target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  const place = target?.closest('.ms-heading-row') ?? target;
  if (place) place.before(box);
  else document.getElementById('content')?.prepend(box);
  landUnderHeader(box);
}
