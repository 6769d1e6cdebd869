// The search dialog, loaded on demand. Queries the Pagefind index of section and example records.
interface PagefindResult {
  data: () => Promise<{ url: string; excerpt: string; meta: Record<string, string> }>;
}
interface Pagefind {
  search: (query: string, options?: { filters?: Record<string, string[]> }) => Promise<{ results: PagefindResult[] } | null>;
  init: () => Promise<void>;
}

let dialog: HTMLDialogElement | undefined;
let pagefind: Promise<Pagefind> | undefined;

export function openSearch(base: string): void {
  dialog ??= createDialog(base);
  dialog.showModal();
  dialog.querySelector('input')!.select();
}

function loadPagefind(base: string): Promise<Pagefind> {
  pagefind ??= import(/* @vite-ignore */ `${base}pagefind/pagefind.js`).then(async (module: Pagefind) => {
    await module.init();
    return module;
  });
  return pagefind;
}

function createDialog(base: string): HTMLDialogElement {
  const element = document.createElement('dialog');
  element.className = 'search-dialog';
  element.setAttribute('aria-label', 'Search the spec');
  element.innerHTML = `
    <form method="dialog" class="search-dialog__form" role="search">
      <label class="ms-visually-hidden" for="search-input">Search the spec</label>
      <input id="search-input" class="search-dialog__input" type="search" placeholder="Search sections and examples" autocomplete="off" />
      <button class="search-dialog__close" value="close" aria-label="Close search">Esc</button>
    </form>
    <p class="search-dialog__status" role="status" aria-live="polite"></p>
    <ol class="search-dialog__results"></ol>`;
  document.body.append(element);
  const input = element.querySelector('input')!;
  const list = element.querySelector('ol')!;
  const status = element.querySelector('.search-dialog__status')!;
  let run = 0;
  input.addEventListener('input', async () => {
    const current = ++run;
    const query = input.value.trim();
    if (!query) {
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    const search = await (await loadPagefind(base)).search(query);
    const results = await Promise.all((search?.results ?? []).slice(0, 20).map((result) => result.data()));
    if (current !== run) return;
    status.textContent = `${results.length} result${results.length === 1 ? '' : 's'}`;
    list.replaceChildren(
      ...results.map((result) => {
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.href = result.url;
        link.className = 'search-result';
        const title = document.createElement('span');
        title.className = 'search-result__title';
        title.textContent = result.meta.title ?? result.url;
        const excerpt = document.createElement('span');
        excerpt.className = 'search-result__excerpt';
        excerpt.innerHTML = result.excerpt;
        link.append(title, excerpt);
        item.append(link);
        return item;
      }),
    );
  });
  return element;
}
