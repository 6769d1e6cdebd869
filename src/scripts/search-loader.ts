// Tiny: waits for the search shortcut or a click, then loads the search UI on demand.
export {};
const container = document.querySelector<HTMLElement>('[data-search]');
const opener = container?.querySelector<HTMLAnchorElement>('[data-search-open]');
let module: Promise<typeof import('./search.ts')> | undefined;
const load = () => (module ??= import('./search.ts'));

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
// Hovering or tabbing to the button fetches the (small) dialog code ahead of the click.
for (const type of ['pointerenter', 'focus']) opener?.addEventListener(type, () => void load(), { once: true });

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
