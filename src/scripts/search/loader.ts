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
/**
 * Starts every download a first search needs, side by side, before the UI code has arrived:
 * Pagefind's script, and the files `pagefind/preload.json` lists (worker, WebAssembly, metadata,
 * filter and index chunks). Left alone, Pagefind requests them one after another; fetched here
 * they wait in the HTTP cache, which its worker shares.
 */
function warm(): void {
  if (warming || !opener) return;
  warming = true;
  import(/* @vite-ignore */ `${base}pagefind/pagefind.js`).catch(() => {});
  fetch(`${base}pagefind/preload.json`)
    .then((response) => response.json() as Promise<{ files: string[] }>)
    .then(({ files }) => Promise.all(files.map((file) => fetch(`${base}pagefind/${file}`).then((response) => response.arrayBuffer()))))
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

async function prefetchIndex(): Promise<void> {
  // Once search is loading, Pagefind fetches these itself; a prefetch would only compete.
  if (!opener || module) return;
  const response = await fetch(`${base}pagefind/pagefind-entry.json`);
  const entry = (await response.json()) as { languages: Record<string, { hash: string; wasm?: string }> };
  const language = Object.values(entry.languages)[0];
  if (!language || module) return;
  for (const file of [`wasm.${language.wasm ?? 'unknown'}.pagefind`, `pagefind.${language.hash}.pf_meta`]) {
    const link = document.createElement('link');
    link.rel = 'prefetch';
    link.href = `${base}pagefind/${file}`;
    document.head.append(link);
  }
}
const idle = (callback: () => void) => ('requestIdleCallback' in window ? requestIdleCallback(callback, { timeout: 5000 }) : setTimeout(callback, 2000));
idle(() => void prefetchIndex().catch(() => {}));
