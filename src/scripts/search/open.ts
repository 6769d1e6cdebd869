// The lazily imported entry of the search UI: the loader (loader.ts) and the /search/ page
// import this module; everything else of search comes in with it.
import { SearchDialog, type OpenSearchOptions } from './dialog.ts';
import { loadPagefind } from './pagefind.ts';
import type { Level } from './results.ts';

export type { OpenSearchOptions };

let search: SearchDialog | undefined;

/** Opens the search dialog (creating it on first use) and focuses its input. */
export function openSearch(options: OpenSearchOptions = {}): void {
  search ??= new SearchDialog(readConfig());
  search.open(options);
}

/** The search page: opens the dialog with the query of the page's address (`?q=`), and its button opens it again. */
export function openSearchPage(): void {
  const button = document.querySelector<HTMLButtonElement>('[data-search-page-open]');
  if (button) {
    button.hidden = false;
    button.addEventListener('click', () => openSearch({ syncUrl: true, returnFocus: button }));
  }
  const query = new URLSearchParams(location.search).get('q') ?? undefined;
  openSearch({ ...(query ? { query } : {}), syncUrl: true, returnFocus: button });
}

/** Starts fetching Pagefind and its index ahead of opening (the reader is heading for search). */
export function preloadSearch(): void {
  loadPagefind(readConfig().base).catch(() => {});
}

function readConfig(): { base: string; levels: Level[]; editionNote?: string } {
  const container = document.querySelector<HTMLElement>('[data-search]');
  let levels: Level[] = [];
  try {
    levels = JSON.parse(container?.dataset.levels ?? '[]') as Level[];
  } catch {
    // Badges then fall back to the neutral colour.
  }
  return { base: container?.dataset.base ?? '/', levels, ...(container?.dataset.editionNote ? { editionNote: container.dataset.editionNote } : {}) };
}
