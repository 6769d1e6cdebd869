// The search dialog: a combobox with a listbox of results (focus stays in the input; arrows move
// aria-activedescendant), filters, paging, and leaving for a result. Searching itself is
// engine.ts; ranking, excerpts and typo correction are pure modules beside it.
import { element } from './dom.ts';
import { runSearch, type SearchOutcome } from './engine.ts';
import { FilterBar } from './filters.ts';
import { loadPagefind, loadSearchWords, type PagefindApi } from './pagefind.ts';
import { analyzeQuery } from './query.ts';
import { titleFirst, titleTier } from './ranking.ts';
import { renderOption, toEntry, type Entry, type Level } from './results.ts';
import { describeResults } from './status.ts';
import { DIALOG_HTML, hintHtml } from './templates.ts';
import { NO_WORDS } from './words.ts';

export interface OpenSearchOptions {
  /** Text to search for right away. */
  query?: string;
  /** Gets focus back when the dialog closes without opening a result (default: what had focus). */
  returnFocus?: HTMLElement | null;
  /** Keep `?q=` of the current URL in step with the query (the /search/ page). */
  syncUrl?: boolean;
}

/** Results rendered at a time; more load from a button or by arrowing past the last one. */
const PAGE_SIZE = 20;
/** Results whose data is awaited before the list first renders (about a screenful). */
const FIRST_BATCH = 6;
const DEBOUNCE_MS = 60;

type Ranked = SearchOutcome['records'][number];

export class SearchDialog {
  private readonly base: string;
  private readonly levels: Level[];
  private readonly dialog: HTMLDialogElement;
  private readonly input: HTMLInputElement;
  private readonly list: HTMLElement;
  private readonly status: HTMLElement;
  private readonly suggestion: HTMLElement;
  private readonly hint: HTMLElement;
  private readonly more: HTMLButtonElement;
  private readonly body: HTMLElement;
  private readonly filters: FilterBar;
  private results: Ranked[] = [];
  private entries: Entry[] = [];
  /** Words to mark in titles: the query's, their synonyms and corrections. */
  private words: string[] = [];
  private active = -1;
  private run = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private returnFocus: HTMLElement | null = null;
  private navigating = false;
  private syncUrl = false;
  private lastQuery = '';

  constructor({ base, levels, editionNote }: { base: string; levels: Level[]; editionNote?: string }) {
    this.base = base;
    this.levels = levels;
    this.dialog = document.createElement('dialog');
    this.dialog.className = 'ms-search';
    this.dialog.setAttribute('aria-labelledby', 'ms-search-title');
    this.dialog.innerHTML = DIALOG_HTML;
    document.body.append(this.dialog);
    this.input = this.dialog.querySelector('input')!;
    this.list = this.dialog.querySelector('[role="listbox"]')!;
    this.status = this.dialog.querySelector('[role="status"]')!;
    this.suggestion = this.dialog.querySelector('[data-suggestion]')!;
    this.hint = this.dialog.querySelector('[data-hint]')!;
    this.hint.innerHTML = hintHtml();
    this.more = this.dialog.querySelector('.ms-search__more')!;
    this.body = this.dialog.querySelector('.ms-search__body')!;
    this.filters = new FilterBar(this.dialog.querySelector('[data-filters]')!, levels);
    // On an older edition: which edition the results come from.
    const note = this.dialog.querySelector<HTMLElement>('[data-edition-note]')!;
    note.textContent = editionNote ?? '';
    note.hidden = !editionNote;
    this.listen();
  }

  open({ query, returnFocus, syncUrl }: OpenSearchOptions): void {
    if (!this.dialog.open) {
      this.returnFocus = returnFocus !== undefined ? returnFocus : document.activeElement instanceof HTMLElement ? document.activeElement : null;
      this.dialog.showModal();
    }
    if (syncUrl !== undefined) this.syncUrl = syncUrl;
    if (query !== undefined && query !== this.input.value) {
      this.input.value = query;
      this.schedule(0);
    }
    this.input.focus();
    this.input.select();
    // Fetch the index while the reader types; failures show up with the first query.
    loadPagefind(this.base)
      .then((api) => this.showAvailableFilters(api))
      .catch(() => {});
    loadSearchWords(this.base).catch(() => {});
  }

  // ---- events -------------------------------------------------------------------------------

  private listen(): void {
    this.input.addEventListener('input', () => {
      const query = this.input.value.trim();
      if (query)
        void loadPagefind(this.base)
          .then((api) => api.preload(query))
          .catch(() => {});
      this.schedule(DEBOUNCE_MS);
    });
    this.input.addEventListener('keydown', (event) => this.onKeydown(event));
    this.filters.element.addEventListener('change', () => this.schedule(0));
    this.dialog.querySelector('.ms-search__close')!.addEventListener('click', () => this.dialog.close());
    // A click on the backdrop lands on the <dialog> itself; the panel covers everything else.
    this.dialog.addEventListener('click', (event) => {
      if (event.target === this.dialog) this.dialog.close();
    });
    this.dialog.addEventListener('close', () => {
      if (this.navigating) return;
      if (this.returnFocus?.isConnected) this.returnFocus.focus();
    });
    // The pointer picks the active option only when it really moves: a list scrolling under a
    // still mouse (arrowing down) must not steal the keyboard's choice.
    let pointer = '';
    this.list.addEventListener('pointermove', (event) => {
      const at = `${event.screenX},${event.screenY}`;
      if (at === pointer) return;
      pointer = at;
      const option = (event.target as Element).closest<HTMLElement>('[role="option"]');
      if (option) this.setActive(Number(option.dataset.index), false);
    });
    this.list.addEventListener('click', (event) => {
      const link = (event.target as Element).closest<HTMLAnchorElement>('a');
      if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      this.go(link.href, false);
    });
    this.more.addEventListener('click', () => {
      void this.loadMore().then(() => this.input.focus());
    });
    this.suggestion.addEventListener('click', (event) => {
      const button = (event.target as Element).closest('button');
      if (!button) return;
      this.input.value = (button as HTMLElement).dataset.query ?? button.textContent ?? '';
      this.input.focus();
      this.schedule(0);
    });
  }

  private onKeydown(event: KeyboardEvent): void {
    if (event.isComposing) return;
    const count = this.entries.length;
    switch (event.key) {
      case 'ArrowDown':
        if (!count) return;
        event.preventDefault();
        if (this.active === count - 1 && this.results.length > count) {
          void this.loadMore().then(() => this.setActive(count, true));
        } else {
          this.setActive((this.active + 1) % count, true);
        }
        break;
      case 'ArrowUp':
        if (!count) return;
        event.preventDefault();
        this.setActive(this.active <= 0 ? count - 1 : this.active - 1, true);
        break;
      case 'PageDown':
      case 'PageUp':
        if (!count) return;
        event.preventDefault();
        this.setActive(Math.max(0, Math.min(count - 1, this.active + (event.key === 'PageDown' ? 5 : -5))), true);
        break;
      case 'Enter': {
        event.preventDefault();
        // Enter before the debounce fires still searches first, then opens the top result.
        if (this.timer !== undefined || this.input.value.trim() !== this.lastQuery) {
          this.schedule(0);
          void this.settled().then(() => this.openActive(event));
          return;
        }
        this.openActive(event);
        break;
      }
    }
  }

  private openActive(event: KeyboardEvent): void {
    const entry = this.entries[this.active] ?? this.entries[0];
    if (entry) this.go(new URL(entry.url, location.href).href, event.ctrlKey || event.metaKey);
  }

  // ---- searching ------------------------------------------------------------------------------

  private pending: Promise<void> = Promise.resolve();

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.pending = this.update();
    }, delay);
  }

  /** Resolves once the scheduled search (if any) has rendered. */
  private async settled(): Promise<void> {
    while (this.timer !== undefined) await new Promise((resolve) => setTimeout(resolve, 10));
    await this.pending;
  }

  private async update(): Promise<void> {
    const run = ++this.run;
    const query = this.input.value.trim();
    const filters = this.filters.selected();
    const filtered = Object.keys(filters).length > 0;
    this.syncQueryParam(query);
    // What the list shows, for tests and styling: `data-query` and `data-filters` (`kind=Example&…`).
    const shown = () => {
      this.dialog.dataset.query = query;
      this.dialog.dataset.filters = Object.entries(filters)
        .map(([key, value]) => `${key}=${value}`)
        .join('&');
    };
    if (!query && !filtered) {
      this.lastQuery = '';
      this.results = [];
      this.render([], '', null);
      shown();
      return;
    }
    this.dialog.toggleAttribute('data-busy', true);
    try {
      // Without its vocabulary search still works, on the words as typed.
      const [api, words] = await Promise.all([loadPagefind(this.base), loadSearchWords(this.base).catch(() => NO_WORDS)]);
      const outcome = await runSearch(api, analyzeQuery(query, words), { filters, words });
      if (run !== this.run) return;
      // The first few results show as soon as their data arrives; the rest of the page follows.
      const first = await this.entriesOf(outcome.records.slice(0, FIRST_BATCH));
      if (run !== this.run) return;
      this.lastQuery = query;
      this.results = outcome.records;
      this.words = outcome.words;
      const corrected = outcome.corrections.reduce((text, { from, to }) => text.replace(new RegExp(`\\b${from}\\b`, 'i'), to), query);
      const message = describeResults(outcome.records.length, query, filtered, outcome.coverage);
      this.render(query ? titleFirst(query, first) : first, message, corrected !== query ? corrected : null, false);
      shown();
      await this.loadMore(PAGE_SIZE - FIRST_BATCH);
      if (run !== this.run || !query) return;
      // With the whole first page in, an exact title match that ranked below the first few moves
      // up, unless the reader already moved.
      if (this.active <= 0 && this.entries.slice(FIRST_BATCH).some((entry) => titleTier(query, entry) === 0)) {
        this.render(titleFirst(query, this.entries), message, corrected !== query ? corrected : null);
      }
    } catch (error) {
      if (run !== this.run) return;
      this.results = [];
      this.render([], '', null);
      this.showError(error);
      shown();
    } finally {
      if (run === this.run) this.dialog.removeAttribute('data-busy');
    }
  }

  private async entriesOf(records: Ranked[]): Promise<Entry[]> {
    const fragments = await Promise.all(records.map((record) => record.result.data()));
    return fragments.map((fragment, index) => toEntry(fragment, records[index]!.locations));
  }

  private filling: { run: number; done: Promise<void> } | undefined;

  /** Appends the next `count` results (one fetch at a time per query; a second call waits for the first). */
  private loadMore(count = PAGE_SIZE): Promise<void> {
    if (this.filling?.run !== this.run) {
      const filling = {
        run: this.run,
        done: this.append(count).finally(() => {
          if (this.filling === filling) this.filling = undefined;
        }),
      };
      this.filling = filling;
    }
    return this.filling.done;
  }

  private async append(count: number): Promise<void> {
    const run = this.run;
    // Title-first reordering only permutes what is shown, so the next results start at its length.
    const next = this.results.slice(this.entries.length, this.entries.length + count);
    if (next.length === 0) return this.updateMore();
    const added = await this.entriesOf(next);
    if (run !== this.run) return;
    const start = this.entries.length;
    this.entries.push(...added);
    this.list.append(...added.map((entry, offset) => renderOption(entry, start + offset, this.levels, this.words)));
    this.updateMore();
  }

  // ---- rendering ----------------------------------------------------------------------------

  private hintReplaced = false;

  private render(entries: Entry[], message: string, corrected: string | null, complete = true): void {
    if (this.hintReplaced) {
      this.hint.innerHTML = hintHtml();
      this.hintReplaced = false;
    }
    this.entries = entries;
    this.active = -1;
    this.list.replaceChildren(...entries.map((entry, index) => renderOption(entry, index, this.levels, this.words)));
    this.hint.hidden = Boolean(message);
    this.status.textContent = corrected ? `${message}, for “${corrected}”` : message;
    this.status.classList.remove('ms-search__status--error');
    this.renderSuggestion(corrected);
    this.input.setAttribute('aria-expanded', String(entries.length > 0));
    if (complete) this.updateMore();
    else this.more.hidden = true;
    if (entries.length > 0) this.setActive(0, false);
    else this.input.removeAttribute('aria-activedescendant');
    this.body.scrollTop = 0;
  }

  /** "Showing results for …": the corrected query, and a button to search for the words as typed (quoted: taken as written). */
  private renderSuggestion(corrected: string | null): void {
    this.suggestion.hidden = !corrected;
    if (!corrected) {
      this.suggestion.replaceChildren();
      return;
    }
    const typed = this.input.value.trim();
    const button = element('button', 'ms-search__suggestion-button', `“${typed}”`);
    button.type = 'button';
    button.dataset.query = `"${typed.replace(/"/g, '')}"`;
    this.suggestion.replaceChildren('Showing results for ', element('strong', '', corrected), '. Search instead for ', button, '.');
  }

  private updateMore(): void {
    const remaining = this.results.length - this.entries.length;
    this.more.hidden = remaining <= 0;
    this.more.textContent = `Show ${Math.min(PAGE_SIZE, remaining)} more of ${remaining} remaining`;
  }

  private showError(error: unknown): void {
    const offline = location.protocol === 'file:';
    this.status.classList.add('ms-search__status--error');
    this.status.textContent = offline
      ? 'Search needs the site to be served over http(s); it does not work from a file:// page.'
      : 'Search could not load its index. Check your connection and try again.';
    const fallback = element('p');
    const link = element('a', '', 'whole spec on one page');
    link.href = `${this.base}all/`;
    fallback.append('Meanwhile, the ', link, ' works with your browser’s find (Ctrl-F or ⌘-F).');
    this.hint.replaceChildren(fallback);
    this.hint.hidden = false;
    this.hintReplaced = true;
    console.warn('Search could not load:', error);
  }

  private setActive(index: number, scroll: boolean): void {
    const options = this.list.children;
    if (index === this.active || !options[index]) return;
    options[this.active]?.setAttribute('aria-selected', 'false');
    const option = options[index] as HTMLElement;
    option.setAttribute('aria-selected', 'true');
    this.active = index;
    this.input.setAttribute('aria-activedescendant', option.id);
    if (scroll) option.scrollIntoView({ block: 'nearest' });
  }

  private async showAvailableFilters(api: PagefindApi): Promise<void> {
    this.filters.showAvailable(await api.filters());
  }

  private syncQueryParam(query: string): void {
    if (!this.syncUrl) return;
    const url = new URL(location.href);
    if (query) url.searchParams.set('q', query);
    else url.searchParams.delete('q');
    if (url.href !== location.href) history.replaceState(history.state, '', url);
  }

  // ---- leaving --------------------------------------------------------------------------------

  private go(href: string, newTab: boolean): void {
    if (newTab) {
      window.open(href, '_blank', 'noopener');
      return;
    }
    const url = new URL(href);
    this.navigating = true;
    this.dialog.close();
    this.navigating = false;
    if (url.origin !== location.origin || url.pathname !== location.pathname || url.search !== location.search) {
      location.assign(url.href);
      return;
    }
    // Same page: jump to the anchor, replay the arrival highlight, and move focus there.
    const sameHash = url.hash === location.hash;
    location.hash = url.hash;
    const target = document.getElementById(decodeURIComponent(url.hash.slice(1)));
    if (!target) return;
    if (sameHash) {
      target.style.animation = 'none';
      void target.offsetWidth;
      target.style.animation = '';
      target.scrollIntoView();
    }
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
  }
}
