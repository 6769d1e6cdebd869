// The one menu of sections and examples, built on first use from the control that opens it
// (`a.ms-menu`, a plain link to the id without JavaScript): the id, a link, the short link, copy
// and cite (share.ts runs them), and the section's source links. One shared panel instead of a
// menu in every heading keeps chapter pages light; it moves next to the control that opened it,
// so it follows it in the tab order.

import { fromChapter } from '../../plugins/contract/index.ts';

let panel: HTMLDivElement | undefined;
let opener: HTMLAnchorElement | undefined;

/** What the control is for: its id, kind and title (the title sits between the quotes of its label). */
function targetOf(control: HTMLAnchorElement) {
  const id = decodeURIComponent(control.hash.slice(1));
  const name = control.getAttribute('aria-label') ?? '';
  const title = name.slice(name.indexOf('“') + 1, name.lastIndexOf('”'));
  const card = control.closest<HTMLElement>('article.ms-example');
  const kind = !card ? 'section' : card.classList.contains('ms-example--prompt') ? 'eval prompt' : 'example';
  return {
    id,
    title,
    kind,
    stable: !control.hasAttribute('data-unstable'),
    links: [...(control.parentElement?.querySelectorAll<HTMLAnchorElement>('.ms-links a') ?? [])],
  };
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text) node.textContent = text;
  return node;
}

function build(control: HTMLAnchorElement): HTMLDivElement {
  const { id, title, kind, stable, links } = targetOf(control);
  const box = element('div', 'ms-menu__panel');
  box.dataset.shareMenu = '';
  box.id = 'ms-menu-panel';
  box.setAttribute('role', 'group');
  box.setAttribute('aria-label', `Id, links and sharing for ${kind} “${title}”`);
  const idLine = element('p', 'ms-menu__id');
  idLine.append(element('span', 'ms-visually-hidden', 'Id: '), element('code', '', id));
  const item = <K extends 'a' | 'button'>(tag: K, label: string, share?: string, done?: string) => {
    const node = element(tag, 'ms-menu__item', label) as HTMLElementTagNameMap[K];
    if (node instanceof HTMLButtonElement) node.type = 'button';
    if (share) Object.assign(node.dataset, { share, id, title, done });
    return node;
  };
  const link = item('a', `Link to this ${kind}`);
  link.href = `#${id}`;
  box.append(idLine, link);
  if (stable) {
    const short = item('a', 'Copy short link', 'link', 'Short link copied');
    short.href = fromChapter.short(id);
    box.append(short, item('button', 'Copy link to this version', 'dated', 'Link to this version copied'));
  }
  box.append(kind === 'section' ? item('button', 'Copy as Markdown', 'markdown', 'Markdown copied') : item('button', 'Copy as JSON', 'json', 'JSON copied'));
  if (stable) box.append(item('button', 'Cite', 'cite', 'Citation copied'));
  if (links.length) {
    const rule = element('div', 'ms-menu__rule');
    rule.setAttribute('role', 'separator');
    box.append(rule);
    for (const source of links) {
      const copy = element('a', 'ms-menu__item ms-menu__item--secondary ms-section-link', source.textContent ?? '');
      copy.href = source.href;
      copy.rel = 'nofollow';
      box.append(copy);
    }
  }
  const status = element('p', 'ms-menu__status');
  status.dataset.shareStatus = '';
  status.setAttribute('role', 'status');
  box.append(status);
  return box;
}

export function close(returnFocus: boolean): void {
  if (!panel || !opener) return;
  const from = opener;
  from.setAttribute('aria-expanded', 'false');
  panel.remove();
  panel = opener = undefined;
  if (returnFocus) from.focus();
}

/** Opens the menu of this control, or closes it when it is the one open. */
export function toggle(control: HTMLAnchorElement): void {
  const same = opener === control;
  close(false);
  if (same) return;
  panel = build(control);
  opener = control;
  control.after(panel);
  control.setAttribute('aria-expanded', 'true');
  control.setAttribute('aria-controls', panel.id);
}

document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && panel) {
    event.preventDefault();
    close(true);
  }
});
document.addEventListener('click', (event) => {
  const target = event.target as Element;
  if (panel && !panel.contains(target) && !opener?.contains(target)) close(false);
});
document.addEventListener('focusin', (event) => {
  // Tabbing past the menu closes it, as leaving any popup does.
  const target = event.target as Element;
  if (panel && !panel.contains(target) && target !== opener) close(false);
});
