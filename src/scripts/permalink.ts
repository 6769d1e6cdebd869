// Loaded on the first click on a card's `#` permalink (page.ts): the link's URL goes to the
// address bar and, where the browser allows, to the clipboard, with a short note saying which.

export async function copyPermalink(link: HTMLAnchorElement): Promise<void> {
  const url = new URL(link.getAttribute('href')!, location.href).href;
  history.replaceState(null, '', url);
  try {
    await navigator.clipboard.writeText(url);
    link.dataset.copied = 'Link copied';
  } catch {
    link.dataset.copied = 'Link in address bar';
  }
  setTimeout(() => delete link.dataset.copied, 1800);
}
