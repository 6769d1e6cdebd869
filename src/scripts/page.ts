// The only script a reading page loads up front: theme toggle, contents drawer on narrow screens,
// back to top, scrollspy; the rest loads on first use. Everything works without it; it adds conveniences.

const root = document.documentElement;
const narrow = window.matchMedia('(max-width: 60rem)');
/** The landing code (arrive.ts): loaded for an #id, or to show a notice a version switch left. */
const landing = () => import('./arrive.ts');

/** Theme: follow the system, light or dark, in that cycle; the choice is kept across pages. */
function setupTheme(): void {
  const button = document.querySelector<HTMLButtonElement>('[data-theme-toggle]');
  if (!button) return;
  const prefersDark = window.matchMedia('(prefers-color-scheme: dark)');
  const names = { system: 'follow the system', light: 'light', dark: 'dark' };
  const sync = () => {
    const state = (root.dataset.theme ?? 'system') as keyof typeof names;
    const shown = state === 'system' ? (prefersDark.matches ? 'dark' : 'light') : state;
    button.dataset.state = state;
    button.setAttribute('aria-label', `Theme: ${names[state]}${state === 'system' ? ` (now ${shown})` : ''}. Change theme`);
    button.title = `Theme: ${names[state]}`;
  };
  sync();
  prefersDark.addEventListener('change', sync);
  button.addEventListener('click', () => {
    const next = { system: 'light', light: 'dark', dark: 'system' }[root.dataset.theme ?? 'system'] ?? 'system';
    if (next === 'system') delete root.dataset.theme;
    else root.dataset.theme = next;
    try {
      if (next === 'system') localStorage.removeItem('ms-theme');
      else localStorage.setItem('ms-theme', next);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
    sync();
  });
}

/** On narrow screens the contents are a drawer, opened from the sticky header at any scroll position. */
function setupDrawer(): void {
  const toc = document.querySelector<HTMLDetailsElement>('[data-toc]');
  const button = document.querySelector<HTMLButtonElement>('[data-drawer-toggle]');
  const sidebar = document.getElementById('sidebar');
  if (!toc || !button || !sidebar) return;
  toc.open = true;
  const isOpen = () => root.hasAttribute('data-drawer-open');
  const set = (open: boolean, focus = true) => {
    root.toggleAttribute('data-drawer-open', open);
    button.setAttribute('aria-expanded', String(open));
    if (open)
      (sidebar.querySelector<HTMLElement>('[aria-current="location"], [aria-current="page"]') ?? sidebar.querySelector('a'))?.focus({ preventScroll: false });
    else if (focus) button.focus();
  };
  button.addEventListener('click', () => set(!isOpen()));
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && isOpen()) set(false);
  });
  document.addEventListener('click', (event) => {
    if (!isOpen()) return;
    const target = event.target as Element;
    // A chosen link closes the drawer so the section shows; so does a tap outside it.
    if (target.closest('#sidebar a') || (!target.closest('#sidebar') && !target.closest('[data-drawer-toggle]'))) set(false, false);
  });
  narrow.addEventListener('change', () => isOpen() && set(false, false));
}

/** The back-to-top button of the header shows once the reader has scrolled a screen down. */
function setupBackToTop(): void {
  let shown = false;
  const check = () => {
    const next = window.scrollY > window.innerHeight;
    if (next !== shown) root.toggleAttribute('data-scrolled', (shown = next));
  };
  window.addEventListener('scroll', check, { passive: true });
  check();
}

/**
 * The header's drawn height, for the scroll padding and the drawer: on phones the section's title
 * wraps in the header, so its height follows what is being read.
 */
function setupHeaderHeight(): void {
  const header = document.querySelector<HTMLElement>('.site-header');
  if (!header) return;
  new ResizeObserver(() => root.style.setProperty('--ms-header-now', `${header.offsetHeight}px`)).observe(header);
}

function setupScrollspy(): void {
  const headings = [...document.querySelectorAll<HTMLElement>('.content .ms-heading[id]')];
  const links = new Map<string, HTMLAnchorElement>();
  for (const link of document.querySelectorAll<HTMLAnchorElement>('.sidebar [data-toc-id]')) links.set(link.dataset.tocId!, link);
  const labels = document.querySelectorAll<HTMLElement>('[data-current-section]');
  const sidebar = document.getElementById('sidebar')!;
  if (headings.length === 0) return;
  let current: HTMLAnchorElement | undefined;
  const update = () => {
    // The last heading above the upper third of the viewport is the section being read.
    let active = headings[0]!;
    for (const heading of headings) {
      if (heading.getBoundingClientRect().top < window.innerHeight * 0.3) active = heading;
      else break;
    }
    const link = links.get(active.id);
    if (link !== current) {
      current?.removeAttribute('aria-current');
      if (link && !link.classList.contains('toc__link--chapter')) link.setAttribute('aria-current', 'location');
      current = link;
      // The contents scroll (not the page) to keep the entry of the section being read in view.
      const box = sidebar.getBoundingClientRect();
      const at = link?.getBoundingClientRect();
      if (at && (at.top < box.top || at.bottom > box.bottom)) sidebar.scrollTop += at.top - box.top - box.height / 3;
    }
    // The contents name the section without the heading's badges.
    const title = link?.querySelector('.toc__title')?.textContent ?? active.textContent ?? '';
    for (const label of labels) label.textContent = title;
  };
  let pending = false;
  window.addEventListener(
    'scroll',
    () => {
      if (pending) return;
      pending = true;
      requestAnimationFrame(() => {
        pending = false;
        update();
      });
    },
    { passive: true },
  );
  update();
}

/**
 * The menu control of each section and example is a link to its id without this script; with
 * it, a button of the one shared menu (menu.ts, loaded on first use). Escape closes the version
 * menu and history popovers, giving focus back to their buttons.
 */
function setupMenus(): void {
  for (const control of document.querySelectorAll('a.ms-menu')) {
    control.role = 'button';
    control.ariaExpanded = 'false';
  }
  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement;
    if (event.key === ' ' && target.matches?.('a.ms-menu')) {
      event.preventDefault();
      target.click();
    }
    if (event.key === 'Escape') {
      for (const open of document.querySelectorAll<HTMLDetailsElement>('details.versions__menu[open], details.ms-history[open]')) {
        if (open.contains(document.activeElement)) open.querySelector('summary')!.focus();
        open.open = false;
      }
    }
  });
}

/** Version switcher, share controls, the section menu and permalinks: their scripts load on first use. */
function setupVersions(): void {
  document.addEventListener('click', (event) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey) return;
    const target = event.target as Element;
    const menu = target.closest<HTMLAnchorElement>('a.ms-menu');
    const permalink = target.closest<HTMLAnchorElement>('a.ms-permalink');
    if (menu) {
      event.preventDefault();
      void import('./menu.ts').then((module) => module.toggle(menu));
    } else if (permalink) {
      void import('./permalink.ts').then((module) => module.copyPermalink(permalink));
    }
    const link = target.closest<HTMLAnchorElement>('a[data-edition]');
    const control = target.closest<HTMLElement>('[data-share]');
    if (link && !link.getAttribute('aria-current')) {
      event.preventDefault();
      import('./versions.ts').then((module) => module.switchEdition(link)).catch(() => location.assign(link.href));
    } else if (control) {
      event.preventDefault();
      void import('./share.ts').then((module) => module.share(control));
    }
  });
  let text: string | null = null;
  try {
    text = sessionStorage.getItem('ms-notice');
    sessionStorage.removeItem('ms-notice');
  } catch {
    return;
  }
  // Only after a version switch that could not land on the same place: its code loads then.
  if (text) void landing().then((module) => module.showNotice(text));
}

/** `j`/`k`: next and previous section; `?`: the list of shortcuts (search owns `/` and Ctrl/Cmd-K). */
function setupKeys(): void {
  document.addEventListener('keydown', (event) => {
    const target = event.target;
    if (!'jk?'.includes(event.key) || event.metaKey || event.ctrlKey || event.altKey) return;
    if (target instanceof Element && target.closest('input, textarea, select, [contenteditable], dialog[open]')) return;
    event.preventDefault();
    void import('./keys.ts').then((module) => module.press(event.key));
  });
}

setupTheme();
setupMenus();
setupKeys();
setupVersions();
setupDrawer();
setupBackToTop();
setupHeaderHeight();
setupScrollspy();

// Arriving at an #id: the landing code (old ids, other pages, no animation) loads only then, or
// when the #id changes to one this page does not hold as it is (an old id, another page's id:
// ids are ASCII), where the browser's own jump cannot take the reader. A second import is a no-op.
if (location.hash) void landing();
else {
  // biome-ignore lint/suspicious/noGlobalAssign: the window's own handler slot (nothing else sets it), the shortest form under the script's 8 KB budget
  onhashchange = () => {
    const element = document.getElementById(location.hash.slice(1));
    if (element ? element.dataset.aliasOf : location.hash) void landing();
  };
}
// Arriving from a link to an id removed on purpose: the notice's code loads only then.
if (new URLSearchParams(location.search).has('removed')) void import('./removed-notice.ts');
