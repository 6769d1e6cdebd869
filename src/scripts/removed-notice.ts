// Arriving from a link to an id that was removed on purpose (`?removed=old_id#replacement`): say
// what happened above the section the reader landed on, then tidy the address bar.

const params = new URLSearchParams(location.search);
const removedId = params.get('removed');

interface Removed {
  title: string;
  removedIn: string | null;
  reason: string;
  see: { id: string; title: string } | null;
}

if (removedId) {
  const base = document.querySelector<HTMLElement>('[data-base]')?.dataset.base ?? '/';
  fetch(`${base}removed.json`)
    .then((response) => response.json() as Promise<Record<string, Removed>>)
    .then((all) => {
      const removed = Object.hasOwn(all, removedId) ? all[removedId] : undefined;
      if (!removed) return;
      const notice = document.createElement('div');
      notice.className = 'ms-removed-notice';
      notice.setAttribute('role', 'status');
      const strong = document.createElement('strong');
      strong.textContent = `“${removed.title}” (${removedId}) was removed${removed.removedIn ? ` in ${removed.removedIn}` : ''}.`;
      notice.append(strong, ` ${removed.reason}`, removed.see ? ` You are reading “${removed.see.title}”, which replaces it.` : '');
      const anchor = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
      (anchor ?? document.querySelector('main'))?.before(notice);
      params.delete('removed');
      const query = params.toString();
      history.replaceState(history.state, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
    })
    .catch(() => {});
}

export {};
