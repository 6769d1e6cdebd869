// Tiny: waits for the search shortcut or a click, then loads the search UI on demand.
export {};
const container = document.querySelector<HTMLElement>('[data-search]');
const opener = container?.querySelector<HTMLAnchorElement>('[data-search-open]');

async function open(): Promise<void> {
  const { openSearch } = await import('./search.ts');
  openSearch(container!.dataset.base ?? '/');
}

opener?.addEventListener('click', (event) => {
  if (event.metaKey || event.ctrlKey || event.shiftKey) return;
  event.preventDefault();
  void open();
});

document.addEventListener('keydown', (event) => {
  const target = event.target as HTMLElement;
  const typing = target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
  if ((event.key === '/' && !typing && !event.metaKey && !event.ctrlKey) || (event.key.toLowerCase() === 'k' && (event.metaKey || event.ctrlKey))) {
    event.preventDefault();
    void open();
  }
});
