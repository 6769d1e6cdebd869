// The dialog's static markup.
import { escapeHtml } from './dom.ts';

export const DIALOG_HTML = `
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
    <p class="ms-search__edition" data-edition-note hidden></p>
    <div class="ms-search__filters" data-filters></div>
    <p class="ms-search__status" role="status" aria-live="polite" aria-atomic="true"></p>
    <p class="ms-search__suggestion" data-suggestion hidden></p>
    <div class="ms-search__body">
      <div class="ms-search__hint" data-hint></div>
      <div id="ms-search-results" class="ms-search__results" role="listbox" aria-label="Search results"></div>
      <button class="ms-search__more" type="button" hidden></button>
    </div>
    <p id="ms-search-help" class="ms-search__help"><kbd>↑</kbd> <kbd>↓</kbd> to choose, <kbd>Enter</kbd> to open, <kbd>Esc</kbd> to close</p>
  </div>`;

export function hintHtml(): string {
  return `<p>Search section titles, rules and example conversations. Filters work without a query too: pick <em>Violating</em> to list every example with a violating response.</p>
    <p>Put a phrase in "quotes" to match it exactly, or type a section id${sampleId()}.</p>`;
}

/** " such as <code>id</code>" with a real section id from the current page, if it has one. */
function sampleId(): string {
  const id = document.querySelector<HTMLElement>('.content h2.ms-heading[id]')?.id;
  return id ? ` such as <code>${escapeHtml(id)}</code>` : '';
}
