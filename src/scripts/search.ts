// The search dialog, loaded on demand (by search-loader.ts or the /search/ page). It queries the
// Pagefind index of section and example records (plugins/model/search-records.ts) through
// Pagefind's JS API: results as you type, filters by authority, kind and grade, and a combobox
// with a listbox of results (focus stays in the input; arrows move aria-activedescendant).

/** What Pagefind returns for one record (the fields this UI reads). */
interface PagefindFragment {
  url: string;
  excerpt: string;
  /** The record's whole text (it starts with the title). */
  content?: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}
interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<PagefindFragment>;
}
interface PagefindResponse {
  results: PagefindResult[];
}
type FilterCounts = Record<string, Record<string, number>>;
interface PagefindApi {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (term: string | null, options?: { filters?: Record<string, string>; sort?: Record<string, 'asc' | 'desc'> }) => Promise<PagefindResponse | null>;
  preload: (term: string) => Promise<void>;
  filters: () => Promise<FilterCounts>;
}

export interface OpenSearchOptions {
  /** Text to search for right away. */
  query?: string;
  /** Gets focus back when the dialog closes without opening a result (default: what had focus). */
  returnFocus?: HTMLElement | null;
  /** Keep `?q=` of the current URL in step with the query (the /search/ page). */
  syncUrl?: boolean;
}

interface Level {
  name: string;
  label: string;
}

interface Entry {
  url: string;
  title: string;
  id: string;
  chapter: string;
  section: string;
  kind: string;
  authority: string;
  grades: string[];
  excerpt: string;
  /** Characters at the start of the excerpt that repeat (the end of) the title. */
  titleOverlap: number;
}

type FilterKey = 'authority' | 'kind' | 'grade';

/** Results rendered at a time; more load from a button or by arrowing past the last one. */
const PAGE_SIZE = 20;
/** Results whose data is awaited before the list first renders (about a screenful). */
const FIRST_BATCH = 6;
const DEBOUNCE_MS = 60;
const NO_LEVEL = 'No level';
const KINDS = ['Section', 'Example', 'Eval prompt'];
const GRADES = [
  { value: 'Violating', name: 'violating' },
  { value: 'Compliant', name: 'compliant' },
  { value: 'OK', name: 'ok' },
];

let search: SearchDialog | undefined;

/** Opens the search dialog (creating it on first use) and focuses its input. */
export function openSearch(options: OpenSearchOptions = {}): void {
  search ??= new SearchDialog(readConfig());
  search.open(options);
}

function readConfig(): { base: string; levels: Level[] } {
  const container = document.querySelector<HTMLElement>('[data-search]');
  let levels: Level[] = [];
  try {
    levels = JSON.parse(container?.dataset.levels ?? '[]') as Level[];
  } catch {
    // Badges then fall back to the neutral colour.
  }
  return { base: container?.dataset.base ?? '/', levels };
}

let pagefind: Promise<PagefindApi> | undefined;

function loadPagefind(base: string): Promise<PagefindApi> {
  pagefind ??= (async () => {
    const api = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as PagefindApi;
    await api.options({
      // Record URLs already carry the site's base path (`/base/chapter/#id`).
      baseUrl: '/',
      excerptLength: 22,
      ranking: {
        // Title matches lead; an id typed or pasted in full finds its section; where a record
        // sits (chapter, section of an example) counts for little.
        metaWeights: { title: 8, id: 4, chapter: 0.3, section: 0.5 },
      },
    });
    await api.init();
    return api;
  })();
  pagefind.catch(() => {
    pagefind = undefined; // Let a later attempt retry (a flaky network, say).
  });
  return pagefind;
}

class SearchDialog {
  private readonly base: string;
  private readonly levels: Level[];
  private readonly dialog: HTMLDialogElement;
  private readonly input: HTMLInputElement;
  private readonly list: HTMLElement;
  private readonly status: HTMLElement;
  private readonly hint: HTMLElement;
  private readonly more: HTMLButtonElement;
  private readonly body: HTMLElement;
  private readonly filterBar: HTMLElement;
  private results: PagefindResult[] = [];
  private entries: Entry[] = [];
  private active = -1;
  private run = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private returnFocus: HTMLElement | null = null;
  private navigating = false;
  private syncUrl = false;
  private lastQuery = '';

  constructor({ base, levels }: { base: string; levels: Level[] }) {
    this.base = base;
    this.levels = levels;
    this.dialog = document.createElement('dialog');
    this.dialog.className = 'ms-search';
    this.dialog.setAttribute('aria-labelledby', 'ms-search-title');
    this.dialog.innerHTML = `
      <div class="ms-search__panel">
        <h2 id="ms-search-title" class="ms-visually-hidden">Search the spec</h2>
        <div class="ms-search__bar">
          <svg class="ms-search__icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true"><path fill="currentColor" d="M10 4a6 6 0 1 0 3.87 10.59l4.77 4.77 1.41-1.41-4.77-4.77A6 6 0 0 0 10 4zm0 2a4 4 0 1 1 0 8 4 4 0 0 1 0-8z"/></svg>
          <label class="ms-visually-hidden" for="ms-search-input">Search sections and examples</label>
          <input id="ms-search-input" class="ms-search__input" type="text" role="combobox" aria-autocomplete="list"
            aria-expanded="false" aria-controls="ms-search-results" aria-describedby="ms-search-help"
            autocomplete="off" autocapitalize="off" spellcheck="false" enterkeyhint="go"
            placeholder="Search sections and examples" />
          <button class="ms-search__close" type="button"><kbd aria-hidden="true">Esc</kbd><span class="ms-search__close-text">Close</span></button>
        </div>
        <div class="ms-search__filters" data-filters></div>
        <p class="ms-search__status" role="status" aria-live="polite" aria-atomic="true"></p>
        <div class="ms-search__body">
          <div class="ms-search__hint" data-hint>${hintHtml()}</div>
          <div id="ms-search-results" class="ms-search__results" role="listbox" aria-label="Search results"></div>
          <button class="ms-search__more" type="button" hidden></button>
        </div>
        <p id="ms-search-help" class="ms-search__help"><kbd>↑</kbd> <kbd>↓</kbd> to choose, <kbd>Enter</kbd> to open, <kbd>Esc</kbd> to close</p>
      </div>`;
    document.body.append(this.dialog);
    this.input = this.dialog.querySelector('input')!;
    this.list = this.dialog.querySelector('[role="listbox"]')!;
    this.status = this.dialog.querySelector('[role="status"]')!;
    this.hint = this.dialog.querySelector('[data-hint]')!;
    this.more = this.dialog.querySelector('.ms-search__more')!;
    this.body = this.dialog.querySelector('.ms-search__body')!;
    this.filterBar = this.dialog.querySelector('[data-filters]')!;
    this.renderFilters();
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
    loadPagefind(this.base).then((api) => this.showAvailableFilters(api)).catch(() => {});
  }

  // ---- events -------------------------------------------------------------------------------

  private listen(): void {
    this.input.addEventListener('input', () => {
      const query = this.input.value.trim();
      if (query) void loadPagefind(this.base).then((api) => api.preload(query)).catch(() => {});
      this.schedule(DEBOUNCE_MS);
    });
    this.input.addEventListener('keydown', (event) => this.onKeydown(event));
    this.filterBar.addEventListener('change', () => this.schedule(0));
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

  private selectedFilters(): Partial<Record<FilterKey, string>> {
    const selected: Partial<Record<FilterKey, string>> = {};
    for (const input of this.filterBar.querySelectorAll<HTMLInputElement>('input:checked')) {
      if (input.value) selected[input.name.replace('ms-search-', '') as FilterKey] = input.value;
    }
    return selected;
  }

  private async update(): Promise<void> {
    const run = ++this.run;
    const query = this.input.value.trim();
    const filters = this.selectedFilters();
    const filtered = Object.keys(filters).length > 0;
    this.syncQueryParam(query);
    // What the list shows, for tests and styling: `data-query` and `data-filters` (`kind=Example&…`).
    const shown = () => {
      this.dialog.dataset.query = query;
      this.dialog.dataset.filters = Object.entries(filters).map(([key, value]) => `${key}=${value}`).join('&');
    };
    if (!query && !filtered) {
      this.lastQuery = '';
      this.results = [];
      this.render([], '');
      shown();
      return;
    }
    this.dialog.toggleAttribute('data-busy', true);
    try {
      const api = await loadPagefind(this.base);
      // With no words, filters list every matching record in spec order.
      const response = await api.search(query || null, { filters, ...(query ? {} : { sort: { order: 'asc' } }) });
      if (run !== this.run || !response) return;
      // The first few results show as soon as their data arrives; the rest of the page follows.
      const page = await Promise.all(response.results.slice(0, FIRST_BATCH).map((result) => result.data()));
      if (run !== this.run) return;
      this.lastQuery = query;
      this.results = response.results;
      const entries = page.map((fragment) => toEntry(fragment));
      const message = describe(response.results.length, query, filtered);
      this.render(query ? rerank(query, entries) : entries, message, false);
      shown();
      await this.loadMore(PAGE_SIZE - FIRST_BATCH);
      if (run !== this.run || !query) return;
      // With the whole first page in, an exact title match that ranked below the first few moves
      // up (rare: Pagefind's title boost usually has it first), unless the reader already moved.
      if (this.active <= 0 && this.entries.slice(FIRST_BATCH).some((entry) => tier(query, entry) === 0)) {
        this.render(rerank(query, this.entries), message);
      }
    } catch (error) {
      if (run !== this.run) return;
      this.results = [];
      this.render([], '');
      this.showError(error);
      shown();
    } finally {
      if (run === this.run) this.dialog.removeAttribute('data-busy');
    }
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
    const next = this.results.slice(this.entries.length, this.entries.length + count);
    if (next.length === 0) return this.updateMore();
    const page = await Promise.all(next.map((result) => result.data()));
    if (run !== this.run) return;
    const start = this.entries.length;
    this.entries.push(...page.map((fragment) => toEntry(fragment)));
    this.list.append(...this.entries.slice(start).map((entry, offset) => this.option(entry, start + offset)));
    this.updateMore();
  }

  // ---- rendering ----------------------------------------------------------------------------

  private hintReplaced = false;

  private render(entries: Entry[], message: string, complete = true): void {
    if (this.hintReplaced) {
      this.hint.innerHTML = hintHtml();
      this.hintReplaced = false;
    }
    this.entries = entries;
    this.active = -1;
    this.list.replaceChildren(...entries.map((entry, index) => this.option(entry, index)));
    this.hint.hidden = Boolean(message);
    this.status.textContent = message;
    this.status.classList.remove('ms-search__status--error');
    this.input.setAttribute('aria-expanded', String(entries.length > 0));
    if (complete) this.updateMore();
    else this.more.hidden = true;
    if (entries.length > 0) this.setActive(0, false);
    else this.input.removeAttribute('aria-activedescendant');
    this.body.scrollTop = 0;
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

  /** One result: a link that is also the listbox option (middle-click and copy-link still work). */
  private option(entry: Entry, index: number): HTMLAnchorElement {
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
    title.append(...highlight(entry.title || entry.url, this.lastQuery));
    head.append(title);
    const level = this.levels.find((candidate) => candidate.label === entry.authority);
    if (entry.authority && entry.authority !== NO_LEVEL) {
      const badge = element('span', `ms-badge ms-badge--small${level ? ` ms-badge--${level.name}` : ''}`);
      badge.append(element('span', 'ms-visually-hidden', 'Authority: '), entry.authority);
      head.append(badge);
    }
    if (entry.grades.length) {
      const grades = element('span', 'ms-result__grades');
      grades.append(element('span', 'ms-visually-hidden', `Responses: ${entry.grades.join(', ')}`));
      for (const grade of GRADES.filter((candidate) => entry.grades.includes(candidate.value))) {
        const mark = element('span', `ms-result__grade ms-result__grade--${grade.name}`);
        mark.setAttribute('aria-hidden', 'true');
        mark.title = `Has a ${grade.value} response`;
        grades.append(mark);
      }
      head.append(grades);
    }

    const excerpt = element('span', 'ms-result__excerpt');
    excerpt.append(...dropChars(safeExcerpt(entry.excerpt), entry.titleOverlap));
    link.append(context, head, excerpt);
    return link;
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

  private renderFilters(): void {
    const groups: { key: FilterKey; label: string; values: { value: string; label: string; tone?: string }[] }[] = [
      {
        key: 'authority',
        label: 'Authority',
        values: [...this.levels.map((level) => ({ value: level.label, label: level.label, tone: `ms-badge--${level.name}` })), { value: NO_LEVEL, label: NO_LEVEL }],
      },
      { key: 'kind', label: 'Kind', values: KINDS.map((kind) => ({ value: kind, label: kind === 'Eval prompt' ? 'Eval prompts' : `${kind}s` })) },
      { key: 'grade', label: 'Has a response', values: GRADES.map((grade) => ({ value: grade.value, label: grade.value, tone: `ms-chip--${grade.name}` })) },
    ];
    for (const group of groups) {
      const wrapper = element('div', 'ms-search__group');
      wrapper.setAttribute('role', 'radiogroup');
      wrapper.setAttribute('aria-labelledby', `ms-search-group-${group.key}`);
      const label = element('span', 'ms-search__group-label', group.label);
      label.id = `ms-search-group-${group.key}`;
      wrapper.append(label);
      for (const value of [{ value: '', label: 'Any' }, ...group.values]) {
        const chip = element('label', `ms-chip${'tone' in value && value.tone ? ` ${value.tone}` : ''}`);
        const radio = document.createElement('input');
        radio.type = 'radio';
        radio.name = `ms-search-${group.key}`;
        radio.value = value.value;
        radio.checked = value.value === '';
        chip.append(radio, element('span', 'ms-chip__text', value.label));
        wrapper.append(chip);
      }
      this.filterBar.append(wrapper);
    }
  }

  private filtersShown = false;

  /** Hides filter values no record has (a spec without eval prompts, say). */
  private async showAvailableFilters(api: PagefindApi): Promise<void> {
    if (this.filtersShown) return;
    this.filtersShown = true;
    const counts = await api.filters();
    for (const radio of this.filterBar.querySelectorAll<HTMLInputElement>('input[type="radio"]')) {
      const key = radio.name.replace('ms-search-', '');
      if (radio.value && !counts[key]?.[radio.value]) radio.closest('label')!.hidden = true;
    }
    for (const group of this.filterBar.querySelectorAll<HTMLElement>('.ms-search__group')) {
      group.hidden = group.querySelectorAll('label:not([hidden])').length <= 2;
    }
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

// ---- helpers ----------------------------------------------------------------------------------

function toEntry(fragment: PagefindFragment): Entry {
  return {
    url: fragment.url,
    title: fragment.meta.title ?? '',
    id: fragment.meta.id ?? '',
    chapter: fragment.meta.chapter ?? '',
    section: fragment.meta.section ?? '',
    kind: fragment.filters.kind?.[0] ?? fragment.meta.kind ?? '',
    authority: fragment.filters.authority?.[0] ?? fragment.meta.authority ?? '',
    grades: fragment.filters.grade ?? [],
    excerpt: fragment.excerpt,
    titleOverlap: titleOverlap(fragment),
  };
}

function normalize(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * Pagefind ranks by words; a reader who types a title wants that section first. Within the
 * first page: exact title (or id) matches, then titles that start with the query, then titles
 * containing every word; otherwise Pagefind's order. Sections before examples on ties.
 */
function rerank(query: string, entries: Entry[]): Entry[] {
  return entries
    .map((entry, index) => ({ entry, index, tier: tier(query, entry), section: entry.kind === 'Section' ? 0 : 1 }))
    .sort((a, b) => a.tier - b.tier || (a.tier < 3 ? a.section - b.section : 0) || a.index - b.index)
    .map(({ entry }) => entry);
}

/** 0: the title (or id) is the query; 1: the title starts with it; 2: has all its words; 3: other. */
function tier(query: string, entry: Entry): number {
  const wanted = normalize(query.replace(/^"|"$/g, ''));
  const title = normalize(entry.title);
  if (title === wanted || entry.id === query.trim()) return 0;
  if (title.startsWith(wanted)) return 1;
  const titleWords = title.split(' ');
  return wanted.split(' ').every((word) => titleWords.some((candidate) => candidate.startsWith(word))) ? 2 : 3;
}

function describe(count: number, query: string, filtered: boolean): string {
  const results = `${count} result${count === 1 ? '' : 's'}`;
  if (count === 0) return query ? `No results for “${query}”${filtered ? ' with these filters' : ''}` : 'No results with these filters';
  return filtered ? `${results} (filtered)` : results;
}

/** The title as text nodes, with words that start with a query word in <mark>. */
function highlight(text: string, query: string): Node[] {
  const words = normalize(query).split(' ').filter(Boolean);
  if (!words.length) return [document.createTextNode(text)];
  const nodes: Node[] = [];
  for (const part of text.split(/([\p{L}\p{N}]+)/u)) {
    if (!part) continue;
    const plain = normalize(part);
    if (plain && words.some((word) => plain.startsWith(word))) nodes.push(element('mark', '', part));
    else nodes.push(document.createTextNode(part));
  }
  return nodes;
}

/** Pagefind's excerpt is escaped text with <mark> around matches; keep exactly that, as DOM nodes. */
function safeExcerpt(html: string): Node[] {
  const template = document.createElement('template');
  template.innerHTML = html;
  return [...template.content.childNodes].map((node) =>
    node.nodeName === 'MARK' ? element('mark', '', node.textContent ?? '') : document.createTextNode(node.textContent ?? ''),
  );
}

/**
 * Record content starts with the title (so phrase searches find it). When the excerpt's window
 * opens inside the title, the result would show those words twice; returns how many characters
 * of the excerpt are title, to drop (0 when the excerpt would be left empty).
 */
function titleOverlap(fragment: PagefindFragment): number {
  const title = fragment.meta.title ?? '';
  const content = fragment.content ?? '';
  if (!title || !content.startsWith(title)) return 0;
  const text = safeExcerpt(fragment.excerpt).map((node) => node.textContent ?? '').join('');
  const start = content.indexOf(text.slice(0, 48));
  if (start < 0 || start >= title.length) return 0;
  const overlap = title.length - start;
  return /\S/.test(text.slice(overlap)) ? overlap : 0;
}

/** The nodes without their first `count` characters (and the whitespace after them). */
function dropChars(nodes: Node[], count: number): Node[] {
  if (count <= 0) return nodes;
  let skip = count;
  const kept: Node[] = [];
  for (const node of nodes) {
    const value = node.textContent ?? '';
    if (skip >= value.length) {
      skip -= value.length;
      continue;
    }
    if (skip > 0) node.textContent = value.slice(skip);
    skip = 0;
    kept.push(node);
  }
  if (kept[0]) kept[0].textContent = (kept[0].textContent ?? '').replace(/^\s+/, '');
  return kept;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className = '', text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

function hintHtml(): string {
  return `<p>Search section titles, rules and example conversations. Filters work without a query too: pick <em>Violating</em> to list every example with a violating response.</p>
    <p>Put a phrase in "quotes" to match it exactly, or type a section id${sampleId()}.</p>`;
}

/** " such as <code>id</code>" with a real section id from the current page, if it has one. */
function sampleId(): string {
  const id = document.querySelector<HTMLElement>('.content h2.ms-heading[id]')?.id;
  return id ? ` such as <code>${escapeHtml(id)}</code>` : '';
}
