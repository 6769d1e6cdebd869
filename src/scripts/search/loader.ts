// Eager and tiny (every reading page runs it): opens search on a click of the header button or
// the `/` and Ctrl/⌘-K shortcuts, and gets search ready before that. When the pointer or focus
// reaches the button, the search UI and Pagefind load; when the browser is idle, Pagefind's
// WebAssembly and index metadata are prefetched (data, not script: reading pages stay light).
export {};
const container = document.querySelector<HTMLElement>('[data-search]');
const opener = container?.querySelector<HTMLAnchorElement>('[data-search-open]');
const base = container?.dataset.base ?? '/';
let module: Promise<typeof import('./open.ts')> | undefined;
const load = () => {
  warm();
  return (module ??= import('./open.ts'));
};

let warming = false;
let list: Promise<string[]> | undefined;
/** The files a first search needs (worker, WebAssembly, metadata, filter and index chunks), as the build lists them. */
const firstSearchFiles = () =>
  (list ??= fetch(`${base}pagefind/preload.json`).then(async (response) => ((await response.json()) as { files: string[] }).files));

/**
 * Starts every download a first search needs, side by side, before the UI code has arrived:
 * Pagefind's script and the files of `pagefind/preload.json`. Left alone, Pagefind requests them
 * one after another; fetched here they wait in the HTTP cache, which its worker shares.
 */
function warm(): void {
  if (warming || !opener) return;
  warming = true;
  import(/* @vite-ignore */ `${base}pagefind/pagefind.js`).catch(() => {});
  firstSearchFiles()
    .then((files) => Promise.all(files.map((file) => fetch(`${base}pagefind/${file}`).then((response) => response.arrayBuffer()))))
    .catch(() => {});
}

async function open(): Promise<void> {
  // Whatever had focus gets it back when the dialog closes (the header button after a click).
  const returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const { openSearch } = await load();
  openSearch({ returnFocus });
}

opener?.addEventListener('click', (event) => {
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  void open();
});
for (const type of ['pointerenter', 'focus']) {
  opener?.addEventListener(type, () => void load().then((search) => search.preloadSearch()), { once: true });
}

document.addEventListener('keydown', (event) => {
  if (event.defaultPrevented || event.isComposing) return;
  const target = event.target as HTMLElement;
  const typing = target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
  const slash = event.key === '/' && !typing && !event.metaKey && !event.ctrlKey && !event.altKey;
  const commandK = event.key.toLowerCase() === 'k' && (event.metaKey || event.ctrlKey) && !event.altKey;
  if (slash || commandK) {
    event.preventDefault();
    void open();
  }
});

/** At idle, the WebAssembly and index metadata are prefetched: data, not script. Once search is loading, Pagefind fetches them itself. */
async function prefetchIndex(): Promise<void> {
  if (!opener || module) return;
  const files = await firstSearchFiles();
  for (const file of files.filter((name) => /\.(pagefind|pf_meta)$/.test(name))) {
    if (module) return;
    const link = document.createElement('link');
    link.rel = 'prefetch';
    link.href = `${base}pagefind/${file}`;
    document.head.append(link);
  }
}
// The search page (`/search/?q=words`) opens the dialog at once. Started here rather than by a
// script of that page: a second entry script would share Vite's preload helper with this one,
// which then loads as a chunk of its own, one request after this script.
if (document.querySelector('[data-search-page-open]')) void load().then((search) => search.openSearchPage());

const idle = (callback: () => void) => ('requestIdleCallback' in window ? requestIdleCallback(callback, { timeout: 5000 }) : setTimeout(callback, 2000));
idle(() => void prefetchIndex().catch(() => {}));
